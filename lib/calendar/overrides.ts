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
 * Every problem is reported with its line number, in Vietnamese (`message`) and English (`messageEn`).
 */

import * as z from 'zod/mini';
import { formatDayVn, isIsoDay, isRealDay, makeDay } from './day';
import { parseDmy, type DmyFormat } from './dmy';
import { foldDiacritics } from '../portal/text';
import type { HolidayOverrides } from './working-calendar';

export interface HolidayOverridesValue {
  daysOff: string[];
  workingDays: string[];
}

export interface OverrideError {
  /** 1-based line number in the text. */
  line: number;
  message: string;
  messageEn: string;
}

export type ParseOverridesResult =
  | { ok: true; value: HolidayOverridesValue }
  | { ok: false; errors: OverrideError[] };

type Kind = 'off' | 'working';

const isoDaySchema = z.string().check(z.refine(isIsoDay, { message: 'Không phải ngày yyyy-MM-dd có thật.' }));

/** The stored shape (e.g. in extension storage): real days, sorted, no day in both lists. */
export const holidayOverridesSchema = z
  .object({ daysOff: z.array(isoDaySchema), workingDays: z.array(isoDaySchema) })
  .check(
    z.superRefine((value, ctx) => {
      const off = new Set(value.daysOff);
      for (const day of value.workingDays) {
        if (off.has(day)) {
          ctx.addIssue({
            code: 'custom',
            path: ['workingDays'],
            message: `Ngày ${formatDayVn(day)} vừa là ngày nghỉ vừa là ngày làm bù.`,
            params: { messageEn: `${day} is both a day off and a working day.` },
          });
        }
      }
    }),
  ) satisfies z.ZodMiniType<HolidayOverrides>;

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

interface Issue {
  message: string;
  messageEn: string;
}

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
      issue: {
        message: `không tìm thấy ngày trong "${line}"; viết ví dụ "02/01/2026 nghỉ" hoặc "10/01/2026 làm bù".`,
        messageEn: `no date found in "${line}"; write e.g. "02/01/2026 nghỉ" (day off) or "10/01/2026 làm bù" (working day).`,
      },
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
        issue: {
          message: `"${dateText}": năm phải viết đủ 4 chữ số (ví dụ 02/01/2026).`,
          messageEn: `"${dateText}": write the year with 4 digits (e.g. 02/01/2026).`,
        },
      };
    }
    [dayOfMonth, month, year] = [dmy.day, dmy.month, dmy.year];
  } else {
    return {
      ok: false,
      issue: {
        message: `"${dateText}" không phải là ngày; viết dd/MM/yyyy (ví dụ 02/01/2026) hoặc yyyy-MM-dd.`,
        messageEn: `"${dateText}" is not a date; write dd/MM/yyyy (e.g. 02/01/2026) or yyyy-MM-dd.`,
      },
    };
  }
  if (!isRealDay(year, month, dayOfMonth)) {
    return {
      ok: false,
      issue: {
        message: `"${dateText}" không phải là ngày có thật.`,
        messageEn: `"${dateText}" is not a real day.`,
      },
    };
  }
  const day = makeDay(year, month, dayOfMonth);

  const folded = fold(word);
  const wordKind = folded === '' ? null : KEYWORDS.get(folded);
  if (folded !== '' && wordKind === undefined) {
    return {
      ok: false,
      issue: {
        message: `không hiểu "${word}" sau ngày ${formatDayVn(day)}; ghi "nghỉ" hoặc "làm bù".`,
        messageEn: `"${word}" after ${day} is not understood; write "nghỉ" (day off) or "làm bù" (working day).`,
      },
    };
  }
  if (prefixKind && wordKind && prefixKind !== wordKind) {
    return {
      ok: false,
      issue: {
        message: `dấu "${prefixKind === 'off' ? '-' : '+'}" và chữ "${word}" mâu thuẫn nhau (ngày ${formatDayVn(day)}).`,
        messageEn: `the "${prefixKind === 'off' ? '-' : '+'}" sign contradicts "${word}" (${day}).`,
      },
    };
  }
  const kind = prefixKind ?? wordKind;
  if (!kind) {
    return {
      ok: false,
      issue: {
        message: `thiếu "nghỉ" hoặc "làm bù" sau ngày ${formatDayVn(day)}.`,
        messageEn: `missing "nghỉ" (day off) or "làm bù" (working day) after ${day}.`,
      },
    };
  }
  return { ok: true, value: { kind, day, text: dateText } };
}

/** One line of text → its entry (or null), or a zod issue carrying the Vietnamese and English messages. */
const lineSchema = z.pipe(
  z.string(),
  z.transform((raw: string, ctx): LineResult => {
    const result = parseLine(raw.replace(/#.*$/, ''));
    if (result.ok) return result.value;
    ctx.issues.push({
      code: 'custom',
      input: raw,
      message: result.issue.message,
      params: { messageEn: result.issue.messageEn },
    });
    return z.NEVER;
  }),
);

export function parseHolidayOverrides(text: string): ParseOverridesResult {
  const errors: OverrideError[] = [];
  const seen = new Map<string, { kind: Kind; line: number }>();
  const daysOff: string[] = [];
  const workingDays: string[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const parsed = lineSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const en = (issue as { params?: { messageEn?: unknown } }).params?.messageEn;
        errors.push({
          line,
          message: `Dòng ${line}: ${issue.message}`,
          messageEn: `Line ${line}: ${typeof en === 'string' ? en : issue.message}`,
        });
      }
      return;
    }
    const entry = parsed.data;
    if (!entry) return;
    const before = seen.get(entry.day);
    if (before) {
      const vn = formatDayVn(entry.day);
      errors.push(
        before.kind === entry.kind
          ? {
              line,
              message: `Dòng ${line}: ngày ${vn} đã có ở dòng ${before.line}.`,
              messageEn: `Line ${line}: ${entry.day} is already on line ${before.line}.`,
            }
          : {
              line,
              message: `Dòng ${line}: ngày ${vn} vừa là ngày nghỉ vừa là ngày làm bù (xem dòng ${before.line}).`,
              messageEn: `Line ${line}: ${entry.day} is both a day off and a working day (see line ${before.line}).`,
            },
      );
      return;
    }
    seen.set(entry.day, { kind: entry.kind, line });
    (entry.kind === 'off' ? daysOff : workingDays).push(entry.day);
  });
  if (errors.length > 0) return { ok: false, errors };
  const value = { daysOff: daysOff.sort(), workingDays: workingDays.sort() };
  // The parsed value always satisfies the stored schema; checked so a regression cannot slip through.
  holidayOverridesSchema.parse(value);
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
