/**
 * Calendar days as `yyyy-MM-dd` strings. All arithmetic is done on UTC dates built from the parts, so the
 * machine's own time zone never shifts a day. "Today" is always the day in Vietnam (UTC+7).
 */

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `y-m-d` is a day that exists in the proleptic Gregorian calendar (month 1–12). */
export function isRealDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function makeDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Parses a `yyyy-MM-dd` string; null when it is not a real day. */
export function parseIsoDay(text: string): { year: number; month: number; day: number } | null {
  const match = ISO_DAY.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDay(year, month, day) ? { year, month, day } : null;
}

export function isIsoDay(text: string): boolean {
  return parseIsoDay(text) !== null;
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
  const parts = parseIsoDay(iso);
  if (!parts) return '';
  return `${String(parts.day).padStart(2, '0')}/${String(parts.month).padStart(2, '0')}/${parts.year}`;
}

/** `yyyyMMdd`, for file names. */
export function compactDay(iso: string): string {
  return iso.replaceAll('-', '');
}
