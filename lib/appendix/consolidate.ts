import Papa from 'papaparse';
import { z } from 'zod';
import {
  APPENDIX_COLUMNS,
  APPENDIX_KEYS,
  compareText,
  type AppendixDelimiter,
  type AppendixKey,
  type AppendixValues,
} from './rows';
import { appendixCsv, type CsvOptions } from './csv';
import { REAL_OUTCOME_LABEL_VI, SYSTEM_STATE_LABEL_VI } from '../dossier/classify';
import { isRealDay, makeDay } from '../calendar/day';

/**
 * Consolidation (appendix.md, "Around the file"): the district office loads appendix CSV files from many
 * offices, validates them row by row, merges them by dossier code and exports one appendix.
 */

/** One valid row of an imported appendix, with where it came from. */
export interface ImportedRow extends AppendixValues {
  file: string;
  /** 1-based line in the file where the row starts. */
  line: number;
}

/** A problem in a file. `line` is 1-based; 0 means the whole file (not text, too large, empty). */
export interface ImportError {
  file: string;
  line: number;
  message: string;
  messageEn: string;
}

export interface ParsedAppendix {
  rows: ImportedRow[];
  errors: ImportError[];
  /** The delimiter the file was read with; null when the file could not be read as a CSV at all. */
  delimiter: AppendixDelimiter | null;
}

/** Largest file accepted, in bytes of UTF-8. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

const HEADING_OF: Record<AppendixKey, string> = Object.fromEntries(
  APPENDIX_COLUMNS.map((c) => [c.key, c.heading]),
) as Record<AppendixKey, string>;

/** Undoes the export's formula neutralisation: `'` followed by = + - @ tab CR LF loses the `'`. */
export function unneutralize(cell: string): string {
  return /^'[=+\-@\t\r\n]/.test(cell) ? cell.slice(1) : cell;
}

function normHeading(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

const DATE_VN = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** `d/M/yyyy` or `dd/MM/yyyy` → `yyyy-MM-dd`, or null when not a real day. */
export function parseDayVn(text: string): string | null {
  const m = DATE_VN.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDay(y, mo, d) ? makeDay(y, mo, d) : null;
}

function padDayVn(text: string): string {
  const iso = parseDayVn(text);
  return iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : text;
}

// Error messages: zod issues carry a key; the key maps to both languages.
const MESSAGES = {
  stt: ['STT phải là số nguyên dương', 'STT must be a positive whole number'],
  required: ['không được để trống', 'must not be empty'],
  date: ['không phải ngày hợp lệ dạng dd/MM/yyyy', 'is not a valid dd/MM/yyyy date'],
  state: ['phải là "Chưa kết thúc" hoặc "Kết thúc muộn"', 'must be "Chưa kết thúc" or "Kết thúc muộn"'],
  outcome: ['phải là "Trước hạn" hoặc "Đúng hạn"', 'must be "Trước hạn" or "Đúng hạn"'],
  closedWhenUnclosed: ['phải để trống khi hồ sơ "Chưa kết thúc"', 'must be empty when the state is "Chưa kết thúc"'],
  closedNotLate: [
    'phải sau ngày hẹn trả khi hồ sơ "Kết thúc muộn"',
    'must be after the appointment date when the state is "Kết thúc muộn"',
  ],
  beforeReceipt: ['trước ngày tiếp nhận', 'is before the receipt date'],
  outcomeMismatch: [
    'không khớp với ngày trả thực tế và ngày hẹn trả',
    'does not match the real return date and the appointment date',
  ],
} as const satisfies Record<string, readonly [string, string]>;
type MessageKey = keyof typeof MESSAGES;

const stateLabels = Object.values(SYSTEM_STATE_LABEL_VI);
const okOutcomes = [REAL_OUTCOME_LABEL_VI.early, REAL_OUTCOME_LABEL_VI['on-time']];

const text = z.string();
const required = z.string().min(1, 'required');
const date = z.string().refine((s) => parseDayVn(s) !== null, 'date');
const optionalDate = z.string().refine((s) => s === '' || parseDayVn(s) !== null, 'date');

const rowSchema = z
  .object({
    stt: z.string().regex(/^[1-9]\d*$/, 'stt'),
    code: required,
    procedure: text,
    sector: text,
    applicant: text,
    received: optionalDate,
    due: date,
    closed: optionalDate,
    state: z.string().refine((s) => stateLabels.includes(s), 'state'),
    realReturn: date,
    outcome: z.string().refine((s) => okOutcomes.includes(s), 'outcome'),
    reason: required,
    unit: text,
    note: text,
  })
  .superRefine((row, ctx) => {
    const due = parseDayVn(row.due);
    const closed = parseDayVn(row.closed);
    const received = parseDayVn(row.received);
    const real = parseDayVn(row.realReturn);
    if (row.state === SYSTEM_STATE_LABEL_VI['late-unclosed'] && row.closed !== '') {
      ctx.addIssue({ code: 'custom', path: ['closed'], message: 'closedWhenUnclosed' });
    }
    if (row.state === SYSTEM_STATE_LABEL_VI['late-closed']) {
      if (row.closed === '') ctx.addIssue({ code: 'custom', path: ['closed'], message: 'required' });
      else if (closed && due && closed <= due) {
        ctx.addIssue({ code: 'custom', path: ['closed'], message: 'closedNotLate' });
      }
    }
    if (real && received && real < received) {
      ctx.addIssue({ code: 'custom', path: ['realReturn'], message: 'beforeReceipt' });
    }
    if (real && due && okOutcomes.includes(row.outcome)) {
      const expected = real < due ? REAL_OUTCOME_LABEL_VI.early : real === due ? REAL_OUTCOME_LABEL_VI['on-time'] : '';
      if (row.outcome !== expected) ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'outcomeMismatch' });
    }
  });

