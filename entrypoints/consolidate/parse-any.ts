import { fileProblem, parseAppendixFile, type ParsedAppendix } from '@/lib/appendix/consolidate';
import { isWorkbookFile } from '@/lib/appendix/consolidate/file-kind';

/**
 * One loaded file, read by the reader its kind needs: a CSV by the CSV import, a workbook by the workbook
 * import, which (with ExcelJS and JSZip) is loaded only when a workbook comes, as a chunk of its own.
 * Never throws: a reader that fails is the file's own error, and the other files are untouched.
 */
export async function parseAnyAppendixFile(name: string, bytes: Uint8Array): Promise<ParsedAppendix> {
  try {
    if (!isWorkbookFile(name, bytes)) return parseAppendixFile(name, bytes);
    const { parseAppendixWorkbook } = await import('@/lib/appendix/consolidate/xlsx-import');
    return await parseAppendixWorkbook(name, bytes);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { rows: [], errors: [fileProblem(name, { code: 'consolidate-read-failed', file: name, message })], delimiter: null };
  }
}
