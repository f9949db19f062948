import {
  Arg,
  Ctx,
  FieldResolver,
  Int,
  Query,
  Resolver,
  Root,
  registerEnumType,
} from 'type-graphql';
import { forbidden } from '../../app/auth-gate.js';
import { pageSize } from '../../common/pagination.js';
import { requireViewer, type Context } from '../../app/context.js';
import { orderScope } from '../auth/access.js';
import { can } from '../auth/viewer.js';
import { ChangeOrder } from '../change-order/change-order.entity.js';
import { Attachment } from '../document/attachment.entity.js';
import { MailMessage } from './mail-message.entity.js';

export enum MailDelivery {
  /** Sent through the configured SMTP server. */
  SMTP = 'SMTP',
  /** Kept, unsent, in the mailbox: no SMTP server is configured. */
  KEPT = 'KEPT',
}
registerEnumType(MailDelivery, { name: 'MailDelivery' });

@Resolver(() => MailMessage)
export class MailboxResolver {
  /** How the portal's e-mail goes out; the app shows its mailbox only where it is KEPT. */
  @Query(() => MailDelivery, {
    description: "How the portal's e-mail goes out (KEPT: shown in the mailbox, unsent).",
  })
  mailDelivery(@Ctx() context: Context): MailDelivery {
    return context.services.smtpConfigured ? MailDelivery.SMTP : MailDelivery.KEPT;
  }

  /**
   * The dev mailbox: the e-mails the portal sent or keeps about the organisation's orders,
   * newest first. Where no SMTP server is configured they stay PENDING here, so a trial
   * install shows what would have been sent. Administrators only.
   */
  @Query(() => [MailMessage], {
    description:
      "E-mails about the organisation's orders, newest first (administrators; the dev mailbox).",
  })
  mailbox(
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Ctx() context: Context,
  ) {
    const viewer = requireViewer(context);
    if (!can(viewer, 'manageApiKeys'))
      throw forbidden('Only an administrator may read the mailbox.');
    return context.em.find(
      MailMessage,
      { order: orderScope(viewer) },
      { orderBy: { createdAt: 'desc', id: 'asc' }, limit: pageSize(first ?? 50) },
    );
  }

  @FieldResolver(() => ChangeOrder)
  order(@Root() mail: MailMessage, @Ctx() { loaders }: Context) {
    return loaders.entity(ChangeOrder, mail.order.id);
  }

  @FieldResolver(() => Attachment, { nullable: true })
  attachment(@Root() mail: MailMessage, @Ctx() { loaders }: Context) {
    return mail.attachment ? loaders.entity(Attachment, mail.attachment.id) : null;
  }
}
