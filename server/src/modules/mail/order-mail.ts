/**
 * What each order event puts in the outbox (SPEC.md "Documents and e-mail"): on approval,
 * the approval sheet and the notice to the order user; on Final Confirm, the addendum,
 * mailed to the order user and, separately, to the order's implementation lead. Runs in
 * the event's transaction, so documents and mails exist exactly when the event does. The
 * documents are built first (`prepareOrderMail`, before the event lock is taken: building
 * a PDF must not hold up every other order's events); the mails, which point at the event,
 * are added once it exists.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChangeOrder } from '../change-order/change-order.entity.js';
import { OrderEventType } from '../change-order/change-order.enums.js';
import type { OrderEvent } from '../change-order/order-event.entity.js';
import { addendumName, buildAddendum, PDF_TYPE } from '../document/addendum.js';
import { approvalSheetName, buildApprovalSheet, XLSX_TYPE } from '../document/approval-sheet.js';
import { Attachment, AttachmentKind } from '../document/attachment.entity.js';
import {
  formatDate,
  formatMoney,
  loadOrderDocumentData,
  noticeFields,
  type OrderDocumentData,
} from '../document/order-document.data.js';
import { MailMessage } from './mail-message.entity.js';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function table(rows: [string, string][]): { text: string; html: string } {
  return {
    text: rows.map(([label, value]) => `${label}: ${value}`).join('\n'),
    html: `<table>${rows
      .map(
        ([label, value]) =>
          `<tr><th align="left">${escape(label)}</th><td>${escape(value)}</td></tr>`,
      )
      .join('')}</table>`,
  };
}

function keep(
  em: EntityManager,
  data: OrderDocumentData,
  kind: AttachmentKind,
  fileName: string,
  contentType: string,
  content: Buffer,
) {
  return em.create(Attachment, {
    customer: data.customer,
    order: data.order,
    kind,
    fileName,
    contentType,
    byteSize: content.length,
    content,
  });
}

/** Adds the mails of an event, once it exists. */
export type QueueMail = (event: OrderEvent) => void;

export async function prepareOrderMail(
  em: EntityManager,
  type: OrderEventType,
  order: ChangeOrder,
): Promise<QueueMail | null> {
  if (type === OrderEventType.APPROVED) return approvalNotice(em, order);
  if (type === OrderEventType.CONFIRMED) return addendumMails(em, order);
  return null;
}

async function approvalNotice(em: EntityManager, order: ChangeOrder): Promise<QueueMail> {
  const data = await loadOrderDocumentData(em, order);
  const sheet = keep(
    em,
    data,
    AttachmentKind.APPROVAL_SHEET,
    approvalSheetName(data),
    XLSX_TYPE,
    await buildApprovalSheet(data),
  );
  const notice = table([
    ...noticeFields(data),
    ...(data.productChange ? [['Product Change', data.productChange] as [string, string]] : []),
  ]);
  const subject = `Order Notification_${data.customer.name}_Change_Approved`;
  return (event) =>
    em.create(MailMessage, {
      order,
      event,
      to: data.orderUser.email,
      toName: data.orderUser.name,
      subject,
      text: `Your change order has been approved.\n\n${notice.text}\n\nThe approval sheet is attached. Give the final confirmation in Order Management > Order Final Confirm.\n`,
      html: `<p>Your change order has been approved.</p>${notice.html}<p>The approval sheet is attached. Give the final confirmation in <b>Order Management &gt; Order Final Confirm</b>.</p>`,
      attachment: sheet,
    });
}

async function addendumMails(em: EntityManager, order: ChangeOrder): Promise<QueueMail> {
  const data = await loadOrderDocumentData(em, order);
  const pdf = keep(
    em,
    data,
    AttachmentKind.ADDENDUM,
    addendumName(data),
    PDF_TYPE,
    await buildAddendum(data),
  );
  const summary = table([
    ['Customer', data.customer.name],
    ['Order No. & Title', `${order.number} ${order.title}`],
    ['Confirmed', formatDate(order.confirmedAt)],
    ['Current monthly total', formatMoney(data.cost.currentMonthlyCents, data.currency)],
    ['New monthly total', formatMoney(data.cost.newMonthlyCents, data.currency)],
  ]);
  const subject = `Order Addendum_${data.customer.name}_Change_Confirmed [${order.number}]`;
  const recipients = [
    {
      to: data.orderUser.email,
      toName: data.orderUser.name,
      intro: 'Your change order is confirmed and the new licences are in the inventory.',
    },
    ...(data.implementationLead
      ? [
          {
            to: data.implementationLead.email,
            toName: data.implementationLead.name,
            intro: `You are the implementation lead of this order for ${data.customer.name}.`,
          },
        ]
      : []),
  ];
  return (event) => {
    for (const recipient of recipients) {
      em.create(MailMessage, {
        order,
        event,
        to: recipient.to,
        toName: recipient.toName,
        subject,
        text: `${recipient.intro}\n\n${summary.text}\n\nThe order addendum is attached.\n`,
        html: `<p>${escape(recipient.intro)}</p>${summary.html}<p>The order addendum is attached.</p>`,
        attachment: pdf,
      });
    }
  };
}
