import PDFDocument from 'pdfkit';
import { formatDate, formatMoney, type OrderDocumentData } from './order-document.data.js';

export const PDF_TYPE = 'application/pdf';

/** `<Customer>_Change_Addendum [<number>].pdf` */
export function addendumName(data: OrderDocumentData): string {
  return `${data.customer.name}_Change_Addendum [${data.order.number}].pdf`;
}

/** Widths and gaps add up to 485 pt: inside A4's 495 pt between the 50 pt margins. */
const COLUMNS = [
  { title: 'Product', width: 140, align: 'left' },
  { title: 'Before', width: 45, align: 'right' },
  { title: 'After', width: 45, align: 'right' },
  { title: 'Unit price', width: 70, align: 'right' },
  { title: 'Monthly before', width: 80, align: 'right' },
  { title: 'Monthly after', width: 80, align: 'right' },
] as const;
const COLUMN_GAP = 5;

/**
 * The order addendum: customer and order, dates, every product with its quantity and
 * monthly fee before and after at the contracted unit price, the totals, and the two
 * statements ticked at submission.
 */
export function buildAddendum(data: OrderDocumentData): Promise<Buffer> {
  const { order, customer, cost, currency } = data;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: {
      Title: `Order Addendum ${order.number}`,
      Author: data.reseller.name,
      Subject: customer.name,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(18).text('Order Addendum');
  doc.moveDown(0.5).font('Helvetica').fontSize(10);
  const facts: [string, string][] = [
    ['Customer', customer.name],
    ['Order No. & Title', `${order.number} ${order.title}`],
    ['Reseller', data.reseller.name],
    ['Vendor', data.vendor.name],
    ['Order User', data.orderUser.name],
    [
      'Implementation Lead',
      data.implementationLead
        ? `${data.implementationLead.name} <${data.implementationLead.email}>`
        : '-',
    ],
    ...(data.productChange ? [['Product Change', data.productChange] as [string, string]] : []),
    ['Order Date', formatDate(order.submittedAt)],
    ['Approved', formatDate(order.decidedAt)],
    ['Confirmed', formatDate(order.confirmedAt)],
  ];
  for (const [label, value] of facts) {
    doc
      .font('Helvetica-Bold')
      .text(`${label}: `, { continued: true })
      .font('Helvetica')
      .text(value);
  }

  doc.moveDown();
  // Cells are placed at the row's y, so the row is as tall as its tallest cell (a long
  // product name wraps), and a row that would cross the bottom margin starts a new page
  // itself: a cell placed at an explicit y does not follow pdfkit's own page break.
  const tableRow = (cells: string[], bold = false) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
    const height = Math.max(
      ...COLUMNS.map((column, i) =>
        doc.heightOfString(cells[i] ?? '', { width: column.width, align: column.align }),
      ),
    );
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = doc.page.margins.left;
    COLUMNS.forEach((column, i) => {
      doc.text(cells[i] ?? '', x, y, { width: column.width, align: column.align });
      x += column.width + COLUMN_GAP;
    });
    doc.x = doc.page.margins.left;
    doc.y = y + height;
    doc.moveDown(0.3);
  };
  tableRow(
    COLUMNS.map((column) => column.title),
    true,
  );
  for (const line of cost.lines) {
    tableRow([
      cost.productNames.get(line.productId) ?? line.productId,
      String(line.quantityBefore),
      String(line.quantityAfter),
      formatMoney(line.unitPriceCents, currency),
      formatMoney(line.monthlyBeforeCents, currency),
      formatMoney(line.monthlyAfterCents, currency),
    ]);
  }
  doc.moveDown(0.5);
  doc.font('Helvetica-Bold');
  doc.text(`Current monthly total: ${formatMoney(cost.currentMonthlyCents, currency)}`);
  doc.text(`New monthly total: ${formatMoney(cost.newMonthlyCents, currency)}`);
  doc.text(`Monthly change: ${formatMoney(cost.deltaMonthlyCents, currency)}`);

  doc.moveDown().font('Helvetica').fontSize(9);
  if (order.msaAccepted) {
    doc.text(
      `This order is governed by the Master Services Agreement in effect between ${data.reseller.name} and ${data.vendor.name}.`,
    );
  }
  if (order.authorizationConfirmed) {
    doc.text(
      `${data.orderUser.name} confirmed being authorized to place this order on behalf of ${data.reseller.name}.`,
    );
  }
  doc.end();
  return done;
}
