import type { PortalDate } from '../dossier/model';
import { isRealDay, makeDay } from '../calendar/day';
import { normalizeText } from './text';

export type PortalDateResult =
  | { kind: 'empty' }
  | { kind: 'ok'; value: PortalDate }
  | { kind: 'invalid'; text: string };

const HAS_DIGIT = /\d/;

/**
 * The first date token in a cell, day first, with an optional time before it (`HH:mm[:ss][,] `) or after
 * it (`[,] HH:mm[:ss]`). Separators `/` or `-`, the same on both sides. Groups:
 * 1–3 time before, 4 day, 5 separator, 6 month, 7 year (any length, checked later), 8–10 time after.
 */
const DATE_TOKEN =
  /(?:(?<!\d)(\d{1,2}):(\d{2})(?::(\d{2}))?(?!\d),? ?)?(?<![\d/-])(\d{1,2})([/-])(\d{1,2})\5(\d+)(?![\d/-])(?:,? ?(?<!\d)(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:]))?/;

function invalid(text: string): PortalDateResult {
  return { kind: 'invalid', text };
}

/** The parts of a date token, as {@link DATE_TOKEN} captures them (strings as written). */
interface DateToken {
  day: number;
  month: number;
  yearText: string;
  hours: string | undefined;
  minutes: string;
  seconds: string | undefined;
}

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
  const c = s.charCodeAt(i); // NaN past the end
  return c >= CH_0 && c <= CH_9;
}

/** End of a run of `min`..`max` digits at `i` that is not followed by another digit; -1 otherwise. */
function digitRun(s: string, i: number, min: number, max: number): number {
  let j = i;
  while (j - i < max && isDigitAt(s, j)) j++;
  if (j - i < min || isDigitAt(s, j)) return -1;
  return j;
}

/** Value of the digits s[i..j). */
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

/**
 * Fast path for the whole-cell shapes the portals write: `d{1,2}Xd{1,2}Xyyyy` (X = `/` or `-`, the same
 * twice) alone, or followed by `[,][ ]H{1,2}:mm[:ss]`, or preceded by `H{1,2}:mm[:ss][,][ ]` (separator
 * not empty), and nothing else. On such a string {@link DATE_TOKEN} matches at 0 by its very first path,
 * with exactly these parts, so the result is the one the regular expression gives; any other string
 * (text around the date, other digit counts) returns null and goes to the regular expression.
 * Such a string (digits, `/`, `-`, `:`, `,`, single inner spaces, a digit at each end) is its own
 * `normalizeText`, so this may be called on a cell's raw text: a non-null result is exactly
 * {@link parsePortalDate}'s, and the normalised text is the text itself.
 */
export function parseWholePortalDate(s: string): PortalDateResult | null {
  const n = s.length;
  let i = 0;
  let timeStart = -1;
  let hoursEnd = -1;
  let timeEnd = -1;
  // A time first?
  const first = digitRun(s, 0, 1, 2);
  if (first < 0) return null;
  if (s.charCodeAt(first) === CH_COLON) {
    timeStart = 0;
    hoursEnd = first;
    timeEnd = timeAt(s, first);
    if (timeEnd < 0) return null;
    i = separatorEnd(s, timeEnd);
    if (i < 0) return null;
  }
  // The date.
  const dayEnd = i === 0 ? first : digitRun(s, i, 1, 2);
  if (dayEnd < 0) return null;
  const sep = s.charCodeAt(dayEnd);
  if (sep !== CH_SLASH && sep !== CH_DASH) return null;
  const monthEnd = digitRun(s, dayEnd + 1, 1, 2);
  if (monthEnd < 0 || s.charCodeAt(monthEnd) !== sep) return null;
  const yearEnd = digitRun(s, monthEnd + 1, 4, 4);
  if (yearEnd < 0) return null;
  if (yearEnd !== n) {
    // A time after (only when there was none before).
    if (timeStart >= 0) return null;
    timeStart = separatorEnd(s, yearEnd);
    if (timeStart < 0) return null;
    hoursEnd = digitRun(s, timeStart, 1, 2);
    if (hoursEnd < 0 || s.charCodeAt(hoursEnd) !== CH_COLON) return null;
    timeEnd = timeAt(s, hoursEnd);
    if (timeEnd !== n) return null;
  }

  const day = digitsValue(s, i, dayEnd);
  const month = digitsValue(s, dayEnd + 1, monthEnd);
  const year = digitsValue(s, monthEnd + 1, yearEnd);
  if (!isRealDay(year, month, day)) {
    return invalid(s);
  }
  const value: PortalDate = { day: `${s.slice(monthEnd + 1, yearEnd)}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}` };
  if (timeStart >= 0) {
    const h = digitsValue(s, timeStart, hoursEnd);
    const m = digitsValue(s, hoursEnd + 1, hoursEnd + 3);
    const hasSeconds = timeEnd - hoursEnd === 6;
    const sec = hasSeconds ? digitsValue(s, hoursEnd + 4, hoursEnd + 6) : 0;
    if (h > 23 || m > 59 || sec > 59) return invalid(s);
    // `hh:mm[:ss]` with the hours padded to two digits.
    value.time = hoursEnd - timeStart === 2 ? s.slice(timeStart, timeEnd) : `0${s.slice(timeStart, timeEnd)}`;
  }
  return { kind: 'ok', value };
}

