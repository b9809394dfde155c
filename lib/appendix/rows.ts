import { REAL_OUTCOME_LABEL_VI, SYSTEM_STATE_LABEL_VI, systemState, tagOutcome } from '../dossier/classify';
import { compactDay, formatDayVn, isIsoDay, type Now } from '../calendar/day';
import type { PortalDate, StoredDossier, SystemState } from '../dossier/model';
import { foldDiacritics, stripInvisibleControls, toNfc } from '../portal/text';

/**
 * The appendix (docs/domain.md): dossiers late on the system although the citizen received the result
 * early or on time, as rows of 14 cells. The file itself is written by ./csv.ts.
 */

/** The 14 columns, in file order: the key used in `AppendixValues` and the exact heading. */
export const APPENDIX_COLUMNS = [
  { key: 'stt', heading: 'STT' },
  { key: 'code', heading: 'Mã hồ sơ' },
  { key: 'procedure', heading: 'Tên thủ tục hành chính' },
  { key: 'sector', heading: 'Lĩnh vực' },
  { key: 'applicant', heading: 'Tổ chức, cá nhân nộp hồ sơ' },
  { key: 'received', heading: 'Ngày tiếp nhận' },
  { key: 'due', heading: 'Ngày hẹn trả kết quả' },
  { key: 'closed', heading: 'Ngày kết thúc trên Hệ thống' },
  { key: 'state', heading: 'Tình trạng trên Hệ thống' },
  { key: 'realReturn', heading: 'Ngày trả kết quả thực tế' },
  { key: 'outcome', heading: 'Kết quả thực tế' },
  { key: 'reason', heading: 'Lý do chưa kết thúc hoặc kết thúc muộn trên Hệ thống' },
  { key: 'unit', heading: 'Cơ quan, đơn vị' },
  { key: 'note', heading: 'Ghi chú' },
] as const;

export type AppendixKey = (typeof APPENDIX_COLUMNS)[number]['key'];

/** The exact 14 headings, in order. */
export const APPENDIX_HEADINGS: readonly string[] = APPENDIX_COLUMNS.map((c) => c.heading);

export const APPENDIX_KEYS: readonly AppendixKey[] = APPENDIX_COLUMNS.map((c) => c.key);

/** The 14 cell values of one appendix row, as written (dates `dd/MM/yyyy` with ` HH:mm` where known, labels in Vietnamese). */
export type AppendixValues = Record<AppendixKey, string>;

/** One appendix row built from the store. */
export interface AppendixRow extends AppendixValues {
  /**
   * Ordering key: `yyyy-MM-dd HH:mm:ss` of the receipt (no time = 00:00:00); `\uFFFF` when the dossier has
   * no receipt date, so such dossiers sort after all others. Ties are broken by dossier code.
   */
  sortKey: string;
}

export type AppendixDelimiter = ',' | ';';

/** Filter on the appointment (due) day, both ends inclusive, `yyyy-MM-dd`. */
export interface AppendixPeriod {
  from?: string;
  to?: string;
}

/** Default sentence for column 12 when staff gave no reason. */
export function defaultReason(state: Exclude<SystemState, 'not-late'>): string {
  return state === 'late-unclosed'
    ? 'Đã trả kết quả cho công dân nhưng chưa kết thúc hồ sơ trên Hệ thống'
    : 'Đã trả kết quả cho công dân đúng hạn nhưng kết thúc hồ sơ trên Hệ thống muộn';
}

/** Whether an appointment day falls in the report period (both ends included; open ends allowed). */
export function inPeriod(due: string | undefined, period?: AppendixPeriod): boolean {
  if (!period) return true;
  // An unknown appointment lies in no bounded period.
  if (due === undefined) return !period.from && !period.to;
  if (period.from && due < period.from) return false;
  if (period.to && due > period.to) return false;
  return true;
}

const CH_0 = 48;
const CH_9 = 57;

function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i) - CH_0;
  return c >= 0 && c <= CH_9 - CH_0 ? c : -1;
}

/** A tag counts only when its real return day is a real `yyyy-MM-dd` day; anything else is untagged. */
function hasValidTag(d: StoredDossier): d is StoredDossier & { tag: NonNullable<StoredDossier['tag']> } {
  return d.tag !== undefined && isIsoDay(d.tag.realReturn);
}

export interface DossierGroups {
  /** Late on the system (within the period). */
  late: StoredDossier[];
  /** Late and tagged. */
  tagged: StoredDossier[];
  /** Late, tagged, real outcome early or on time: the appendix. */
  appendix: StoredDossier[];
  /** Late, tagged, really late (R > D). */
  reallyLate: StoredDossier[];
  /** Late, not tagged (or tagged with an unreadable day). */
  untagged: StoredDossier[];
}

/** Splits the stored dossiers into the groups the panel counts and lists. */
export function groupDossiers(dossiers: StoredDossier[], now: Now, period?: AppendixPeriod): DossierGroups {
  const groups: DossierGroups = { late: [], tagged: [], appendix: [], reallyLate: [], untagged: [] };
  for (const d of dossiers) {
    if (!inPeriod(d.due?.day, period)) continue;
    if (systemState(d, now) === 'not-late') continue;
    groups.late.push(d);
    if (!hasValidTag(d)) {
      groups.untagged.push(d);
      continue;
    }
    groups.tagged.push(d);
    if (tagOutcome(d.tag, d.due) === 'late') groups.reallyLate.push(d);
    else groups.appendix.push(d);
  }
  return groups;
}

