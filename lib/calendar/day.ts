/**
 * Calendar days as `yyyy-MM-dd` strings. All arithmetic is done on UTC dates built from the parts, so the
 * machine's own time zone never shifts a day. "Today" is always the day in Vietnam (UTC+7).
 */

/** Vietnam (UTC+7) has no daylight saving: a fixed offset is exact. */
export const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The years the extension accepts in a date. A portal date outside them is a typing error (a closing
 * day in 2999), and the working-day calendar covers exactly these years.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** True when `y-m-d` is a day that exists in the Gregorian calendar, within MIN_YEAR–MAX_YEAR. */
export function isRealDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

export function makeDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The value of the digits text[from, to), or -1 when any is not a digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Parses a `yyyy-MM-dd` string; null when it is not a real day. */
export function parseIsoDay(text: string): { year: number; month: number; day: number } | null {
  // Read by hand: this runs for every date of every row on 2,000-row pages.
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (year < 0 || month < 0 || day < 0) return null;
  return isRealDay(year, month, day) ? { year, month, day } : null;
}

export function isIsoDay(text: string): boolean {
  if (typeof text !== 'string' || text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  return isRealDay(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
}

function toEpochDay(iso: string): number {
  const parts = parseIsoDay(iso);
  if (!parts) throw new RangeError(`Not a yyyy-MM-dd day: ${iso}`);
  return Math.round(Date.UTC(parts.year, parts.month - 1, parts.day) / DAY_MS);
}

function fromEpochDay(epochDay: number): string {
  const date = new Date(epochDay * DAY_MS);
  return makeDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function addDays(iso: string, days: number): string {
  return fromEpochDay(toEpochDay(iso) + days);
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(iso: string): number {
  return (((toEpochDay(iso) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** The calendar day in Vietnam (UTC+7) at the given instant. */
export function vietnamDay(instant: Date | number = Date.now()): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const shifted = new Date(ms + VIETNAM_OFFSET_MS);
  return makeDay(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** `dd/MM/yyyy`, zero-padded, as the appendix writes dates. */
export function formatDayVn(iso: string): string {
  return isIsoDay(iso) ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '';
}

/** `yyyyMMdd`, for file names. */
export function compactDay(iso: string): string {
  return iso.replaceAll('-', '');
}

/**
 * A moment as the portal shows one: a day, with the time of day (`HH:mm`, maybe `:ss`) where known.
 * "Now" is such a moment in Vietnam time; a bare day stands for "some time that day".
 */
export interface DayMoment {
  day: string;
  time?: string;
}

/** "Now" where the lateness rules need it: a full moment, or a bare day when only the day is known. */
export type Now = string | DayMoment;

/** The day of a {@link Now}. */
export function nowDay(now: Now): string {
  return typeof now === 'string' ? now : now.day;
}

/** The Vietnam (UTC+7) day and minute (`HH:mm`) at the given instant. */
export function vietnamNow(instant: Date | number = Date.now()): { day: string; time: string } {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const shifted = new Date(ms + VIETNAM_OFFSET_MS);
  const time = `${String(shifted.getUTCHours()).padStart(2, '0')}:${String(shifted.getUTCMinutes()).padStart(2, '0')}`;
  return { day: vietnamDay(ms), time };
}

/** Epoch milliseconds of a Vietnam day and `HH:mm` (00:00 when no time is given). */
export function vietnamInstant(day: string, time?: string): number {
  const parts = parseIsoDay(day);
  if (!parts) throw new RangeError(`Not a yyyy-MM-dd day: ${day}`);
  const [hours = 0, minutes = 0] = (time ?? '00:00').split(':').map(Number);
  return Date.UTC(parts.year, parts.month - 1, parts.day, hours, minutes) - VIETNAM_OFFSET_MS;
}

/** A {@link Now} as a moment (a bare day stays a bare day). */
export function nowMoment(now: Now): DayMoment {
  return typeof now === 'string' ? { day: now } : now;
}
