/**
 * Vietnamese working-day calendar for one-stop offices: Monday to Friday, minus official days off, plus
 * swapped working Saturdays ("làm bù"), plus the user's overrides from the options page.
 *
 * Years 2019–2026 come from `holidays-vn.ts` (the schedules the Government announced). Any other year is
 * derived from the Labour Code 2019 (art. 112) with `date-holidays` supplying the lunar dates (its
 * Vietnamese calendar is computed at UTC+7): 1/1; Tết = 2 days before and 3 days from mùng 1 (the split the
 * Government chose in most recent years); Giỗ Tổ Hùng Vương (10/3 lunar); 30/4; 1/5; 2/9 and, from 2021,
 * one adjacent day; a holiday on Saturday/Sunday gives a substitute day off on the next working day.
 * Bridge days swapped with a Saturday cannot be predicted, so a derived year is flagged by `yearSource`
 * and should be confirmed (or corrected with overrides) once the Government announces it.
 */

import { getSolarDate } from '@dqcai/vn-lunar';
import { addDays, dayOfWeek, daysBetween, isIsoDay, makeDay, parseIsoDay } from './day';
import type { ReadDossier } from '../dossier/model';
import type { PanelModel } from '../portal/panel-model';
import { FIRST_OFFICIAL_YEAR, HOLIDAYS_VN, HOLIDAY_NAMES, LAST_OFFICIAL_YEAR } from './holidays-vn';

export type YearSource = 'official' | 'derived';

export interface HolidayOverrides {
  /** Extra days off (`yyyy-MM-dd`); these win over everything else. */
  daysOff?: string[];
  /** Days that are working days although the data/derivation (or the weekend) says otherwise. */
  workingDays?: string[];
}

export interface NamedDay {
  day: string;
  name: string;
}

export interface WorkingCalendar {
  isWorkingDay(iso: string): boolean;
  /** Working days d with from < d <= to; when to < from, minus the count for (to, from]; 0 when equal. */
  workingDaysBetween(fromIso: string, toIso: string): number;
  /** The n-th working day after `iso` (n > 0), before it (n < 0), or `iso` itself (n = 0). */
  addWorkingDays(iso: string, n: number): string;
  yearSource(year: number): YearSource;
  /** Days off of the year with their names (data or derived, with overrides applied), sorted. */
  holidaysIn(year: number): NamedDay[];
}

export const OVERRIDE_DAY_OFF_NAME = 'Ngày nghỉ theo tuỳ chỉnh';

/* ---------------------------------------------------------------- base (no overrides), shared ------ */

interface BaseYear {
  source: YearSource;
  /** Day off → name (may include weekend days). */
  off: Map<string, string>;
  /** Weekend days that are working days. */
  working: Set<string>;
}

let officialByDayYear: Map<number, { off: Map<string, string>; working: Set<string> }> | null = null;

/** Official data bucketed by the calendar year of each day (31/12/2018 belongs to 2018). */
function officialDays(): Map<number, { off: Map<string, string>; working: Set<string> }> {
  if (officialByDayYear) return officialByDayYear;
  const map = new Map<number, { off: Map<string, string>; working: Set<string> }>();
  const bucket = (day: string) => {
    const y = Number(day.slice(0, 4));
    let entry = map.get(y);
    if (!entry) map.set(y, (entry = { off: new Map(), working: new Set() }));
    return entry;
  };
  for (const data of Object.values(HOLIDAYS_VN)) {
    for (const day of data.daysOff) bucket(day).off.set(day, data.names[day] ?? 'Ngày nghỉ');
    for (const day of data.workingSaturdays) bucket(day).working.add(day);
  }
  officialByDayYear = map;
  return map;
}

export function isOfficialYear(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_OFFICIAL_YEAR && year <= LAST_OFFICIAL_YEAR && year in HOLIDAYS_VN;
}

/**
 * Tết (1/1 lunar) and Giỗ Tổ Hùng Vương (10/3 lunar) of a year, from a Vietnamese lunar calendar
 * library (UTC+7, no dependencies, a few KB). `date-holidays` computes the same days but would bundle
 * every country's data (over 1 MB) into the content script; a unit test checks the two agree.
 */
