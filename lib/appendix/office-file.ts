import { documentContent, type DocumentInfo } from './document-header';
import { appendixFileName, type AppendixValues } from './rows';
import type { Settings } from '../settings/settings';

/**
 * The workbook or the Word document of an appendix, for the pages that export (popup, consolidation).
 * The writers and their libraries (ExcelJS, docx: several hundred KB) are loaded here on demand, by a
 * dynamic import, so that they become chunks of their own that only an export ever fetches; nothing
 * else imports them (docs/architecture.md, "Decisions").
 */

export type OfficeKind = 'xlsx' | 'docx';

export interface OfficeFile {
  fileName: string;
  type: string;
  bytes: Uint8Array;
}

/** The settings the documents take (all optional but the day). */
export type OfficeSettings = Omit<DocumentInfo, 'period' | 'today'>;

/** The settings fields the documents print (lib/settings/settings.ts). */
export type DocumentSettings = Pick<
  Settings,
  'unitName' | 'staffName' | 'parentBody' | 'letterNumber' | 'letterDate' | 'letterIssuer' | 'place' | 'headTitle' | 'headName' | 'preparerName'
>;

/** The documents' fields from the settings: "người lập biểu" is the staff member where none is set. */
export function officeSettings(settings: DocumentSettings): OfficeSettings {
  return {
    unitName: settings.unitName,
    parentBody: settings.parentBody,
    letterNumber: settings.letterNumber,
    letterDate: settings.letterDate,
    letterIssuer: settings.letterIssuer,
    place: settings.place,
    preparerName: settings.preparerName.trim() || settings.staffName,
    headTitle: settings.headTitle,
    headName: settings.headName,
  };
}

/**
 * The most rows the popup writes itself. Measured (docs/benchmarks.md, "Office exports"): the Word
 * document of 1,000 rows takes about 3 s and holds the page's thread for about 2 s in one task; of
 * 10,000 rows, 15 s and up to 18 s. A popup that does not answer that long looks frozen, and it closes
 * (losing the export) as soon as the user clicks elsewhere; beyond these counts the export runs on the
 * appendix page, in a tab of its own. The workbook is about five times faster.
 */
export const POPUP_OFFICE_MAX_ROWS: Readonly<Record<OfficeKind, number>> = { xlsx: 5000, docx: 1000 };

/** True when an export of `rows` rows is too long for the popup and belongs on the appendix page. */
export function exportsOnPage(kind: OfficeKind, rows: number): boolean {
  return rows > POPUP_OFFICE_MAX_ROWS[kind];
}

/** The appendix page's address asks for an export: `export=xlsx` or `export=docx`, else null. */
export function exportFromQuery(search: string): OfficeKind | null {
  const kind = new URLSearchParams(search).get('export');
  return kind === 'xlsx' || kind === 'docx' ? kind : null;
}

/** The file for these rows, named like the CSV (`phu-luc-ho-so-tre-han-…`) with its own extension. */
export async function officeFile(
  kind: OfficeKind,
  rows: readonly AppendixValues[],
  info: DocumentInfo,
  baseName = appendixFileName(info.today, info.unitName),
): Promise<OfficeFile> {
  const content = documentContent(rows, info);
  const fileName = baseName.replace(/\.csv$/, '') + `.${kind}`;
  if (kind === 'xlsx') {
    const { appendixWorkbook, XLSX_MIME } = await import('./workbook');
    return { fileName, type: XLSX_MIME, bytes: await appendixWorkbook(content) };
  }
  const { appendixDocument, DOCX_MIME } = await import('./word-document');
  return { fileName, type: DOCX_MIME, bytes: await appendixDocument(content) };
}
