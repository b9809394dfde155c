import { isRealDay, makeDay } from './day';

/**
 * The one reader of day-first dates, `d/M/yyyy` to `dd/MM/yyyy`, with an optional time `H:mm[:ss]`
 * (docs/domain.md, dates): the portal's cells, the consolidated appendix files and the holiday overrides
 * typed in the options all go through it; each says which separators it accepts. Read by hand, never with
 * `new Date(string)` (which reads month first), and without regular expressions: the reader runs it for
 * every date cell of every row.
 */

/** What a caller accepts. */
export interface DmyFormat {
  /** The separators between day, month and year, e.g. `'/'` or `'/-'`. */
  separators: string;
  /** Whether the two separators may differ (`02/01-2026`); otherwise the second repeats the first. */
  mixedSeparators?: boolean;
  /** Whether a time may stand before (`10:30, 05/11/2026`) or after (`05/11/2026 10:30`) the date. */
  time?: boolean;
}

/** The cells of the portal: `/` or `-`, the same twice, a time before or after. */
export const PORTAL_DMY: DmyFormat = { separators: '/-', time: true };
/** The appendix files: `d/M/yyyy` only. */
export const APPENDIX_DMY: DmyFormat = { separators: '/' };

/** A date token as written; the numbers are not checked yet (see {@link checkDmy}). */
export interface DmyMatch {
  /** Where the token (time included) starts and ends in the text. */
  start: number;
  end: number;
  day: number;
  month: number;
  year: number;
  /** How many digits the year was written with (only 4 is a date). */
  yearDigits: number;
  time?: { hours: number; minutes: number; seconds?: number };
}

export type DmyCheck =
  | { ok: true; day: string; time?: string }
  | { ok: false; reason: 'year-digits' | 'not-real' | 'bad-time' };

const CH_0 = 48;
const CH_9 = 57;
const CH_COLON = 58;
const CH_SLASH = 47;
const CH_DASH = 45;
const CH_COMMA = 44;
const CH_SPACE = 32;

/** '00'…'99'. */
const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i); // NaN outside the string
  return c >= CH_0 && c <= CH_9;
}

/** End of the run of digits at `i` when it has `min`..`max` digits; -1 otherwise. */
function digitRun(s: string, i: number, min: number, max: number): number {
  let j = i;
  while (isDigitAt(s, j)) j++;
  return j - i < min || j - i > max ? -1 : j;
}

function digitsValue(s: string, i: number, j: number): number {
  let n = 0;
  for (let k = i; k < j; k++) n = n * 10 + (s.charCodeAt(k) - CH_0);
  return n;
}

/** End of `,`, ` ` or `, ` at `i`; -1 when there is none. */
function separatorEnd(s: string, i: number): number {
  let j = i;
  if (s.charCodeAt(j) === CH_COMMA) j++;
  if (s.charCodeAt(j) === CH_SPACE) j++;
  return j > i ? j : -1;
}

interface TimeRead {
  end: number;
  hours: number;
  minutes: number;
  seconds?: number;
}

/** `H{1,2}:mm[:ss]` at `i`, not followed by a digit (nor by `:` when `noColonAfter`). */
function readTime(s: string, i: number, noColonAfter: boolean): TimeRead | null {
  const hoursEnd = digitRun(s, i, 1, 2);
  if (hoursEnd < 0 || s.charCodeAt(hoursEnd) !== CH_COLON) return null;
  const minutesEnd = hoursEnd + 3;
  if (!isDigitAt(s, hoursEnd + 1) || !isDigitAt(s, hoursEnd + 2)) return null;
  const time: TimeRead = { end: minutesEnd, hours: digitsValue(s, i, hoursEnd), minutes: digitsValue(s, hoursEnd + 1, minutesEnd) };
  if (s.charCodeAt(minutesEnd) === CH_COLON && isDigitAt(s, minutesEnd + 1) && isDigitAt(s, minutesEnd + 2)) {
    time.seconds = digitsValue(s, minutesEnd + 1, minutesEnd + 3);
    time.end = minutesEnd + 3;
  }
  const after = s.charCodeAt(time.end);
  if ((after >= CH_0 && after <= CH_9) || (noColonAfter && after === CH_COLON)) return null;
  // Seconds followed by a digit do not fall back to `H:mm`: the `:` after it would not let a date follow.
  return time;
}

