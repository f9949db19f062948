/**
 * SPEC.md "Documents and e-mail" over HTTP: approval keeps an XLSX approval sheet, Final
 * Confirm a PDF addendum, both in the customer's attachments and on the order; each is
 * downloaded through the viewer's signed, expiring link and read back (exceljs, unpdf) to
 * see that it says what the order says. A link changed, expired or used by an organisation
 * that may not see the customer gets 403; nothing is produced before approval. The tests run
 * in order on one server: the downloads use the documents the first two groups produced.
 */
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId } from '../../src/common/global-id.js';
import { TokenService } from '../../src/modules/auth/token.js';
import { DownloadLinks, LINK_LIFETIME_MS } from '../../src/modules/document/download-links.js';
import { formatMoney } from '../../src/modules/document/order-document.data.js';
import { Api, expectOk, USERS } from '../helpers/api.js';
import {
  APPROVE,
  CANCEL,
  FINAL_CONFIRM,
  NODE,
  REJECT,
  UPDATE_ORDER,
  VIEWER_IDS,
} from '../helpers/documents.js';
import { draftOrder, submit, submittedOrder, type Order } from '../helpers/orders.js';
import { createTestServer, type TestServer } from '../helpers/test-server.js';

const JWT_SECRET = 'documents-test-secret-of-at-least-32-characters';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PDF_TYPE = 'application/pdf';
const ESSENTIALS = 'Email Security Essentials';
const ADVANCED = 'Email Security Advanced';
const ARCHIVE = 'Archive';

const ATTACHMENT_FIELDS = 'id kind fileName contentType byteSize createdAt downloadUrl';

/** An order's documents and its customer's attachments, as the viewer sees them. */
const ORDER_DOCUMENTS = /* GraphQL */ `
  query OrderDocuments($id: ID!) {
    changeOrder(id: $id) {
      id
      number
      title
      status
      note
      approvalComment
      submittedAt
      requestTo { name }
      reseller { name }
      orderUser { name }
      customer { id name customerType servicePlan attachments { ${ATTACHMENT_FIELDS} } }
      lines { product { name itemGroup } billingAccount { name } available delta toBe }
      costPreview {
        currentMonthly { cents currency }
        newMonthly { cents currency }
        deltaMonthly { cents currency }
        lines {
          product { name }
          quantityBefore
          quantityAfter
          unitPrice { cents currency }
          monthlyBefore { cents currency }
          monthlyAfter { cents currency }
        }
      }
      documents { ${ATTACHMENT_FIELDS} }
    }
  }
`;

const CUSTOMER_ATTACHMENTS = /* GraphQL */ `
  query CustomerAttachments($id: ID!) {
    customer(id: $id) { id attachments { ${ATTACHMENT_FIELDS} } }
  }
`;

const ATTACHMENT_NODE = /* GraphQL */ `
  query AttachmentNode($id: ID!) {
    node(id: $id) { __typename id ... on Attachment { ${ATTACHMENT_FIELDS} } }
  }
`;

interface Attachment {
  id: string;
  kind: 'APPROVAL_SHEET' | 'ADDENDUM';
  fileName: string;
  contentType: string;
  byteSize: number;
  createdAt: string;
  downloadUrl: string;
}

let server: TestServer;
let rich: Api;
let kim: Api;
let morgan: Api;
let other: Api;
/** Organisation uuids, as download links carry them. */
const orgs: Record<'rich' | 'kim' | 'morgan' | 'other', string> = {
  rich: '',
  kim: '',
  morgan: '',
  other: '',
};

beforeAll(async () => {
  server = await createTestServer({ env: { JWT_SECRET } });
  [rich, kim, morgan, other] = await Promise.all([
    Api.as(server, USERS.rich),
    Api.as(server, USERS.kim),
    Api.as(server, USERS.morgan),
    Api.as(server, USERS.other),
  ]);
  for (const [who, api] of Object.entries({ rich, kim, morgan, other })) {
    const { viewer } = await api.call(VIEWER_IDS);
    orgs[who as keyof typeof orgs] = fromGlobalId(viewer.organization.id)!.id;
  }
});
afterAll(() => server?.close());

