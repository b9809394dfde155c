import { isRealDay } from './day';

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
/** The appendix files: `d/M/yyyy`, with a time of day where the page or staff gave one. */
export const APPENDIX_DMY: DmyFormat = { separators: '/', time: true };

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
  let end = minutesEnd;
  let seconds: number | undefined;
  if (s.charCodeAt(minutesEnd) === CH_COLON && isDigitAt(s, minutesEnd + 1) && isDigitAt(s, minutesEnd + 2)) {
    seconds = digitsValue(s, minutesEnd + 1, minutesEnd + 3);
    end = minutesEnd + 3;
  }
  const after = s.charCodeAt(end);
  // Seconds followed by a digit do not fall back to `H:mm`: the `:` after it would not let a date follow.
  if ((after >= CH_0 && after <= CH_9) || (noColonAfter && after === CH_COLON)) return null;
  return { end, hours: digitsValue(s, i, hoursEnd), minutes: digitsValue(s, hoursEnd + 1, minutesEnd), seconds };
}

function isSeparator(format: DmyFormat, code: number): boolean {
  const separators = format.separators;
  for (let k = 0; k < separators.length; k++) if (separators.charCodeAt(k) === code) return true;
  return false;
}

function isDateBoundary(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return !((c >= CH_0 && c <= CH_9) || c === CH_SLASH || c === CH_DASH);
}

/**
 * `d{1,2} X d{1,2} X d+` at `i` (X a separator of the format), the year's digits all taken, as a token
 * starting at `start`. `bounded`: the year may not be followed by a digit, `/` or `-` (a token inside text).
 */
function readDate(s: string, i: number, format: DmyFormat, start: number, bounded: boolean): DmyMatch | null {
  const dayEnd = digitRun(s, i, 1, 2);
  if (dayEnd < 0) return null;
  const sep = s.charCodeAt(dayEnd);
  if (!isSeparator(format, sep)) return null;
  const monthEnd = digitRun(s, dayEnd + 1, 1, 2);
  if (monthEnd < 0) return null;
  const sep2 = s.charCodeAt(monthEnd);
  if (format.mixedSeparators ? !isSeparator(format, sep2) : sep2 !== sep) return null;
  const yearEnd = digitRun(s, monthEnd + 1, 1, Infinity);
  if (yearEnd < 0 || (bounded && !isDateBoundary(s, yearEnd))) return null;
  const yearDigits = yearEnd - monthEnd - 1;
  return {
    start,
    end: yearEnd,
    day: digitsValue(s, i, dayEnd),
    month: digitsValue(s, dayEnd + 1, monthEnd),
    year: yearDigits > 9 ? Number.NaN : digitsValue(s, monthEnd + 1, yearEnd),
    yearDigits,
  };
}

/**
 * The token starting at `i`: a time then the date (when the format has times), else the date alone
 * (when `dateHere`), then a time after it. `bounded`: the date may not be followed by a digit, `/` or
 * `-` (a token inside text); otherwise the caller checks the end.
 */