function lunarDates(year: number): { tet: string; hungKings: string } {
  const toIso = (solar: { day: number; month: number; year: number }) => makeDay(solar.year, solar.month, solar.day);
  const tet = toIso(getSolarDate(1, 1, year));
  const hungKings = toIso(getSolarDate(10, 3, year));
  if (!parseIsoDay(tet) || !parseIsoDay(hungKings) || !tet.startsWith(`${year}-`)) {
    throw new RangeError(`No Vietnamese lunar holidays for ${year}`);
  }
  return { tet, hungKings };
}

const isWeekend = (iso: string): boolean => {
  const dow = dayOfWeek(iso);
  return dow === 0 || dow === 6;
};

/**
 * The days off of `year` derived from the Labour Code 2019 and the lunar calendar (no Government swaps).
 * Exported so tests can compare the rule with the announced years.
 */
export function deriveHolidays(year: number): NamedDay[] {
  const { tet, hungKings } = lunarDates(year);
  const { NEW_YEAR, TET, HUNG_KINGS, REUNIFICATION, LABOUR, NATIONAL, substitute } = HOLIDAY_NAMES;
  const statutory: NamedDay[] = [
    { day: makeDay(year, 1, 1), name: NEW_YEAR },
    ...[-2, -1, 0, 1, 2].map((offset) => ({ day: addDays(tet, offset), name: TET })),
    { day: hungKings, name: HUNG_KINGS },
    { day: makeDay(year, 4, 30), name: REUNIFICATION },
    { day: makeDay(year, 5, 1), name: LABOUR },
    { day: makeDay(year, 9, 2), name: NATIONAL },
  ];
  if (year >= 2021) {
    // The adjacent day the Government picked 2021–2026: 3/9 when 2/9 is a Monday or Thursday, else 1/9.
    const dow = dayOfWeek(makeDay(year, 9, 2));
    statutory.push({ day: makeDay(year, 9, dow === 1 || dow === 4 ? 3 : 1), name: NATIONAL });
  }
  statutory.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const off = new Map<string, string>();
  for (const h of statutory) if (!off.has(h.day)) off.set(h.day, h.name);
  // Labour Code art. 111(3): a holiday on the weekly rest day is taken on the next working day.
  for (const h of statutory) {
    if (!isWeekend(h.day)) continue;
    let next = addDays(h.day, 1);
    while (isWeekend(next) || off.has(next)) next = addDays(next, 1);
    off.set(next, substitute(h.name));
  }
  return [...off].map(([day, name]) => ({ day, name })).sort((a, b) => (a.day < b.day ? -1 : 1));
}

const baseCache = new Map<number, BaseYear>();

function baseYear(year: number): BaseYear {
  const cached = baseCache.get(year);
  if (cached) return cached;
  const fromData = officialDays().get(year);
  const off = new Map<string, string>();
  const working = new Set<string>(fromData?.working ?? []);
  const source: YearSource = isOfficialYear(year) ? 'official' : 'derived';
  if (source === 'derived') {
    for (const { day, name } of deriveHolidays(year)) if (day.startsWith(`${year}-`)) off.set(day, name);
  }
  // Announced days that fall in this year (incl. a neighbour year's bridge day) are kept either way.
  for (const [day, name] of fromData?.off ?? []) off.set(day, name);
  for (const day of working) off.delete(day);
  const result: BaseYear = { source, off, working };
  baseCache.set(year, result);
  return result;
}

/* ---------------------------------------------------------------- the calendar ---------------------- */

interface YearTable {
  first: string;
  /** cumulative[i] = working days among days 0..i of the year. */
  cumulative: Int32Array;
  total: number;
  holidays: NamedDay[];
}

function yearOf(iso: string): number {
  const parts = parseIsoDay(iso);
  if (!parts) throw new RangeError(`Not a yyyy-MM-dd day: ${iso}`);
  return parts.year;
}

