import ExcelJS from 'exceljs';
import { ITEM_COLUMNS, noticeFields, type OrderDocumentData } from './order-document.data.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `<Customer>_Change_Approved [<number>].xlsx`, as the seed portal names it. */
export function approvalSheetName(data: OrderDocumentData): string {
  return `${data.customer.name}_Change_Approved [${data.order.number}].xlsx`;
}

/**
 * The approval notification sheet: the notice fields (label, value), a blank row, then the
 * item lines under the grid's own headings; then, for an order that changes the primary
 * product, a blank row and that change.
 */
export async function buildApprovalSheet(data: OrderDocumentData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Change-order portal';
  workbook.created = data.order.decidedAt ?? new Date();
  const sheet = workbook.addWorksheet('Approval', { views: [{ state: 'frozen', ySplit: 0 }] });
  sheet.columns = [
    { width: 26 },
    { width: 34 },
    { width: 20 },
    { width: 11 },
    { width: 11 },
    { width: 11 },
  ];

  for (const [label, value] of noticeFields(data)) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
  }
  sheet.addRow([]);
  const header = sheet.addRow(ITEM_COLUMNS);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });
  for (const line of data.lines) {
    sheet.addRow([
      line.itemGroup,
      line.itemName,
      line.billingAccount,
      line.available,
      line.delta,
      line.toBe,
    ]);
  }
  if (data.productChange) {
    sheet.addRow([]);
    sheet.addRow(['Product Change', data.productChange]).getCell(1).font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