function utf8Length(s: string): number {
  if (s.length * 3 <= MAX_FILE_BYTES) return s.length; // cannot exceed the limit; exact size not needed
  return new TextEncoder().encode(s).length;
}

function fileError(file: string, line: number, message: string, messageEn: string): ImportError {
  return { file, line, message, messageEn };
}

/** Parses the first record with a delimiter and scores how many cells are known headings. */
function headerWith(body: string, delimiter: string): string[] {
  const first = Papa.parse<string[]>(body, { delimiter, preview: 1 });
  return first.data[0] ?? [];
}

function detectDelimiter(body: string): AppendixDelimiter {
  const known = new Set(APPENDIX_COLUMNS.map((c) => normHeading(c.heading)));
  const score = (cells: string[]) => cells.filter((c) => known.has(normHeading(c))).length;
  const comma = headerWith(body, ',');
  const semi = headerWith(body, ';');
  const [sc, ss] = [score(comma), score(semi)];
  if (sc !== ss) return sc > ss ? ',' : ';';
  return semi.length > comma.length ? ';' : ',';
}

/** 1-based line of every offset, counting CRLF, LF and CR as one line break each. */
function lineCounter(body: string): (offset: number) => number {
  let pos = 0;
  let line = 1;
  return (offset: number) => {
    for (; pos < offset && pos < body.length; pos++) {
      const ch = body[pos];
      if (ch === '\n') line++;
      else if (ch === '\r' && body[pos + 1] !== '\n') line++;
    }
    return line;
  };
}

/**
 * Parses one appendix CSV (either delimiter, with or without BOM). Every row is validated; each bad row is
 * reported with its file name and the 1-based line where it starts (quoted multi-line cells counted).
 * Rows that are entirely empty are skipped. Cells are NFC-normalised and trimmed, dates re-padded to
 * `dd/MM/yyyy`, and the export's formula neutralisation undone.
 * `input` may also be the file's bytes, decoded here as strict UTF-8.
 */