/** Over 80 lines: one closure, so that every method shares the year cache and the overrides. */
export function createWorkingCalendar(overrides: HolidayOverrides = {}): WorkingCalendar {
  // Overrides are validated where they are typed (holiday-overrides.ts); a malformed string that still
  // reaches here can never equal a real `yyyy-MM-dd` day, so it simply has no effect.
  const extraOff = new Set((overrides.daysOff ?? []).filter(isIsoDay));
  const extraWorking = new Set((overrides.workingDays ?? []).filter(isIsoDay));
  const tables = new Map<number, YearTable>();

  function table(year: number): YearTable {
    const cached = tables.get(year);
    if (cached) return cached;
    const base = baseYear(year);
    const first = makeDay(year, 1, 1);
    const length = daysBetween(first, makeDay(year + 1, 1, 1));
    const cumulative = new Int32Array(length);
    const firstDow = dayOfWeek(first);
    let count = 0;
    for (let i = 0; i < length; i += 1) {
      const day = addDays(first, i);
      const dow = (firstDow + i) % 7;
      let working = dow !== 0 && dow !== 6;
      if (base.off.has(day)) working = false;
      if (base.working.has(day)) working = true;
      if (extraWorking.has(day)) working = true;
      if (extraOff.has(day)) working = false;
      if (working) count += 1;
      cumulative[i] = count;
    }
    const holidays: NamedDay[] = [];
    for (const [day, name] of base.off) if (!extraWorking.has(day) || extraOff.has(day)) holidays.push({ day, name });
    for (const day of extraOff) {
      if (day.startsWith(`${year}-`) && !base.off.has(day)) holidays.push({ day, name: OVERRIDE_DAY_OFF_NAME });
    }
    holidays.sort((a, b) => (a.day < b.day ? -1 : 1));
    const result: YearTable = { first, cumulative, total: count, holidays };
    tables.set(year, result);
    return result;
  }

  /** Working days from 1 January of the day's year through the day, inclusive. */
  function rank(iso: string): { year: number; rank: number } {
    const year = yearOf(iso);
    const t = table(year);
    return { year, rank: t.cumulative[daysBetween(t.first, iso)] ?? 0 };
  }

  function isWorkingDay(iso: string): boolean {
    const year = yearOf(iso);
    const t = table(year);
    const i = daysBetween(t.first, iso);
    return (t.cumulative[i] ?? 0) - (i > 0 ? (t.cumulative[i - 1] ?? 0) : 0) === 1;
  }

  function workingDaysBetween(fromIso: string, toIso: string): number {
    if (toIso < fromIso) return -workingDaysBetween(toIso, fromIso);
    const from = rank(fromIso);
    const to = rank(toIso);
    let sum = to.rank - from.rank;
    for (let y = from.year; y < to.year; y += 1) sum += table(y).total;
    return sum;
  }

  function addWorkingDays(iso: string, n: number): string {
    if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of working days: ${n}`);
    yearOf(iso);
    const step = n > 0 ? 1 : -1;
    let day = iso;
    for (let left = Math.abs(n); left > 0; ) {
      day = addDays(day, step);
      if (isWorkingDay(day)) left -= 1;
    }
    return day;
  }

  return {
    isWorkingDay,
    workingDaysBetween,
    addWorkingDays,
    yearSource: (year) => (isOfficialYear(year) ? 'official' : 'derived'),
    holidaysIn: (year) => table(year).holidays.map((h) => ({ ...h })),
  };
}

/**
 * Working days a dossier is late on the system: working days after the due day up to the closing day
 * (or today when not closed), never < 0. Closed on the due day, or a weekend/holiday right after it, is 0.
 */
export function workingDaysLate(
  dossier: Pick<ReadDossier, 'due' | 'closed'>,
  today: string,
  calendar: WorkingCalendar,
): number {
  if (!dossier.due) return 0; // an unknown appointment: nothing to count from
  const end = dossier.closed ? dossier.closed.day : today;
  return Math.max(0, calendar.workingDaysBetween(dossier.due.day, end));
}

/**
 * The years, among those of the given days, whose days off are derived rather than official: the UI
 * names them so that a working-day count is never silently based on a guessed schedule.
 */
export function derivedYears(days: Iterable<string>): number[] {
  const years = new Set<number>();
  for (const day of days) {
    const year = Number(day.slice(0, 4));
    if (Number.isInteger(year) && !isOfficialYear(year)) years.add(year);
  }
  return [...years].sort((a, b) => a - b);
}

/** The panel's model with each late row's working days late, and the years whose calendar is derived. */
export function withWorkingDays(model: PanelModel, today: string, calendar: WorkingCalendar): PanelModel {
  if (model.lateRows.length === 0) return model;
  return {
    ...model,
    lateRows: model.lateRows.map((row) => ({ ...row, workingDaysLate: workingDaysLate(row.dossier, today, calendar) })),
    derivedYears: derivedYears([today, ...model.lateRows.flatMap((row) => (row.dossier.due ? [row.dossier.due.day] : []))]),
  };
}