async function orderDocuments(api: Api, orderId: string) {
  const { changeOrder } = await api.call(ORDER_DOCUMENTS, { id: orderId });
  expect(changeOrder, `order ${orderId} is not visible`).not.toBeNull();
  return changeOrder as Record<string, any> & {
    documents: Attachment[];
    customer: { id: string; name: string; attachments: Attachment[] };
  };
}

async function customerAttachments(api: Api, customerId: string): Promise<Attachment[]> {
  const { customer } = await api.call(CUSTOMER_ATTACHMENTS, { id: customerId });
  expect(customer, `customer ${customerId} is not visible`).not.toBeNull();
  return customer.attachments;
}

/** GETs a download link (server-relative, as downloadUrl gives it). */
async function download(link: string) {
  const response = await fetch(new URL(link, server.url));
  return {
    status: response.status,
    headers: response.headers,
    body: Buffer.from(await response.arrayBuffer()),
  };
}

/** The link with one query parameter (or the file id) replaced. */
function altered(link: string, change: { id?: string; org?: string; exp?: string; sig?: string }) {
  const url = new URL(link, server.url);
  if (change.id) url.pathname = `/files/${change.id}`;
  for (const key of ['org', 'exp', 'sig'] as const) {
    if (change[key] !== undefined) url.searchParams.set(key, change[key]);
  }
  return `${url.pathname}${url.search}`;
}

/** Attachments without their links, which are signed anew (a later expiry) on every read. */
function unlinked(attachments: Attachment[]) {
  return attachments.map(({ downloadUrl: _link, ...rest }) => rest);
}

function linkParts(link: string) {
  const url = new URL(link, server.url);
  return {
    id: url.pathname.replace('/files/', ''),
    org: url.searchParams.get('org')!,
    exp: url.searchParams.get('exp')!,
    sig: url.searchParams.get('sig')!,
  };
}

/** Download links signed with the server's own key, for links the server would not give. */
async function serverKeyedLinks(): Promise<DownloadLinks> {
  const orm = server.portal.orm();
  if (!orm) throw new Error('the test server has no ORM');
  return new DownloadLinks(await TokenService.create(orm.em.fork(), JWT_SECRET));
}

function expectForbidden(response: { status: number; body: Buffer }, reason = /not valid/) {
  expect(response.status).toBe(403);
  expect(JSON.parse(response.body.toString('utf8'))).toEqual({
    error: expect.stringMatching(reason),
  });
}

