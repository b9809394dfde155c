/**
 * Holiday overrides typed by staff in the options page, one entry per line:
 *
 *   02/01/2026 nghỉ          an extra day off
 *   10/01/2026 làm bù        a (weekend or holiday) day that is a working day
 *   2026-01-02 nghỉ          ISO days work too; `d/M/yyyy`, `dd-MM-yyyy`, `dd.MM.yyyy` as well
 *   -2026-01-02              short form: "-" = day off, "+" = working day
 *   # …                      comments (whole line or after an entry) and blank lines are ignored
 *
 * The keyword may come before the day ("nghỉ 02/01/2026"); case and diacritics do not matter ("lam bu").
 * Every problem is reported as data with its line number (lib/i18n/problem.ts), worded by the UI.
 */

import type { ProblemOf } from '../i18n/problem';
import { settingsSchemas } from '../settings/settings';
import { formatDayVn, isIsoDay, isRealDay, makeDay } from './day';
import { parseDmy, type DmyFormat } from './dmy';
import { foldDiacritics } from '../portal/text';
import type { HolidayOverrides } from './working-calendar';

export interface HolidayOverridesValue {
  daysOff: string[];
  workingDays: string[];
}

export type OverrideError = ProblemOf<
  | 'override-no-date'
  | 'override-year-digits'
  | 'override-not-a-date'
  | 'override-not-real-day'
  | 'override-word-unknown'
  | 'override-sign-contradicts'
  | 'override-kind-missing'
  | 'override-repeated'
  | 'override-both-kinds'
>;

export type ParseOverridesResult =
  | { ok: true; value: HolidayOverridesValue }
  | { ok: false; errors: OverrideError[] };

type Kind = 'off' | 'working';

/** Lower case, NFC → without diacritics, đ → d, single spaces: "Làm  Bù" → "lam bu". */
function fold(text: string): string {
  return foldDiacritics(text).replace(/\s+/g, ' ').trim();
}

const KEYWORDS = new Map<string, Kind>([
  ['nghi', 'off'],
  ['ngay nghi', 'off'],
  ['nghi bu', 'off'],
  ['nghi le', 'off'],
  ['off', 'off'],
  ['lam bu', 'working'],
  ['lam', 'working'],
  ['lam viec', 'working'],
  ['di lam', 'working'],
  ['di lam bu', 'working'],
  ['ngay lam viec', 'working'],
  ['work', 'working'],
  ['working', 'working'],
]);

/** `d/M/yyyy`, with `/`, `.` or `-`, even mixed (`02.01/2026`): what staff type. */
const TYPED_DMY: DmyFormat = { separators: '/.-', mixedSeparators: true };
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** A problem of one line, before its line number is known. */
type Issue = OverrideError extends infer P ? (P extends OverrideError ? Omit<P, 'line'> : never) : never;

type LineResult = { kind: Kind; day: string; text: string } | null;

/** Parses one line (already stripped of its comment); null for a blank line. */
function parseLine(raw: string): { ok: true; value: LineResult } | { ok: false; issue: Issue } {
  const line = raw.normalize('NFC').trim();
  if (line === '') return { ok: true, value: null };
  let prefixKind: Kind | null = null;
  let rest = line;
  if (/^[+-]\s*\d/.test(line)) {
    prefixKind = line.startsWith('-') ? 'off' : 'working';
    rest = line.slice(1).trim();
  }
  const tokens = rest.split(/\s+/);
  let dateText: string;
  let word: string;
  if (/^\d/.test(tokens[0] ?? '')) {
    dateText = tokens[0] ?? '';
    word = tokens.slice(1).join(' ');
  } else if (/^\d/.test(tokens[tokens.length - 1] ?? '')) {
    dateText = tokens[tokens.length - 1] ?? '';
    word = tokens.slice(0, -1).join(' ');
  } else {
    return {
      ok: false,
      issue: { code: 'override-no-date', text: line },
    };
  }

  let year: number;
  let month: number;
  let dayOfMonth: number;
  const ymd = YMD.exec(dateText);
  const dmy = parseDmy(dateText, TYPED_DMY);
  if (ymd) {
    [year, month, dayOfMonth] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  } else if (dmy) {
    if (dmy.yearDigits !== 4) {
      return {
        ok: false,
        issue: { code: 'override-year-digits', text: dateText },
      };
    }
    [dayOfMonth, month, year] = [dmy.day, dmy.month, dmy.year];
  } else {
    return {
      ok: false,
      issue: { code: 'override-not-a-date', text: dateText },
    };
  }
  if (!isRealDay(year, month, dayOfMonth)) {
    return {
      ok: false,
      issue: { code: 'override-not-real-day', text: dateText },
    };
  }
  const day = makeDay(year, month, dayOfMonth);

  const folded = fold(word);
  const wordKind = folded === '' ? null : KEYWORDS.get(folded);
  if (folded !== '' && wordKind === undefined) {
    return {
      ok: false,
      issue: { code: 'override-word-unknown', word, day: formatDayVn(day) },
    };
  }
  if (prefixKind && wordKind && prefixKind !== wordKind) {
    return {
      ok: false,
      issue: { code: 'override-sign-contradicts', sign: prefixKind === 'off' ? '-' : '+', word, day: formatDayVn(day) },
    };
  }
  const kind = prefixKind ?? wordKind;
  if (!kind) {
    return {
      ok: false,
      issue: { code: 'override-kind-missing', day: formatDayVn(day) },
    };
  }
  return { ok: true, value: { kind, day, text: dateText } };
}

export function parseHolidayOverrides(text: string): ParseOverridesResult {
  const errors: OverrideError[] = [];
  const seen = new Map<string, { kind: Kind; line: number }>();
  const daysOff: string[] = [];
  const workingDays: string[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const parsed = parseLine(raw.replace(/#.*$/, ''));
    if (!parsed.ok) {
      errors.push({ ...parsed.issue, line } as OverrideError);
      return;
    }
    const entry = parsed.value;
    if (!entry) return;
    const before = seen.get(entry.day);
    if (before) {
      const code = before.kind === entry.kind ? 'override-repeated' : 'override-both-kinds';
      errors.push({ code, line, day: formatDayVn(entry.day), other: before.line });
      return;
    }
    seen.set(entry.day, { kind: entry.kind, line });
    (entry.kind === 'off' ? daysOff : workingDays).push(entry.day);
  });
  if (errors.length > 0) return { ok: false, errors };
  const value = { daysOff: daysOff.sort(), workingDays: workingDays.sort() };
  // The parsed value always satisfies the stored schema; checked so a regression cannot slip through.
  settingsSchemas().holidayOverridesSchema.parse(value);
  return { ok: true, value };
}

/** Back to text, one line per day in date order, in the `dd/MM/yyyy nghỉ|làm bù` form. */
export function formatHolidayOverrides(value: HolidayOverrides): string {
  const entries = [
    ...(value.daysOff ?? []).map((day) => ({ day, word: 'nghỉ' })),
    ...(value.workingDays ?? []).map((day) => ({ day, word: 'làm bù' })),
  ].filter((e) => isIsoDay(e.day));
  entries.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return entries.map((e) => `${formatDayVn(e.day)} ${e.word}`).join('\n');
}
