import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { requireViewer, type Context } from '../../app/context.js';
import { Attachment } from './attachment.entity.js';

@Resolver(() => Attachment)
export class DocumentResolver {
  @FieldResolver(() => String, {
    description:
      'Absolute or server-relative URL that downloads the file for the viewer (signed, expiring).',
  })
  downloadUrl(@Root() attachment: Attachment, @Ctx() context: Context): string {
    return context.services.downloads.url(attachment.id, requireViewer(context).organizationId);
  }
}