export interface DossierSummary {
  late: number;
  tagged: number;
  appendix: number;
  reallyLate: number;
  untagged: number;
}

export function summarizeDossiers(dossiers: StoredDossier[], now: Now, period?: AppendixPeriod): DossierSummary {
  const g = groupDossiers(dossiers, now, period);
  return {
    late: g.late.length,
    tagged: g.tagged.length,
    appendix: g.appendix.length,
    reallyLate: g.reallyLate.length,
    untagged: g.untagged.length,
  };
}

function nfc(text: string): string {
  return toNfc(text);
}

const CH_COLON = 58;

function timeKey(time: string | undefined): string {
  if (!time) return '00:00:00';
  // `HH:mm` and `HH:mm:ss` as the reader stores them: already two digits per part.
  if (
    (time.length === 5 || time.length === 8) &&
    time.charCodeAt(2) === CH_COLON &&
    digitAt(time, 0) >= 0 &&
    digitAt(time, 1) >= 0 &&
    digitAt(time, 3) >= 0 &&
    digitAt(time, 4) >= 0
  ) {
    if (time.length === 5) return `${time}:00`;
    if (time.charCodeAt(5) === CH_COLON && digitAt(time, 6) >= 0 && digitAt(time, 7) >= 0) return time;
  }
  const parts = time.split(':').map((p) => p.padStart(2, '0'));
  while (parts.length < 3) parts.push('00');
  return parts.slice(0, 3).join(':');
}

/** Ordering key of a receipt date (see `AppendixRow.sortKey`). */
export function receiptSortKey(received: PortalDate | null): string {
  if (!received || !isIsoDay(received.day)) return '\uFFFF';
  return `${received.day} ${timeKey(received.time)}`;
}

/**
 * An appendix date cell: `dd/MM/yyyy`, plus ` HH:mm` where the page (or staff) gave a time; seconds
 * are dropped (docs/domain.md, "The appendix", columns 6–8 and 10).
 */
export function formatMomentVn(moment: { day: string; time?: string | undefined }): string {
  const day = formatDayVn(moment.day);
  return day && moment.time ? `${day} ${timeKey(moment.time).slice(0, 5)}` : day;
}

/** Plain code-point comparison, so the order never depends on the machine's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface AppendixOptions {
  /** Now in Vietnam (`vietnamNow()`); a bare day compares appointments by day. */
  today: Now;
  /** Reporting unit from options; when set (non-blank) it fills column 13 for every row. */
  unitName?: string;
  period?: AppendixPeriod;
}

/**
 * The appendix rows: stored dossiers late on the system, tagged with a real outcome early or on time,
 * ordered by receipt day and time (no time = 00:00; no receipt date = last), then by code. STT is 1..n.
 */
export function buildAppendixRows(dossiers: StoredDossier[], options: AppendixOptions): AppendixRow[] {
  const unitOption = nfc(options.unitName ?? '').trim();
  const rows: AppendixRow[] = [];
  for (const d of groupDossiers(dossiers, options.today, options.period).appendix) {
    const tag = d.tag;
    if (!tag) continue;
    const state = systemState(d, options.today);
    if (state === 'not-late') continue;
    // Staff typed these two: invisible direction controls in them would reorder what the file shows.
    const reason = stripInvisibleControls(nfc(tag.reason)).trim();
    rows.push({
      stt: '',
      code: nfc(d.code).trim(),
      procedure: nfc(d.procedure).trim(),
      sector: nfc(d.sector).trim(),
      applicant: nfc(d.applicant).trim(),
      received: d.received ? formatMomentVn(d.received) : '',
      due: d.due ? formatMomentVn(d.due) : '',
      closed: d.closed ? formatMomentVn(d.closed) : '',
      state: SYSTEM_STATE_LABEL_VI[state],
      realReturn: formatMomentVn({ day: tag.realReturn, time: tag.time }),
      outcome: REAL_OUTCOME_LABEL_VI[tagOutcome(tag, d.due)],
      reason: reason || defaultReason(state),
      unit: unitOption || nfc(d.unit).trim(),
      note: stripInvisibleControls(nfc(tag.note)).trim(),
      sortKey: receiptSortKey(d.received),
    });
  }
  rows.sort((a, b) => compareText(a.sortKey, b.sortKey) || compareText(a.code, b.code));
  rows.forEach((row, i) => (row.stt = String(i + 1)));
  return rows;
}

/**
 * Slug of a unit name: no diacritics, đ→d, lower case, runs of other characters → '-', at most 40 chars
 * (cut at the last word boundary that fits).
 */
export function unitSlug(unitName: string): string {
  const slug = foldDiacritics(unitName)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 40) return slug;
  const head = slug.slice(0, 41);
  const cut = head.lastIndexOf('-');
  return cut > 0 ? head.slice(0, cut) : slug.slice(0, 40);
}

/**
 * `phu-luc-ho-so-tre-han-<yyyyMMdd>.csv`, or with the unit's slug before the day:
 * `phu-luc-ho-so-tre-han-<slug>-<yyyyMMdd>.csv`.
 */
export function appendixFileName(today: string, unitName?: string): string {
  if (!isIsoDay(today)) throw new RangeError(`today is not a yyyy-MM-dd day: ${today}`);
  const slug = unitSlug(unitName ?? '');
  return `phu-luc-ho-so-tre-han-${slug ? `${slug}-` : ''}${compactDay(today)}.csv`;
}
