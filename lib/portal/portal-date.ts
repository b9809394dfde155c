import type { PortalDate } from '../dossier/model';
import { dmyIsoDay, dmyProblem, dmyTime, findDmy, parseDmy, PORTAL_DMY, type DmyMatch } from '../calendar/dmy';
import { normalizeText } from './text';

/** A portal date cell read: empty, a date, or text that is no date (kept for the panel to show). */
export type PortalDateResult =
  | { kind: 'empty' }
  | { kind: 'ok'; value: PortalDate }
  | { kind: 'invalid'; text: string };

function digitIn(s: string): boolean {
  for (let i = 0, n = s.length; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

function resultOf(match: DmyMatch, text: string): PortalDateResult {
  if (dmyProblem(match) !== null) return { kind: 'invalid', text };
  const value: PortalDate = { day: dmyIsoDay(match) };
  const time = dmyTime(match);
  if (time !== undefined) value.time = time;
  return { kind: 'ok', value };
}

/**
 * Fast path for a cell whose whole text is one date token (lib/calendar/dmy.ts, the portal's format):
 * such text (digits, `/`, `-`, `:`, `,`, single inner spaces, a digit at each end) is its own
 * `normalizeText`, so it may be read from the cell's raw text. Null for any other text.
 */
export function parseWholePortalDate(s: string): PortalDateResult | null {
  const match = parseDmy(s, PORTAL_DMY);
  return match ? resultOf(match, s) : null;
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
  if (!digitIn(normalized)) return { kind: 'empty' };
  const match = findDmy(normalized, PORTAL_DMY);
  return match ? resultOf(match, normalized) : { kind: 'invalid', text: normalized };
}
