import { APPENDIX_HEADINGS, APPENDIX_KEYS, type AppendixPeriod, type AppendixValues } from './rows';
import { formatDayVn, parseIsoDay } from '../calendar/day';
import { createTranslator } from '../i18n/translate';

/**
 * What the workbook and the Word document both show, in the order they show it: the issuing body beside
 * the national motto, "PHỤ LỤC", the title, the period, the "Kèm theo Văn bản số …" line, the 14-column
 * table and the signature block (docs/domain.md, the appendix as the office sends it). The document is
 * always Vietnamese, like the printable appendix. Library-free, so both writers share it and tests read it.
 */

/** The document's own settings (all optional; a blank field prints as a dotted gap to fill by hand). */
export interface DocumentInfo {
  /** The reporting unit (options); printed in capitals under its parent body. */
  unitName?: string;
  /** The unit's parent body ("cơ quan chủ quản"), printed above the unit. */
  parentBody?: string;
  /** Number and symbol of the letter the appendix goes with, e.g. `125/UBND-VP`. */
  letterNumber?: string;
  /** Day of that letter, `yyyy-MM-dd`. */
  letterDate?: string;
  /** Body that signs that letter, e.g. "Ủy ban nhân dân xã A". */
  letterIssuer?: string;
  /** Place name in the date line ("Mộ Đức, ngày …"). */
  place?: string;
  /** Who made the table ("NGƯỜI LẬP BIỂU"): the staff name of the options. */
  preparerName?: string;
  /** The head's position in capitals; "THỦ TRƯỞNG ĐƠN VỊ" when unset. */
  headTitle?: string;
  headName?: string;
  /** Report period by appointment day (both ends optional). */
  period?: AppendixPeriod;
  /** `yyyy-MM-dd`, the day the file is made: the date line. */
  today: string;
}

export interface Signer {
  title: string;
  hint: string;
  /** '' when unset: the space stays for a handwritten name. */
  name: string;
}

export interface DocumentContent {
  /** Left of the top block: parent body (may be ''), then the unit (bold). */
  parentBody: string;
  unit: string;
  motto: readonly [string, string];
  heading: string;
  title: string;
  period: string;
  attachedTo: string;
  headings: readonly string[];
  /** Cell text in column order, STT renumbered 1..n, NFC. */
  rows: string[][];
  /** Index (0-based) of the columns that hold a `dd/MM/yyyy[ HH:mm]` date. */
  dateColumns: readonly number[];
  placeDate: string;
  signers: readonly [Signer, Signer];
}

/**
 * Printed column widths in millimetres, filling the 252 mm between the margins of an A4 landscape page.
 * In the Word document's 10 pt Times New Roman a whole portal code (`000.00.23.H34-261127-0006`) and a
 * `dd/MM/yyyy` date each fit on one line, so that nobody misreads a code split in two; the long texts
 * (procedure, reason) wrap.
 */
export const COLUMN_WIDTHS_MM = [9, 43, 24, 12, 18, 18, 18, 18, 14, 18, 11, 22, 14, 13] as const;

/** Where a value is unset, the form keeps a dotted gap of the usual length. */
const GAP = '……';

const doc = createTranslator('vi');

