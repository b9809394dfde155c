import { Workbook, type Worksheet } from 'exceljs';
import { font, put, THIN, wrappedLines, writeCell, XLSX_MIME } from '../appendix/workbook';
import type { FollowupDocument, FollowupSheet } from './followup-document';

/**
 * The follow-up lists as an Excel workbook, one sheet per processing unit, each the printed per-unit
 * page (lib/reports/followup-document.ts): the office's heading, the title and the unit, the header row
 * (frozen, repeated on every printed page), one heading row per kind, and the total; A4 portrait, one
 * page wide, Times New Roman, with the appendix workbook's cell writer (text is never a formula, the
 * appointment is a real date cell) and its fonts and borders.
 */

export { XLSX_MIME };

/**
 * Printed widths in millimetres over the 165 mm between the decree's margins of an A4 portrait page:
 * a whole portal code and a `dd/MM/yyyy HH:mm` appointment each on one line; procedure and applicant wrap.
 */
const WIDTHS_MM = [9, 44, 42, 27, 20, 23] as const;
/** Excel's width unit is about 1.8 mm on paper (see lib/appendix/workbook.ts). */
const WIDTHS = WIDTHS_MM.map((mm) => Math.ceil(mm / 1.8));
const COLUMNS = WIDTHS.length;
const SIZE = { header: 13, heading: 14, table: 11 } as const;
const LINE_PT = 13.5;
/** The table's header row: under the heading (rows 1–3), the title and the unit (5–6), one empty row. */
export const FOLLOWUP_HEADER_ROW = 8;

const LEFT: [number, number] = [1, 2];
const RIGHT: [number, number] = [3, COLUMNS];
const WHOLE: [number, number] = [1, COLUMNS];

function rowHeight(values: readonly string[]): number {
  return Math.max(1, ...values.map((text, i) => wrappedLines(text, WIDTHS[i] ?? 10))) * LINE_PT + 3;
}

/** Height of a heading row whose left block, in 13 pt capitals, wraps in the narrow left half. */
function headingHeight(text: string): number {
  const leftWidth = WIDTHS.slice(LEFT[0] - 1, LEFT[1]).reduce((sum, width) => sum + width, 0);
  // Capitals at 13 pt take about 1.7 times the room of the table's 11 pt letters.
  return Math.max(1, wrappedLines(text, leftWidth / 1.7)) * 17 + 2;
}

function writeHeading(sheet: Worksheet, content: FollowupDocument, unit: FollowupSheet) {
  const { heading } = content;
  // With no parent body the office takes the first line, level with the country's name.
  const [first, second] = heading.parentBody ? [heading.parentBody, heading.unit] : [heading.unit, ''];
  put(sheet, 1, LEFT, first, font(SIZE.header, { bold: !heading.parentBody }));
  put(sheet, 2, LEFT, second, font(SIZE.header, { bold: true }));
  sheet.getRow(1).height = headingHeight(first);
  sheet.getRow(2).height = headingHeight(second);
  put(sheet, 1, RIGHT, heading.motto[0], font(SIZE.header, { bold: true }));
  put(sheet, 2, RIGHT, heading.motto[1], font(SIZE.header, { bold: true, underline: true }));
  put(sheet, 3, RIGHT, heading.placeDate, font(SIZE.header, { italic: true }));
  put(sheet, 5, WHOLE, content.title, font(SIZE.heading, { bold: true }));
  put(sheet, 6, WHOLE, unit.unitLine, font(SIZE.heading, { bold: true }));
}

function writeTable(sheet: Worksheet, content: FollowupDocument, unit: FollowupSheet): number {
  const header = sheet.getRow(FOLLOWUP_HEADER_ROW);
  header.height = rowHeight(content.headings);
  content.headings.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = font(SIZE.table, { bold: true });
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN;
  });
  let row = FOLLOWUP_HEADER_ROW + 1;
  for (const group of unit.groups) {
    sheet.mergeCells(row, 1, row, COLUMNS);
    const cell = sheet.getCell(row, 1);
    cell.value = group.heading;
    cell.font = font(SIZE.table, { bold: true });
    cell.alignment = { vertical: 'middle' };
    cell.border = THIN;
    row++;
    for (const values of group.rows) {
      const line = sheet.getRow(row++);
      line.height = rowHeight(values);
      values.forEach((text, i) => {
        const cell = line.getCell(i + 1);
        writeCell(cell, text, i === content.dateColumn);
        cell.font = font(SIZE.table);
        cell.alignment = { vertical: 'top', wrapText: true, ...(i === 0 || i === content.dateColumn ? { horizontal: 'center' } : {}) };
        cell.border = THIN;
      });
    }
  }
  put(sheet, row + 1, WHOLE, unit.total, font(SIZE.table, { bold: true }), { horizontal: 'left' });
  return row + 1;
}

function setUpPrint(sheet: Worksheet) {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9, // A4 (ExcelJS's PaperSize.A4 is a const enum)
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${FOLLOWUP_HEADER_ROW}:${FOLLOWUP_HEADER_ROW}`,
    // Decree margins in inches: top and bottom 20 mm, left 30 mm, right 15 mm.
    margins: { top: 0.79, bottom: 0.79, left: 1.18, right: 0.59, header: 0.3, footer: 0.3 },
  };
}

/** The workbook's bytes: one sheet per unit, in the document's order. */
export async function followupWorkbook(content: FollowupDocument): Promise<Uint8Array> {
  const workbook = new Workbook();
  workbook.creator = content.heading.unit || content.title;
  for (const unit of content.sheets) {
    const sheet = workbook.addWorksheet(unit.sheetName, {
      views: [{ state: 'frozen', xSplit: 0, ySplit: FOLLOWUP_HEADER_ROW, topLeftCell: `A${FOLLOWUP_HEADER_ROW + 1}` }],
    });
    sheet.columns = WIDTHS.map((width) => ({ width }));
    writeHeading(sheet, content, unit);
    writeTable(sheet, content, unit);
    setUpPrint(sheet);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
