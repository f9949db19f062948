/**
 * E-mail through a real SMTP server: the approval notice with its sheet, the addendum to the
 * order user and, separately, to the implementation lead; mail that waits out an SMTP outage
 * and a restart and then goes exactly once; and, without SMTP, mail kept in the mailbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MailMessage, MailStatus } from '../../src/modules/mail/mail-message.entity.js';
import { Api, USERS } from '../helpers/api.js';
import { APPROVE, FINAL_CONFIRM, ORDER } from '../helpers/documents.js';
import { approvedOrder, submittedOrder } from '../helpers/orders.js';
import { SmtpCatcher } from '../helpers/smtp.js';
import { createTestServer, type TestServer } from '../helpers/test-server.js';

let smtp: SmtpCatcher;
beforeAll(async () => {
  smtp = await new SmtpCatcher().start();
});
afterAll(() => smtp.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('with an SMTP server', () => {
  let server: TestServer;
  let rich: Api;
  let kim: Api;
  let morgan: Api;
  beforeAll(async () => {
    server = await createTestServer({ env: { SMTP_URL: smtp.url, MAIL_RETRY_MS: '20' } });
    [rich, kim, morgan] = await Promise.all([
      Api.as(server, USERS.rich),
      Api.as(server, USERS.kim),
      Api.as(server, USERS.morgan),
    ]);
  });
  afterAll(() => server.close());

  it('says mail goes out by SMTP', async () => {
    expect((await rich.call<{ mailDelivery: string }>('{ mailDelivery }')).mailDelivery).toBe(
      'SMTP',
    );
  });

  it('sends the approval notice with the sheet attached to the order user', async () => {
    const before = smtp.received.length;
    const order = await submittedOrder(rich, 'Vertical Demo', { 'Premium IPECS ONE USER': 1 });
    await kim.mutate(APPROVE, { orderId: order.id, comment: 'Go ahead' });
    const [mail] = (await smtp.receivedCount(before + 1)).slice(before);

    expect(mail!.subject).toBe('Order Notification_Vertical Demo_Change_Approved');
    expect(mail!.to).toMatchObject({ value: [{ address: USERS.rich, name: 'Rich Balazsi' }] });
    for (const part of [mail!.text!, mail!.html as string]) {
      expect(part).toContain('Vertical Demo');
      expect(part).toContain(`${order.number as number}`);
      expect(part).toContain('Go ahead');
      expect(part).toContain('RS-Vertical');
    }
    expect(mail!.text).toMatch(/Customer Company Name: Vertical Demo/);
    expect(mail!.text).toMatch(/Approval Comment: Go ahead/);
    expect(mail!.attachments).toHaveLength(1);
    expect(mail!.attachments[0]).toMatchObject({
      filename: `Vertical Demo_Change_Approved [${order.number as number}].xlsx`,
      contentType: XLSX,
    });
    expect(mail!.attachments[0]!.content.subarray(0, 2).toString()).toBe('PK'); // a zip: xlsx
  });

  it('sends the addendum at Final Confirm to the order user and, separately, to the implementation lead', async () => {
    const before = smtp.received.length;
    const order = await approvedOrder(rich, morgan, 'Acme Mail', {
      'Email Security Essentials': 5,
    });
    await smtp.receivedCount(before + 1); // the approval notice
    await rich.mutate(FINAL_CONFIRM, { orderId: order.id });
    const mails = (await smtp.receivedCount(before + 3)).slice(before + 1);

    expect(
      mails
        .map((mail) => (mail.to && 'value' in mail.to ? mail.to.value[0]!.address : null))
        .sort(),
    ).toEqual(['lead@acme-mail.example', USERS.rich].sort());
    for (const mail of mails) {
      expect(mail.subject).toBe(
        `Order Addendum_Acme Mail_Change_Confirmed [${order.number as number}]`,
      );
      expect(mail.attachments).toHaveLength(1);
      expect(mail.attachments[0]).toMatchObject({
        filename: `Acme Mail_Change_Addendum [${order.number as number}].pdf`,
        contentType: 'application/pdf',
      });
      expect(mail.attachments[0]!.content.subarray(0, 5).toString()).toBe('%PDF-');
      expect(mail.html).toBeTruthy();
      expect(mail.text).toContain('Acme Mail');
    }
    const lead = mails.find((mail) => mail.text!.includes('implementation lead'));
    expect(lead).toBeDefined();
    const documents = (await rich.call(ORDER, { id: order.id })).changeOrder.documents;
    expect(documents).toHaveLength(2); // the sheet and the addendum, each kept once
  });
});

describe('when SMTP fails for a while', () => {
  it('keeps the mail, retries, survives a restart, and sends it exactly once when SMTP is back', async () => {
    smtp.failing = true;
    const refusedBefore = smtp.refused;
    let server = await createTestServer({ env: { SMTP_URL: smtp.url, MAIL_RETRY_MS: '20' } });
    const reuse = { databaseName: server.databaseName, databaseUrl: server.databaseUrl };
    try {
      const rich = await Api.as(server, USERS.rich);
      const kim = await Api.as(server, USERS.kim);
      const order = await submittedOrder(rich, 'Vertical Demo', { 'Stand Alone VM': 1 });
      await kim.mutate(APPROVE, { orderId: order.id });
      await smtp.until(() => smtp.refused >= refusedBefore + 2); // refused, then refused again

      await server.stop(); // a restart while SMTP is still down
      server = await createTestServer({ env: { SMTP_URL: smtp.url, MAIL_RETRY_MS: '20' }, reuse });
      await smtp.until(() => smtp.refused >= refusedBefore + 3);

      const deliveredBefore = smtp.received.length;
      smtp.failing = false;
      const [mail] = (await smtp.receivedCount(deliveredBefore + 1)).slice(deliveredBefore);
      expect(mail!.subject).toBe('Order Notification_Vertical Demo_Change_Approved');

      // A later mail goes through the same worker: once it has arrived, the first one has
      // had every chance to be sent again, and was not.
      const richAgain = await Api.as(server, USERS.rich);
      const second = await submittedOrder(richAgain, 'Vertical Demo', { 'Basic User': 1 });
      await (await Api.as(server, USERS.kim)).mutate(APPROVE, { orderId: second.id });
      await smtp.receivedCount(deliveredBefore + 2);
      const sameMessage = smtp.received.filter(
        (received) => received.messageId === mail!.messageId,
      );
      expect(sameMessage).toHaveLength(1);

      const stored = await server.portal
        .orm()!
        .em.fork()
        .find(MailMessage, { order: { number: order.number as number } });
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ status: MailStatus.SENT, lastError: null });
      expect(stored[0]!.attempts).toBeGreaterThanOrEqual(4);
    } finally {
      smtp.failing = false;
      await server.close();
    }
  });
});

describe('without SMTP_URL', () => {
  it('keeps the mail, unsent, in the mailbox for administrators', async () => {
    const server = await createTestServer();
    try {
      const rich = await Api.as(server, USERS.rich);
      const kim = await Api.as(server, USERS.kim);
      const order = await submittedOrder(rich, 'Vertical Demo', { 'Basic User': 2 });
      await kim.mutate(APPROVE, { orderId: order.id });
      const { mailbox } = await rich.call<{ mailbox: any[] }>(
        `{ mailbox { to subject status text html attachment { fileName kind downloadUrl } order { id } } }`,
      );
      expect((await rich.call<{ mailDelivery: string }>('{ mailDelivery }')).mailDelivery).toBe(
        'KEPT',
      );
      expect(mailbox).toHaveLength(1);
      expect(mailbox[0]).toMatchObject({
        to: USERS.rich,
        subject: 'Order Notification_Vertical Demo_Change_Approved',
        status: 'PENDING',
        order: { id: order.id },
        attachment: {
          kind: 'APPROVAL_SHEET',
          fileName: `Vertical Demo_Change_Approved [${order.number as number}].xlsx`,
        },
      });
      const file = await fetch(`${server.url}${mailbox[0].attachment.downloadUrl as string}`);
      expect(file.status).toBe(200);

      // As every list's first: 1 to 100, or a refusal naming it (not a silent clamp).
      for (const first of [0, 101]) {
        const outOfRange = await rich.raw(
          `query($first: Int) { mailbox(first: $first) { subject } }`,
          {
            first,
          },
        );
        expect(outOfRange.errors?.[0]?.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          argument: 'first',
        });
      }

      const refused = await kim.raw(`{ mailbox { subject } }`);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const other = await Api.as(server, USERS.other);
      expect((await other.call<{ mailbox: unknown[] }>(`{ mailbox { subject } }`)).mailbox).toEqual(
        [],
      );
    } finally {
      await server.close();
    }
  });
});
