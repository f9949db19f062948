import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { NodeInterface } from '../node/node.interface.js';

export enum AttachmentKind {
  ADDENDUM = 'ADDENDUM',
  APPROVAL_SHEET = 'APPROVAL_SHEET',
}
registerEnumType(AttachmentKind, {
  name: 'AttachmentKind',
  valuesConfig: {
    ADDENDUM: {
      description: 'Order addendum: new items and fees beside the previous counts (PDF).',
    },
    APPROVAL_SHEET: { description: 'Approval notification sheet (XLSX).' },
  },
});

/**
 * A document kept with a customer (and its order). The documents themselves arrive with
 * the documents issue; until then every list of attachments is empty.
 */
@ObjectType('Attachment', { implements: NodeInterface })
export class Attachment {
  id!: string;

  @Field(() => AttachmentKind)
  kind!: AttachmentKind;

  @Field(() => String)
  fileName!: string;

  @Field(() => String)
  contentType!: string;

  @Field(() => Int)
  byteSize!: number;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => String, {
    description:
      'Absolute or server-relative URL that downloads the file for the viewer (signed, expiring).',
  })
  downloadUrl!: string;
}