function matchAt(s: string, i: number, format: DmyFormat, bounded: boolean, dateHere: boolean): DmyMatch | null {
  if (format.time) {
    const before = readTime(s, i, false);
    if (before) {
      // The time must be followed by `,` or a space before the date.
      const dateStart = separatorEnd(s, before.end);
      const match = dateStart < 0 ? null : readDate(s, dateStart, format, i, bounded);
      if (match) {
        match.time = before;
        return match;
      }
    }
  }
  if (!dateHere) return null;
  const match = readDate(s, i, format, i, bounded);
  if (!match || !format.time) return match;
  const timeStart = separatorEnd(s, match.end);
  const after = timeStart < 0 ? null : readTime(s, timeStart, true);
  if (after) {
    match.time = after;
    match.end = after.end;
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

/** Why the token is not a day (or its time not a time of day); null when it is both. */
export function dmyProblem(match: DmyMatch): 'year-digits' | 'not-real' | 'bad-time' | null {
  if (match.yearDigits !== 4) return 'year-digits';
  if (!isRealDay(match.year, match.month, match.day)) return 'not-real';
  const t = match.time;
  if (t && (t.hours > 23 || t.minutes > 59 || (t.seconds ?? 0) > 59)) return 'bad-time';
  return null;
}

/** First year {@link dmyKey} stands for, and how many years from it. */
const KEY_FIRST_YEAR = 1900;
const KEY_YEARS = 300;
/** Keys of `dd/MM/yyyy` texts lie below this; keys of `dd/MM/yyyy HH:mm` texts from it. */
const KEYS_OF_DAYS = KEY_YEARS * 13 * 32;

/** The number the two digits at `i` make, or -1 where there are not two digits. */
function twoDigitsAt(s: string, i: number): number {
  const tens = s.charCodeAt(i) - CH_0; // NaN outside the string: every comparison below is false
  const units = s.charCodeAt(i + 1) - CH_0;
  return tens >= 0 && tens <= 9 && units >= 0 && units <= 9 ? tens * 10 + units : -1;
}

/**
 * A small whole number standing for `text` when it is written exactly `dd/MM/yyyy` or `dd/MM/yyyy HH:mm`
 * (the portal's usual shape: two digits for the day up to 31, the month up to 12, the hours up to 23 and
 * the minutes up to 59, four for a year from 1900 to 2199); -1 for any other text. Different texts never
 * share a key (the key is their digits), so a cache of reads may be keyed by it instead of by the text:
 * in Chromium, hashing a text just read from the page costs three times the lookup of a number.
 */
export function dmyKey(text: string): number {
  const length = text.length;
  if ((length !== 10 && length !== 16) || text.charCodeAt(2) !== CH_SLASH || text.charCodeAt(5) !== CH_SLASH) return -1;
  const day = twoDigitsAt(text, 0);
  const month = twoDigitsAt(text, 3);
  const century = twoDigitsAt(text, 6);
  const years = twoDigitsAt(text, 8);
  if (day < 0 || day > 31 || month < 0 || month > 12 || century < 0 || years < 0) return -1;
  const year = century * 100 + years - KEY_FIRST_YEAR;
  if (year < 0 || year >= KEY_YEARS) return -1;
  const date = (year * 13 + month) * 32 + day;
  if (length === 10) return date;
  if (text.charCodeAt(10) !== CH_SPACE || text.charCodeAt(13) !== CH_COLON) return -1;
  const hours = twoDigitsAt(text, 11);
  const minutes = twoDigitsAt(text, 14);
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return -1;
  return KEYS_OF_DAYS + date * 1440 + hours * 60 + minutes;
}

/** The token's day as `yyyy-MM-dd` (for a token without {@link dmyProblem}: its year has 4 digits). */
export function dmyIsoDay(match: DmyMatch): string {
  return `${match.year}-${TWO_DIGITS[match.month]}-${TWO_DIGITS[match.day]}`;
}

/** The token's time as `HH:mm` or `HH:mm:ss`, undefined when it has none. */
export function dmyTime(match: DmyMatch): string | undefined {
  const t = match.time;
  if (!t) return undefined;
  const hhmm = `${TWO_DIGITS[t.hours]}:${TWO_DIGITS[t.minutes]}`;
  return t.seconds === undefined ? hhmm : `${hhmm}:${TWO_DIGITS[t.seconds]}`;
}

/** Whether the token is a real day (4-digit year) with a time in range; the day as `yyyy-MM-dd`. */
export function checkDmy(match: DmyMatch): DmyCheck {
  const reason = dmyProblem(match);
  if (reason) return { ok: false, reason };
  const time = dmyTime(match);
  return time === undefined ? { ok: true, day: dmyIsoDay(match) } : { ok: true, day: dmyIsoDay(match), time };
}

/** `d/M/yyyy` or `dd/MM/yyyy` → `yyyy-MM-dd`, or null when it is not a real day. */
export function parseDayVn(text: string): string | null {
  const match = parseDmy(text, APPENDIX_DMY);
  const checked = match && checkDmy(match);
  return checked?.ok ? checked.day : null;
}

/** An appendix date cell: its day and, where written, its time (`HH:mm[:ss]`); null when no real date. */
export function parseMomentVn(text: string): { day: string; time?: string } | null {
  const match = parseDmy(text, APPENDIX_DMY);
  const checked = match && checkDmy(match);
  if (!checked?.ok) return null;
  return checked.time === undefined ? { day: checked.day } : { day: checked.day, time: checked.time };
}
