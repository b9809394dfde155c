import type { OfficeFile, OfficeKind } from '../appendix/office-file';
import type { FollowupDocument } from './followup-document';

/**
 * The follow-up lists' workbook or Word document, for the dashboard. Like the appendix's
 * (lib/appendix/office-file.ts), the writers and their libraries are loaded here by a dynamic import only
 * when someone exports, so they stay chunks of their own that the dashboard does not load up front.
 */
export async function followupOfficeFile(kind: OfficeKind, content: FollowupDocument, fileName: string): Promise<OfficeFile> {
  if (kind === 'xlsx') {
    const { followupWorkbook, XLSX_MIME } = await import('./followup-workbook');
    return { fileName, type: XLSX_MIME, bytes: await followupWorkbook(content) };
  }
  const { followupWordDocument, DOCX_MIME } = await import('./followup-word');
  return { fileName, type: DOCX_MIME, bytes: await followupWordDocument(content) };
}