function clean(text: string | undefined): string {
  return (text ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Day and month as administrative documents write them: a zero before days 1–9 and months 1–2 (so that
 * nobody can add a digit by hand), none before months 3–12.
 */
export function writtenDate(iso: string): { day: string; month: string; year: string } | null {
  const parts = parseIsoDay(iso);
  if (!parts) return null;
  const day = String(parts.day).padStart(2, '0');
  const month = parts.month <= 2 ? String(parts.month).padStart(2, '0') : String(parts.month);
  return { day, month, year: String(parts.year) };
}

function periodLine(period: AppendixPeriod | undefined): string {
  const from = formatDayVn(period?.from ?? '');
  const to = formatDayVn(period?.to ?? '');
  if (from && to) return doc('print.docPeriodRange', { from, to });
  if (from) return doc('print.docPeriodFrom', { from });
  if (to) return doc('print.docPeriodTo', { to });
  return doc('print.docPeriodAll');
}

function attachedLine(info: DocumentInfo): string {
  const date = writtenDate(info.letterDate ?? '');
  return doc('office.attachedTo', {
    number: clean(info.letterNumber) || `${GAP}/${GAP}`,
    day: date?.day ?? GAP,
    month: date?.month ?? GAP,
    year: date?.year ?? GAP,
    issuer: clean(info.letterIssuer) || GAP,
  });
}

const DATE_KEYS = new Set(['received', 'due', 'closed', 'realReturn']);

/** The content of the document for these rows (in the given order, as the CSV writes them). */
export function documentContent(rows: readonly AppendixValues[], info: DocumentInfo): DocumentContent {
  const today = writtenDate(info.today);
  if (!today) throw new RangeError(`today is not a yyyy-MM-dd day: ${info.today}`);
  const upper = (text: string) => text.toLocaleUpperCase('vi');
  return {
    parentBody: upper(clean(info.parentBody)),
    unit: upper(clean(info.unitName)),
    motto: [doc('office.mottoCountry'), doc('office.mottoWords')],
    heading: doc('print.docTitle'),
    title: upper(doc('print.docSubtitle')),
    period: periodLine(info.period),
    attachedTo: attachedLine(info),
    headings: APPENDIX_HEADINGS,
    rows: rows.map((row, i) =>
      APPENDIX_KEYS.map((key) => (key === 'stt' ? String(i + 1) : (row[key] ?? '').normalize('NFC'))),
    ),
    dateColumns: APPENDIX_KEYS.flatMap((key, i) => (DATE_KEYS.has(key) ? [i] : [])),
    placeDate: doc('office.placeDate', { place: clean(info.place) || GAP, ...today }),
    signers: [
      { title: upper(doc('print.signMaker')), hint: doc('print.signHint'), name: clean(info.preparerName) },
      { title: upper(clean(info.headTitle) || doc('print.signHead')), hint: doc('print.signHint'), name: clean(info.headName) },
    ],
  };
}

const DATE_CELL = /^(\d{2})\/(\d{2})\/(\d{4})(?: (\d{2}):(\d{2}))?$/;

/**
 * A `dd/MM/yyyy[ HH:mm]` cell as the instant a spreadsheet stores (wall-clock time read as UTC, which is
 * how Excel's serial dates count), and whether it carries a time; null for any other text.
 */
export function cellDate(text: string): { date: Date; withTime: boolean } | null {
  const m = DATE_CELL.exec(text);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute] = [Number(m[4] ?? 0), Number(m[5] ?? 0)];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute));
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1 || hour > 23 || minute > 59) return null;
  return { date, withTime: m[4] !== undefined };
}

/** `dd/MM/yyyy[ HH:mm]` of such an instant: the inverse of {@link cellDate}. */
export function cellDateText(date: Date, withTime: boolean): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
  return withTime ? `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}` : day;
}

/** The heading every office document shares: the issuing body beside the national motto, and the place and date line. */
export interface OfficeHeading {
  parentBody: string;
  unit: string;
  motto: readonly [string, string];
  placeDate: string;
}

/**
 * The heading alone, for the office's other documents (the follow-up lists sent to the processing units),
 * written as the appendix writes its own: bodies in capitals, the date in the decree's way.
 */
export function officeHeading(info: Pick<DocumentInfo, 'unitName' | 'parentBody' | 'place' | 'today'>): OfficeHeading {
  const today = writtenDate(info.today);
  if (!today) throw new RangeError(`today is not a yyyy-MM-dd day: ${info.today}`);
  const upper = (text: string) => text.toLocaleUpperCase('vi');
  return {
    parentBody: upper(clean(info.parentBody)),
    unit: upper(clean(info.unitName)),
    motto: [doc('office.mottoCountry'), doc('office.mottoWords')],
    placeDate: doc('office.placeDate', { place: clean(info.place) || GAP, ...today }),
  };
}