/** `d{1,2} X d{1,2} X d+` at `i` (X a separator of the format), the year's digits all taken. */
function readDate(s: string, i: number, format: DmyFormat): Omit<DmyMatch, 'start' | 'time'> | null {
  const dayEnd = digitRun(s, i, 1, 2);
  if (dayEnd < 0) return null;
  const sep = s.charCodeAt(dayEnd);
  if (!format.separators.includes(s.charAt(dayEnd))) return null;
  const monthEnd = digitRun(s, dayEnd + 1, 1, 2);
  if (monthEnd < 0) return null;
  const sep2 = s.charCodeAt(monthEnd);
  if (format.mixedSeparators ? !format.separators.includes(s.charAt(monthEnd)) : sep2 !== sep) return null;
  const yearEnd = digitRun(s, monthEnd + 1, 1, Infinity);
  if (yearEnd < 0) return null;
  return {
    end: yearEnd,
    day: digitsValue(s, i, dayEnd),
    month: digitsValue(s, dayEnd + 1, monthEnd),
    year: yearEnd - monthEnd - 1 > 9 ? Number.NaN : digitsValue(s, monthEnd + 1, yearEnd),
    yearDigits: yearEnd - monthEnd - 1,
  };
}

function isDateBoundary(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return !((c >= CH_0 && c <= CH_9) || c === CH_SLASH || c === CH_DASH);
}

/**
 * The token starting at `i`: a time then the date (when the format has times), else the date alone
 * (when `dateHere`), then a time after it. `bounded`: the date may not be followed by a digit, `/` or
 * `-` (a token inside text); otherwise the caller checks the end.
 */
function matchAt(s: string, i: number, format: DmyFormat, bounded: boolean, dateHere: boolean): DmyMatch | null {
  const fits = (date: ReturnType<typeof readDate>) => (date && (!bounded || isDateBoundary(s, date.end)) ? date : null);
  let before = format.time ? readTime(s, i, false) : null;
  let date: ReturnType<typeof readDate> = null;
  if (before) {
    // The time must be followed by `,` or a space before the date.
    const dateStart = separatorEnd(s, before.end);
    date = dateStart < 0 ? null : fits(readDate(s, dateStart, format));
    if (!date) before = null;
  }
  if (!date && dateHere) date = fits(readDate(s, i, format));
  if (!date) return null;
  const match: DmyMatch = { start: i, ...date };
  if (before) {
    match.time = { hours: before.hours, minutes: before.minutes, seconds: before.seconds };
    return match;
  }
  if (format.time) {
    const timeStart = separatorEnd(s, date.end);
    const after = timeStart < 0 ? null : readTime(s, timeStart, true);
    if (after) {
      match.time = { hours: after.hours, minutes: after.minutes, seconds: after.seconds };
      match.end = after.end;
    }
  }
  return match;
}

/** The whole text as one token (nothing before or after it), or null. */
export function parseDmy(text: string, format: DmyFormat): DmyMatch | null {
  const match = matchAt(text, 0, format, false, true);
  return match && match.end === text.length ? match : null;
}

/**
 * The first token in the text, or null. A token does not start right after a digit; a date does not
 * touch a digit, `/` or `-` on either side (a time before it may follow a `/` or `-`).
 */
export function findDmy(text: string, format: DmyFormat): DmyMatch | null {
  for (let i = 0, n = text.length; i < n; i++) {
    if (!isDigitAt(text, i) || isDigitAt(text, i - 1)) continue;
    const match = matchAt(text, i, format, true, isDateBoundary(text, i - 1));
    if (match) return match;
  }
  return null;
}

/** Whether the token is a real day (4-digit year) with a time in range; the day as `yyyy-MM-dd`. */
export function checkDmy(match: DmyMatch): DmyCheck {
  if (match.yearDigits !== 4) return { ok: false, reason: 'year-digits' };
  if (!isRealDay(match.year, match.month, match.day)) return { ok: false, reason: 'not-real' };
  const day = makeDay(match.year, match.month, match.day);
  const t = match.time;
  if (!t) return { ok: true, day };
  if (t.hours > 23 || t.minutes > 59 || (t.seconds ?? 0) > 59) return { ok: false, reason: 'bad-time' };
  const hhmm = `${TWO_DIGITS[t.hours]}:${TWO_DIGITS[t.minutes]}`;
  return { ok: true, day, time: t.seconds === undefined ? hhmm : `${hhmm}:${TWO_DIGITS[t.seconds]}` };
}

/** `d/M/yyyy` or `dd/MM/yyyy` → `yyyy-MM-dd`, or null when it is not a real day. */
export function parseDayVn(text: string): string | null {
  const match = parseDmy(text, APPENDIX_DMY);
  const checked = match && checkDmy(match);
  return checked?.ok ? checked.day : null;
}
