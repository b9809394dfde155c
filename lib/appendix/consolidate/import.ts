import Papa from 'papaparse';
import { detectDelimiter, mapHeader, type HeaderMap } from './header';
import { fileProblem, type ConsolidationProblem, type ImportError, type ImportedRow, type ParsedAppendix } from './problems';
import { readRecord } from './record';

/**
 * Reading one appendix file (docs/domain.md, consolidation): the file is refused up front when it is too
 * large, has too many lines, is not UTF-8 text or is empty; otherwise every row is read and checked,
 * and each bad row is reported with the lines it spans.
 */

/** Largest file accepted, in bytes of UTF-8. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Most lines accepted in one file. An office's appendix has hundreds of rows; a file far past that is
 * not an appendix, and reading it row by row would only produce a flood of errors.
 */
export const MAX_FILE_LINES = 100_000;

const CH_LF = 10;
const CH_CR = 13;

/** Line breaks (CRLF, LF or CR) in the text or bytes, stopping once past `limit`. */
function countLineBreaks(input: string | Uint8Array, limit: number): number {
  let count = 0;
  const n = input.length;
  const at = typeof input === 'string' ? (i: number) => input.charCodeAt(i) : (i: number) => input[i]!;
  for (let i = 0; i < n && count <= limit; i++) {
    const c = at(i);
    if (c === CH_LF || (c === CH_CR && at(i + 1) !== CH_LF)) count++;
  }
  return count;
}

function utf8Length(s: string): number {
  if (s.length * 3 <= MAX_FILE_BYTES) return s.length; // cannot exceed the limit; exact size not needed
  return new TextEncoder().encode(s).length;
}

/**
 * The checks made before any parsing: size, line count, strict UTF-8 (a literal U+FFFD in valid UTF-8 is
 * text like any other), no NUL (a binary file that happens to decode). The text without its BOM, or
 * the problem.
 */
function decode(file: string, input: string | Uint8Array): { body: string } | { problem: ConsolidationProblem } {
  const size = typeof input === 'string' ? utf8Length(input) : input.byteLength;
  if (size > MAX_FILE_BYTES) return { problem: { code: 'consolidate-too-large', file, megabytes: MAX_FILE_BYTES / 1024 / 1024 } };
  // A file ending in a line break has one line more than it has rows; the header is one more.
  if (countLineBreaks(input, MAX_FILE_LINES + 1) > MAX_FILE_LINES + 1) {
    return { problem: { code: 'consolidate-too-many-lines', file, max: MAX_FILE_LINES } };
  }
  let raw: string;
  if (typeof input === 'string') raw = input;
  else {
    try {
      raw = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return { problem: { code: 'consolidate-not-utf8', file } };
    }
  }
  if (raw.includes('\u0000')) return { problem: { code: 'consolidate-not-utf8', file } };
  const body = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  if (body.trim() === '') return { problem: { code: 'consolidate-empty', file } };
  return { body };
}

/** 1-based line of every offset (offsets asked in increasing order), counting CRLF, LF and CR as one break. */
function lineCounter(body: string): (offset: number) => number {
  let pos = 0;
  let line = 1;
  return (offset: number) => {
    for (; pos < offset && pos < body.length; pos++) {
      const ch = body.charCodeAt(pos);
      if (ch === CH_LF) line++;
      else if (ch === CH_CR && body.charCodeAt(pos + 1) !== CH_LF) line++;
    }
    return line;
  };
}

/** The problems of Papa's errors on one record: a quote error means the record ran over lines `from`–`to`. */
function csvProblems(errors: readonly Papa.ParseError[], from: number, to: number): ConsolidationProblem[] {
  const problems: ConsolidationProblem[] = [];
  if (errors.some((e) => e.type === 'Quotes')) problems.push({ code: 'consolidate-quote-unbalanced', from, to });
  for (const e of errors) if (e.type !== 'Quotes') problems.push({ code: 'consolidate-csv-format', detail: e.code });
  return problems;
}

/**
 * Parses one appendix CSV (either delimiter, with or without BOM). Every row is validated; each bad row is
 * reported with its file name and the lines it spans (quoted multi-line cells counted; an unbalanced
 * quote spans every line it swallowed). Rows that are entirely empty are skipped. Cells are NFC-normalised
 * and trimmed, dates re-padded to `dd/MM/yyyy` (and ` HH:mm` where timed), and the export's formula neutralisation undone.
 * `input` may also be the file's bytes, decoded here as strict UTF-8.
 */
export function parseAppendixFile(fileName: string, input: string | Uint8Array): ParsedAppendix {
  const errors: ImportError[] = [];
  const rows: ImportedRow[] = [];
  const decoded = decode(fileName, input);
  if ('problem' in decoded) return { rows, errors: [fileProblem(fileName, decoded.problem)], delimiter: null };
  const body = decoded.body;

  const delimiter = detectDelimiter(body);
  const lineAt = lineCounter(body);
  let start = 0;
  let header: HeaderMap | null = null;

  Papa.parse<string[]>(body, {
    delimiter,
    step: (result, parser) => {
      const line = lineAt(start);
      const end = result.meta.cursor;
      start = end;
      const cells = result.data;
      if (result.errors.length > 0) {
        // The record's last character is the line break that ends it, or the file's last character.
        const lineTo = Math.max(line, lineAt(end - 1));
        errors.push({ file: fileName, line, lineTo, problems: csvProblems(result.errors, line, lineTo) });
        if (header) return; // a broken record is no row; a broken header is still checked below
      }
      if (cells.every((c) => c.trim() === '')) return;

      if (header === null) {
        header = mapHeader(cells);
        if (!header.ok) {
          errors.push({ file: fileName, line, lineTo: line, problems: header.problems });
          parser.abort();
        }
        return;
      }
      if (!header.ok) return;
      const read = readRecord({ file: fileName, line }, header.columnOf, cells);
      if ('error' in read) errors.push(read.error);
      else rows.push(read.row);
    },
  });

  if (header === null) errors.push(fileProblem(fileName, { code: 'consolidate-no-header', file: fileName }));
  return { rows, errors, delimiter };
}