/** After the hours (at the `:`): end of `:mm[:ss]` not followed by a digit or `:`; -1 when absent. */
function timeAt(s: string, colon: number): number {
  const minutesEnd = digitRun(s, colon + 1, 2, 2);
  if (minutesEnd < 0) return -1;
  if (s.charCodeAt(minutesEnd) !== CH_COLON) return minutesEnd;
  const secondsEnd = digitRun(s, minutesEnd + 1, 2, 2);
  return secondsEnd < 0 || s.charCodeAt(secondsEnd) === CH_COLON ? -1 : secondsEnd;
}

function matchDateToken(normalized: string): DateToken | null {
  const match = DATE_TOKEN.exec(normalized);
  if (!match) return null;
  const before = match[1] !== undefined;
  return {
    day: Number(match[4]),
    month: Number(match[6]),
    yearText: match[7] ?? '',
    hours: match[1] ?? match[8],
    minutes: (before ? match[2] : match[9]) ?? '',
    seconds: before ? match[3] : match[10],
  };
}

/**
 * Reads a portal date cell, day first, explicitly (never `new Date(string)`):
 * `dd/MM/yyyy`, `dd/MM/yyyy HH:mm[:ss]`, `HH:mm[:ss][,] dd/MM/yyyy`, unpadded `d/M/yyyy`, `dd-MM-yyyy`.
 * The first date token is taken, so text around it ("Đã quá hạn 3 ngày") does not matter.
 * Empty, white space, dashes or no digit at all → empty. A day that does not exist, a two-digit year,
 * a time out of range or digits that are no date → invalid, with the (normalised) text kept.
 */
export function parsePortalDate(text: string): PortalDateResult {
  return (text && parseWholePortalDate(text)) || parseNormalizedPortalDate(normalizeText(text ?? ''));
}

/** {@link parsePortalDate} of text already passed through `normalizeText` (the reader normalises once). */
export function parseNormalizedPortalDate(normalized: string): PortalDateResult {
  const whole = parseWholePortalDate(normalized);
  if (whole) return whole;
  if (!HAS_DIGIT.test(normalized)) return { kind: 'empty' };
  const match = matchDateToken(normalized);
  if (!match) return invalid(normalized);

  const yearText = match.yearText;
  if (yearText.length !== 4) return invalid(normalized);
  const day = match.day;
  const month = match.month;
  const year = Number(yearText);
  if (!isRealDay(year, month, day)) return invalid(normalized);

  const value: PortalDate = { day: makeDay(year, month, day) };
  const hours = match.hours;
  if (hours !== undefined) {
    const minutes = match.minutes;
    const seconds = match.seconds;
    const h = Number(hours);
    const m = Number(minutes);
    const s = seconds === undefined ? 0 : Number(seconds);
    if (h > 23 || m > 59 || s > 59) return invalid(normalized);
    const hh = hours.padStart(2, '0');
    value.time = seconds === undefined ? `${hh}:${minutes}` : `${hh}:${minutes}:${seconds}`;
  }
  return { kind: 'ok', value };
}