export function parseAppendixFile(fileName: string, input: string | Uint8Array): ParsedAppendix {
  const errors: ImportError[] = [];
  const rows: ImportedRow[] = [];
  const notText = () =>
    fileError(
      fileName,
      0,
      `Tệp "${fileName}" không phải tệp CSV dạng văn bản UTF-8.`,
      `"${fileName}" is not a UTF-8 CSV text file.`,
    );

  const size = typeof input === 'string' ? utf8Length(input) : input.byteLength;
  if (size > MAX_FILE_BYTES) {
    const mb = MAX_FILE_BYTES / 1024 / 1024;
    errors.push(
      fileError(
        fileName,
        0,
        `Tệp "${fileName}" quá lớn (tối đa ${mb} MB).`,
        `"${fileName}" is too large (at most ${mb} MB).`,
      ),
    );
    return { rows, errors, delimiter: null };
  }
  let raw: string;
  if (typeof input === 'string') raw = input;
  else {
    try {
      raw = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return { rows, errors: [notText()], delimiter: null };
    }
  }
  if (raw.includes('\u0000') || raw.includes('\uFFFD')) return { rows, errors: [notText()], delimiter: null };

  const body = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  if (body.trim() === '') {
    errors.push(fileError(fileName, 0, `Tệp "${fileName}" trống.`, `"${fileName}" is empty.`));
    return { rows, errors, delimiter: null };
  }

  const delimiter = detectDelimiter(body);
  const lineAt = lineCounter(body);
  let start = 0;
  let columnOf: (AppendixKey | null)[] | null = null;
  let headerFailed = false;

  Papa.parse<string[]>(body, {
    delimiter,
    step: (result, parser) => {
      const line = lineAt(start);
      start = result.meta.cursor;
      const cells = result.data;
      for (const e of result.errors) {
        errors.push(
          fileError(
            fileName,
            line,
            `Dòng ${line}: lỗi định dạng CSV (${e.message}).`,
            `Line ${line}: CSV format error (${e.message}).`,
          ),
        );
      }
      if (cells.every((c) => c.trim() === '')) return;

      if (columnOf === null) {
        columnOf = mapHeader(cells, fileName, line, errors);
        if (columnOf === null) {
          headerFailed = true;
          parser.abort();
        }
        return;
      }
      if (result.errors.length > 0) return;
      if (cells.length !== APPENDIX_KEYS.length) {
        errors.push(
          fileError(
            fileName,
            line,
            `Dòng ${line}: có ${cells.length} cột, cần đúng ${APPENDIX_KEYS.length} cột.`,
            `Line ${line}: has ${cells.length} columns, exactly ${APPENDIX_KEYS.length} are required.`,
          ),
        );
        return;
      }
      const values = {} as AppendixValues;
      columnOf.forEach((key, i) => {
        if (key) values[key] = unneutralize(cells[i]!.normalize('NFC').trim());
      });
      const checked = rowSchema.safeParse(values);
      if (!checked.success) {
        const vi: string[] = [];
        const en: string[] = [];
        for (const issue of checked.error.issues) {
          const key = issue.path[0] as AppendixKey | undefined;
          const msg = MESSAGES[issue.message as MessageKey] ?? [issue.message, issue.message];
          const heading = key ? HEADING_OF[key] : '';
          if (key === 'stt' && issue.message === 'stt') {
            vi.push(msg[0]);
            en.push(msg[1]);
          } else {
            vi.push(`cột "${heading}" ${msg[0]}`);
            en.push(`column "${heading}" ${msg[1]}`);
          }
        }
        errors.push(
          fileError(fileName, line, `Dòng ${line}: ${vi.join('; ')}.`, `Line ${line}: ${en.join('; ')}.`),
        );
        return;
      }
      for (const key of ['received', 'due', 'closed', 'realReturn'] as const) values[key] = padDayVn(values[key]);
      rows.push({ ...values, file: fileName, line });
    },
  });

  if (columnOf === null && !headerFailed) {
    errors.push(fileError(fileName, 0, `Tệp "${fileName}" không có dòng tiêu đề.`, `"${fileName}" has no header row.`));
  }
  return { rows, errors, delimiter };
}

/** Maps header cells to column keys; null (with an error) when a heading is missing, unknown or repeated. */
function mapHeader(cells: string[], file: string, line: number, errors: ImportError[]): (AppendixKey | null)[] | null {
  const byHeading = new Map(APPENDIX_COLUMNS.map((c) => [normHeading(c.heading), c.key] as const));
  const seen = new Set<AppendixKey>();
  const unknown: string[] = [];
  const repeated: string[] = [];
  const columnOf = cells.map((cell) => {
    const key = byHeading.get(normHeading(cell));
    if (!key) {
      unknown.push(cell.trim());
      return null;
    }
    if (seen.has(key)) repeated.push(HEADING_OF[key]);
    seen.add(key);
    return key;
  });
  const missing = APPENDIX_COLUMNS.filter((c) => !seen.has(c.key)).map((c) => c.heading);
  if (missing.length === 0 && unknown.length === 0 && repeated.length === 0) return columnOf;
  const quote = (list: string[]) => list.map((h) => `"${h}"`).join(', ');
  const vi: string[] = [];
  const en: string[] = [];
  if (missing.length) {
    vi.push(`thiếu cột ${quote(missing)}`);
    en.push(`missing column(s) ${quote(missing)}`);
  }
  if (unknown.length) {
    vi.push(`cột không thuộc phụ lục ${quote(unknown)}`);
    en.push(`unknown column(s) ${quote(unknown)}`);
  }
  if (repeated.length) {
    vi.push(`cột bị lặp ${quote(repeated)}`);
    en.push(`repeated column(s) ${quote(repeated)}`);
  }
  errors.push({
    file,
    line,
    message: `Tệp "${file}", dòng tiêu đề: ${vi.join('; ')}. Cần đúng 14 cột của phụ lục.`,
    messageEn: `"${file}", header row: ${en.join('; ')}. The 14 appendix columns are required.`,
  });
  return null;
}