/** "2026-11-23 18:37 UTC" from an ISO timestamp. */
function orderDate(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/** Every row of the first sheet as its cell values (row 1 first), empty rows as []. */
async function sheetRows(buffer: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as its own `Buffer` (an ArrayBuffer); Node's Buffer is what it reads.
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  expect(workbook.worksheets).toHaveLength(1);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  for (let i = 1; i <= sheet.rowCount; i++) {
    rows.push((sheet.getRow(i).values as unknown[]).slice(1));
  }
  return rows;
}

async function pdfText(buffer: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(buffer));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

/**
 * Rich's approved Vertical Demo order: Premium IPECS ONE USER +1 and Stand Alone VM -1, with
 * a note, approved by Kim with a comment.
 */
let sheetOrder: Awaited<ReturnType<typeof orderDocuments>>;
let sheet: Attachment;
let attachmentsBeforeSheet: Attachment[];

describe('approval sheet', () => {
  it('is nowhere while the order is a draft or submitted, and comes with the approval', async () => {
    const verticalDemo = await rich.customerId('Vertical Demo');
    attachmentsBeforeSheet = await customerAttachments(rich, verticalDemo);

    const draft = await draftOrder(
      rich,
      'Vertical Demo',
      { 'Premium IPECS ONE USER': 1, 'Stand Alone VM': -1 },
      { title: 'One more Premium user' },
    );
    expectOk(await rich.mutate(UPDATE_ORDER, { orderId: draft.id, note: 'New hire in sales' }));
    expect((await orderDocuments(rich, draft.id)).documents).toEqual([]);
    const submitted = await submit(rich, draft);
    expectOk(submitted);
    expect(submitted.order!.note).toBe('New hire in sales');
    expect((await orderDocuments(rich, draft.id)).documents).toEqual([]);
    expect((await orderDocuments(kim, draft.id)).documents).toEqual([]);
    expect(unlinked(await customerAttachments(rich, verticalDemo))).toEqual(
      unlinked(attachmentsBeforeSheet),
    );

    const approved = await kim.mutate(APPROVE, {
      orderId: draft.id,
      comment: 'Approved, welcome aboard',
    });
    expectOk(approved);

    sheetOrder = await orderDocuments(rich, draft.id);
    expect(sheetOrder.documents).toEqual([
      {
        id: expect.any(String),
        kind: 'APPROVAL_SHEET',
        fileName: `Vertical Demo_Change_Approved [${sheetOrder.number}].xlsx`,
        contentType: XLSX_TYPE,
        byteSize: expect.any(Number),
        createdAt: expect.any(String),
        downloadUrl: expect.stringMatching(/^\/files\/[0-9a-f-]{36}\?org=.+&exp=\d+&sig=.+$/),
      },
    ]);
    sheet = sheetOrder.documents[0]!;
    expect(sheet.byteSize).toBeGreaterThan(0);
    expect(fromGlobalId(sheet.id)).toEqual({
      type: 'Attachment',
      id: linkParts(sheet.downloadUrl).id,
    });
    // Kept in the customer's attachments too, newest first.
    const expected = unlinked([sheet, ...attachmentsBeforeSheet]);
    expect(unlinked(sheetOrder.customer.attachments)).toEqual(expected);
    expect(unlinked(await customerAttachments(rich, verticalDemo))).toEqual(expected);
  });

  it('downloads as the order: the notice fields, then the item lines under the grid headings', async () => {
    const file = await download(sheet.downloadUrl);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(file.body.length).toBe(sheet.byteSize);

    const order = sheetOrder;
    expect(order).toMatchObject({
      status: 'APPROVED',
      note: 'New hire in sales',
      approvalComment: 'Approved, welcome aboard',
      customer: { name: 'Vertical Demo', customerType: 'Normal', servicePlan: 'Standard Plan' },
      requestTo: { name: 'Vertical' },
      reseller: { name: 'RS-Vertical' },
      orderUser: { name: 'Rich Balazsi' },
    });
    const rows = await sheetRows(file.body);
    expect(rows).toEqual([
      ['Customer Company Name', 'Vertical Demo'],
      ['Customer Type', 'Normal'],
      ['Order No. & Title', `${order.number} One more Premium user`],
      ['Service Plan', 'Standard Plan'],
      ['Order Type', 'Change'],
      ['Order Status', 'Approved'],
      ['Order Date', orderDate(order.submittedAt)],
      ['Request to', 'Vertical'],
      ['Order Reseller', 'RS-Vertical'],
      ['Order User', 'Rich Balazsi'],
      ['Order Note', 'New hire in sales'],
      ['Approval Comment', 'Approved, welcome aboard'],
      [],
      ['Item Group', 'Item Name', 'Billing Account', 'Available', 'Order(+/-)', 'To Be(EA)'],
      ...order.lines.map((line: Record<string, any>) => [
        line.product.itemGroup,
        line.product.name,
        line.billingAccount.name,
        line.available,
        line.delta,
        line.toBe,
      ]),
    ]);
    // The lines are the ones ordered, with the counts frozen at submission.
    expect(rows.slice(14)).toEqual([
      ['User License', 'Premium IPECS ONE USER', 'Vertical Demo', 11, 1, 12],
      ['User License', 'Stand Alone VM', 'Vertical Demo', 2, -1, 1],
    ]);
  });

  it('is not made again when the order is later confirmed', async () => {
    const confirmed = await rich.mutate(FINAL_CONFIRM, { orderId: sheetOrder.id });
    expectOk(confirmed);
    const after = await orderDocuments(rich, sheetOrder.id);
    expect(after.documents.map((d) => d.kind)).toEqual(['APPROVAL_SHEET', 'ADDENDUM']);
    expect(unlinked(after.documents.slice(0, 1))).toEqual(unlinked([sheet]));
    expect(after.documents[1]!.fileName).toBe(
      `Vertical Demo_Change_Addendum [${sheetOrder.number}].pdf`,
    );
  });
});

let addendumOrder: Awaited<ReturnType<typeof orderDocuments>>;
let addendum: Attachment;

describe('addendum', () => {
  it('is kept on Final Confirm of the Acme Mail upgrade, beside the approval sheet', async () => {
    const acmeId = await rich.customerId('Acme Mail');
    const { customer } = await rich.call(
      `query Lead($id: ID!) { customer(id: $id) { implementationLead { id name } } }`,
      { id: acmeId },
    );
    expect(customer.implementationLead.name).toBe('Dana Lead');
    const before = await customerAttachments(rich, acmeId);

    const order = await submittedOrder(
      rich,
      'Acme Mail',
      { [ARCHIVE]: 50 },
      {
        title: 'Upgrade to Advanced with Archive',
        productChange: { mode: 'REPLACE', product: ADVANCED, replaces: ESSENTIALS },
      },
    );
    expect(order.implementationLead).toMatchObject({ name: 'Dana Lead' });
    expect((await orderDocuments(rich, order.id)).documents).toEqual([]);

    expectOk(await morgan.mutate(APPROVE, { orderId: order.id, comment: 'Welcome to Advanced' }));
    const approved = await orderDocuments(rich, order.id);
    expect(approved.documents.map((d) => [d.kind, d.fileName])).toEqual([
      ['APPROVAL_SHEET', `Acme Mail_Change_Approved [${order.number}].xlsx`],
    ]);
    // The sheet says where the seats go: its lines alone show only Archive.
    const rows = await sheetRows((await download(approved.documents[0]!.downloadUrl)).body);
    expect(rows.slice(-4)).toEqual([
      ['Item Group', 'Item Name', 'Billing Account', 'Available', 'Order(+/-)', 'To Be(EA)'],
      ['Add-on', ARCHIVE, 'Acme Mail', 0, 50, 50],
      [],
      ['Product Change', `Select New: ${ESSENTIALS} replaced by ${ADVANCED} (the seats move)`],
    ]);
    // So does the approval e-mail (kept in the mailbox: this server has no SMTP).
    const { mailbox } = await rich.call<{ mailbox: { text: string; order: { id: string } }[] }>(
      '{ mailbox { text order { id } } }',
    );
    expect(mailbox.find((mail) => mail.order.id === order.id)?.text).toContain(
      `Product Change: Select New: ${ESSENTIALS} replaced by ${ADVANCED} (the seats move)`,
    );

    expectOk(await rich.mutate(FINAL_CONFIRM, { orderId: order.id }));
    addendumOrder = await orderDocuments(rich, order.id);
    expect(addendumOrder.status).toBe('CONFIRMED');
    expect(addendumOrder.documents).toEqual([
      { ...approved.documents[0], downloadUrl: expect.any(String) },
      {
        id: expect.any(String),
        kind: 'ADDENDUM',
        fileName: `Acme Mail_Change_Addendum [${order.number}].pdf`,
        contentType: PDF_TYPE,
        byteSize: expect.any(Number),
        createdAt: expect.any(String),
        downloadUrl: expect.any(String),
      },
    ]);
    addendum = addendumOrder.documents[1]!;
    expect(addendumOrder.customer.attachments.map((a) => a.id)).toEqual([
      addendum.id,
      approved.documents[0]!.id,
      ...before.map((a) => a.id),
    ]);
  });

  it('reads: customer, order, every product with before/after counts and fees, totals, statements', async () => {
    const file = await download(addendum.downloadUrl);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(PDF_TYPE);
    expect(file.body.length).toBe(addendum.byteSize);
    expect(file.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const text = await pdfText(file.body);
    const order = addendumOrder;
    const cost = order.costPreview;
    const currency: string = cost.currentMonthly.currency;
    const money = (cents: number) => formatMoney(cents, currency);

    expect(text).toContain('Order Addendum');
    expect(text).toContain(`Customer: Acme Mail`);
    expect(text).toContain(`Order No. & Title: ${order.number} Upgrade to Advanced with Archive`);
    expect(text).toContain('Reseller: RS-Vertical');
    expect(text).toContain('Vendor: Mimecast');
    expect(text).toContain('Order User: Rich Balazsi');
    expect(text).toContain('Implementation Lead: Dana Lead <lead@acme-mail.example>');
    expect(text).toContain(`Order Date: ${orderDate(order.submittedAt)}`);
    expect(text).toContain(
      `Product Change: Select New: ${ESSENTIALS} replaced by ${ADVANCED} (the seats move)`,
    );

    expect(cost.lines.map((line: Record<string, any>) => line.product.name)).toEqual([
      ESSENTIALS,
      ADVANCED,
      ARCHIVE,
    ]);
    expect(
      cost.lines.map((line: Record<string, any>) => [line.quantityBefore, line.quantityAfter]),
    ).toEqual([
      [50, 0],
      [0, 50],
      [0, 50],
    ]);
    for (const line of cost.lines) {
      expect(text).toContain(
        [
          line.product.name,
          line.quantityBefore,
          line.quantityAfter,
          money(line.unitPrice.cents),
          money(line.monthlyBefore.cents),
          money(line.monthlyAfter.cents),
        ].join(' '),
      );
    }
    expect(cost.currentMonthly.cents).toBeGreaterThan(0);
    expect(text).toContain(`Current monthly total: ${money(cost.currentMonthly.cents)}`);
    expect(text).toContain(`New monthly total: ${money(cost.newMonthly.cents)}`);
    expect(text).toContain(`Monthly change: ${money(cost.deltaMonthly.cents)}`);

    expect(text).toContain(
      'This order is governed by the Master Services Agreement in effect between RS-Vertical and Mimecast.',
    );
    expect(text).toContain(
      'Rich Balazsi confirmed being authorized to place this order on behalf of RS-Vertical.',
    );
  });
});

describe('downloads', () => {
  it('gives the viewer the file with its type and name, on a link valid for 15 minutes', async () => {
    const issuedFrom = Date.now();
    const { documents } = await orderDocuments(rich, sheetOrder.id);
    const issuedTo = Date.now();
    const link = documents[0]!.downloadUrl;
    const parts = linkParts(link);
    expect(parts.org).toBe(orgs.rich);
    expect(Number(parts.exp)).toBeGreaterThanOrEqual(issuedFrom + LINK_LIFETIME_MS);
    expect(Number(parts.exp)).toBeLessThanOrEqual(issuedTo + LINK_LIFETIME_MS);

    const file = await download(link);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(XLSX_TYPE);
    const disposition = file.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment;/);
    expect(disposition).toContain(`filename="${sheet.fileName}"`);
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
    expect(decodeURIComponent(encoded!)).toBe(sheet.fileName);
    expect(file.headers.get('cache-control')).toContain('no-store');

    const pdf = await download(addendum.downloadUrl);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-disposition')).toContain(`filename="${addendum.fileName}"`);
  });

  it('gives the vendor the same file through her own link', async () => {
    const mine = (await download(sheet.downloadUrl)).body;
    const kimsDocuments = (await orderDocuments(kim, sheetOrder.id)).documents;
    expect(kimsDocuments.map((d) => d.id)).toEqual(
      (await orderDocuments(rich, sheetOrder.id)).documents.map((d) => d.id),
    );
    const kims = kimsDocuments[0]!;
    expect(kims.id).toBe(sheet.id);
    expect(linkParts(kims.downloadUrl).org).toBe(orgs.kim);
    expect(kims.downloadUrl).not.toBe(sheet.downloadUrl);
    const file = await download(kims.downloadUrl);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain(`filename="${sheet.fileName}"`);
    expect(file.body.equals(mine)).toBe(true);
    // Her attachment list has it too.
    expect((await customerAttachments(kim, sheetOrder.customer.id)).map((a) => a.id)).toContain(
      sheet.id,
    );
  });

  it('does not exist for another reseller, nor for another vendor', async () => {
    expect(
      (await other.call(CUSTOMER_ATTACHMENTS, { id: sheetOrder.customer.id })).customer,
    ).toBeNull();
    expect((await other.call(NODE, { id: sheet.id })).node).toBeNull();
    expect((await other.call(ATTACHMENT_NODE, { id: addendum.id })).node).toBeNull();
    expect((await other.call(ORDER_DOCUMENTS, { id: sheetOrder.id })).changeOrder).toBeNull();
    // Mimecast is not Vertical Demo's vendor.
    expect((await morgan.call(NODE, { id: sheet.id })).node).toBeNull();
    // Kim, Vertical Demo's vendor, does see it by id.
    expect((await kim.call(ATTACHMENT_NODE, { id: sheet.id })).node).toMatchObject({
      __typename: 'Attachment',
      id: sheet.id,
      kind: 'APPROVAL_SHEET',
      fileName: sheet.fileName,
    });
  });

  it("refuses Rich's link with another reseller's organisation put in", async () => {
    expectForbidden(await download(altered(sheet.downloadUrl, { org: orgs.other })));
    expectForbidden(await download(altered(sheet.downloadUrl, { org: orgs.kim })));
  });

  it('refuses a correctly signed link for an organisation that may not see the customer', async () => {
    const links = await serverKeyedLinks();
    const { id } = linkParts(sheet.downloadUrl);
    // Same key as the server's: the link Rich would be given is accepted...
    expect((await download(links.url(id, orgs.rich))).status).toBe(200);
    // ...but one made out to RS-Other or Mimecast is not.
    expectForbidden(await download(links.url(id, orgs.other)));
    expectForbidden(await download(links.url(id, orgs.morgan)));
  });

  it('refuses a link whose signature, expiry or file was changed', async () => {
    const link = sheet.downloadUrl;
    const { exp, sig } = linkParts(link);
    const otherSig = sig.slice(0, -1) + (sig.endsWith('A') ? 'B' : 'A');
    expectForbidden(await download(altered(link, { sig: otherSig })));
    expectForbidden(await download(altered(link, { sig: '' })));
    expectForbidden(await download(altered(link, { exp: String(Number(exp) + 1) })));
    expectForbidden(await download(altered(link, { exp: String(Number(exp) + 24 * 3600 * 1000) })));
    expectForbidden(await download(altered(link, { exp: 'never' })));
    // Another file of Rich's, with this file's signature.
    expectForbidden(await download(altered(link, { id: linkParts(addendum.downloadUrl).id })));
    expectForbidden(await download(altered(link, { id: '00000000-0000-4000-8000-000000000000' })));
    expectForbidden(await download(altered(link, { id: 'not-a-uuid' })));
    // Parameters missing.
    expectForbidden(await download(`/files/${linkParts(link).id}`));
    // The untouched link still works.
    expect((await download(link)).status).toBe(200);
  });

  it('refuses an expired link though its signature is right', async () => {
    const links = await serverKeyedLinks();
    const { id } = linkParts(sheet.downloadUrl);
    const expired = links.url(id, orgs.rich, Date.now() - LINK_LIFETIME_MS - 60_000);
    expect(Number(linkParts(expired).exp)).toBeLessThan(Date.now());
    expectForbidden(await download(expired), /expired/);
    // The same key with a current time: accepted, so it is the expiry that was refused.
    expect((await download(links.url(id, orgs.rich))).status).toBe(200);
  });
});

describe('no documents without approval', () => {
  it('keeps nothing for a rejected order, nor for a cancelled one', async () => {
    const verticalDemo = sheetOrder.customer.id;
    const before = await customerAttachments(rich, verticalDemo);

    const rejected: Order = await submittedOrder(rich, 'Vertical Demo', { 'Basic User': 2 });
    const refusal = await kim.mutate(REJECT, { orderId: rejected.id, comment: 'Not this month' });
    expectOk(refusal);
    expect(refusal.order).toMatchObject({ status: 'REJECTED', documents: [] });
    expect((await orderDocuments(rich, rejected.id)).documents).toEqual([]);
    expect((await orderDocuments(kim, rejected.id)).documents).toEqual([]);

    const cancelled: Order = await submittedOrder(rich, 'Vertical Demo', { 'Basic User': 1 });
    const withdrawn = await rich.mutate(CANCEL, { orderId: cancelled.id });
    expectOk(withdrawn);
    expect(withdrawn.order).toMatchObject({ status: 'CANCELLED', documents: [] });

    const draft = await draftOrder(rich, 'Vertical Demo', { 'Basic User': 3 });
    expect((await orderDocuments(rich, draft.id)).documents).toEqual([]);

    expect((await customerAttachments(rich, verticalDemo)).map((a) => a.id)).toEqual(
      before.map((a) => a.id),
    );
    expect((await customerAttachments(kim, verticalDemo)).map((a) => a.id)).toEqual(
      before.map((a) => a.id),
    );
  });
});
