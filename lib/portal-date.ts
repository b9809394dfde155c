import type { PortalDate } from './dossier';
import { isRealDay, makeDay } from './day';
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

/**
 * Reads a portal date cell, day first, explicitly (never `new Date(string)`):
 * `dd/MM/yyyy`, `dd/MM/yyyy HH:mm[:ss]`, `HH:mm[:ss][,] dd/MM/yyyy`, unpadded `d/M/yyyy`, `dd-MM-yyyy`.
 * The first date token is taken, so text around it ("Đã quá hạn 3 ngày") does not matter.
 * Empty, white space, dashes or no digit at all → empty. A day that does not exist, a two-digit year,
 * a time out of range or digits that are no date → invalid, with the (normalised) text kept.
 */
export function parsePortalDate(text: string): PortalDateResult {
  const normalized = normalizeText(text ?? '');
  if (!HAS_DIGIT.test(normalized)) return { kind: 'empty' };
  const match = DATE_TOKEN.exec(normalized);
  if (!match) return invalid(normalized);

  const yearText = match[7] ?? '';
  if (yearText.length !== 4) return invalid(normalized);
  const day = Number(match[4]);
  const month = Number(match[6]);
  const year = Number(yearText);
  if (!isRealDay(year, month, day)) return invalid(normalized);

  const value: PortalDate = { day: makeDay(year, month, day) };
  const hours = match[1] ?? match[8];
  if (hours !== undefined) {
    const minutes = (match[1] !== undefined ? match[2] : match[9]) ?? '';
    const seconds = match[1] !== undefined ? match[3] : match[10];
    const h = Number(hours);
    const m = Number(minutes);
    const s = seconds === undefined ? 0 : Number(seconds);
    if (h > 23 || m > 59 || s > 59) return invalid(normalized);
    const hh = hours.padStart(2, '0');
    value.time = seconds === undefined ? `${hh}:${minutes}` : `${hh}:${minutes}:${seconds}`;
  }
  return { kind: 'ok', value };
}