export interface RowCopy {
  fileName: string;
  line: number;
  row: ImportedRow;
}

export interface MergeConflict {
  code: string;
  /** Every copy of the code, in file order; at least two of them differ. */
  copies: RowCopy[];
}

export interface MergeResult {
  /** One row per code, ordered by receipt day then code; conflicting codes are absent until resolved. */
  merged: ImportedRow[];
  conflicts: MergeConflict[];
}

/** Every column except STT (which differs between files) must match for two copies to be the same. */
function sameRow(a: AppendixValues, b: AppendixValues): boolean {
  return APPENDIX_KEYS.every((k) => k === 'stt' || a[k] === b[k]);
}

/** Receipt day (`yyyy-MM-dd`, no date = last), then code. */
export function compareImported(a: AppendixValues, b: AppendixValues): number {
  const ka = parseDayVn(a.received) ?? '\uFFFF';
  const kb = parseDayVn(b.received) ?? '\uFFFF';
  return compareText(ka, kb) || compareText(a.code, b.code);
}

export function mergeAppendices(files: { fileName: string; rows: ImportedRow[] }[]): MergeResult {
  const byCode = new Map<string, RowCopy[]>();
  for (const f of files) {
    for (const row of f.rows) {
      const copies = byCode.get(row.code) ?? [];
      copies.push({ fileName: f.fileName, line: row.line, row });
      byCode.set(row.code, copies);
    }
  }
  const merged: ImportedRow[] = [];
  const conflicts: MergeConflict[] = [];
  for (const [code, copies] of byCode) {
    const first = copies[0]!;
    if (copies.every((c) => sameRow(c.row, first.row))) merged.push(first.row);
    else conflicts.push({ code, copies });
  }
  merged.sort(compareImported);
  conflicts.sort((a, b) => compareText(a.code, b.code));
  return { merged, conflicts };
}

/** Keeps copy `chosenIndex` of the conflicting code; returns a new result. Throws on an unknown code/index. */
export function resolveConflict(result: MergeResult, code: string, chosenIndex: number): MergeResult {
  const conflict = result.conflicts.find((c) => c.code === code);
  if (!conflict) throw new RangeError(`No conflict for dossier code ${code}`);
  const chosen = conflict.copies[chosenIndex];
  if (!chosen) throw new RangeError(`No copy ${chosenIndex} for dossier code ${code}`);
  return {
    merged: [...result.merged, chosen.row].sort(compareImported),
    conflicts: result.conflicts.filter((c) => c !== conflict),
  };
}

/** One appendix CSV of the rows (same 14 columns, BOM, CRLF), ordered by receipt day then code, STT 1..n. */
export function consolidatedCsv(rows: readonly AppendixValues[], options: CsvOptions): string {
  return appendixCsv([...rows].sort(compareImported), options);
}

export interface UnitCount {
  /** Column 13; '' for rows without a unit (listed last). */
  unit: string;
  rows: number;
  early: number;
  onTime: number;
}

/** Counts per unit (sorted by unit in Vietnamese order, '' last) and the total. */
export function summaryByUnit(rows: readonly AppendixValues[]): { units: UnitCount[]; total: Omit<UnitCount, 'unit'> } {
  const map = new Map<string, UnitCount>();
  const total = { rows: 0, early: 0, onTime: 0 };
  for (const row of rows) {
    const entry = map.get(row.unit) ?? { unit: row.unit, rows: 0, early: 0, onTime: 0 };
    entry.rows++;
    total.rows++;
    if (row.outcome === REAL_OUTCOME_LABEL_VI.early) {
      entry.early++;
      total.early++;
    } else if (row.outcome === REAL_OUTCOME_LABEL_VI['on-time']) {
      entry.onTime++;
      total.onTime++;
    }
    map.set(row.unit, entry);
  }
  const collator = new Intl.Collator('vi');
  const units = [...map.values()].sort((a, b) => {
    if (a.unit === '' || b.unit === '') return a.unit === '' ? (b.unit === '' ? 0 : 1) : -1;
    return collator.compare(a.unit, b.unit) || compareText(a.unit, b.unit);
  });
  return { units, total };
}
