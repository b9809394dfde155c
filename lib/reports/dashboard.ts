import type { WorkingCalendar } from '../calendar/working-calendar';
import type { DayMoment } from '../calendar/day';
import type { StoredDossier } from '../dossier/model';
import { applyFilter, filterChoices, NO_FILTER, type DashboardFilter } from './dashboard-filter';
import { followupByUnit, followupItems, timeLeft, type FollowupKind } from './followup';
import type { FollowupCsvRow } from './followup-export';
import { lateClosersReport, type HandlerReport } from './handlers';
import { lateRates, type LateRates } from './rates';
import { monthlyTrend, type MonthRates } from './trend';

/**
 * Everything the dashboard shows, from every stored dossier and the filter, in one pure pass the page
 * renders as it is (and the bench times). The follow-up lists, the counts and the handler table follow
 * every filter; the trend covers the whole stored history, so it follows only the unit and the sector.
 */

export interface DashboardUnit {
  unit: string;
  rows: FollowupCsvRow[];
  counts: Record<FollowupKind, number>;
}

export interface DashboardData {
  stored: number;
  shown: number;
  rates: LateRates;
  units: DashboardUnit[];
  totals: Record<FollowupKind, number>;
  handlers: HandlerReport;
  /** The trend of every unit (the sector filter applied). */
  trend: MonthRates[];
  /** The trend of the filter's unit, when one is chosen. */
  unitTrend: MonthRates[] | null;
  choices: { units: string[]; sectors: string[] };
}

export interface DashboardClock {
  /** `yyyy-MM-dd` in Vietnam. */
  today: string;
  /** Minutes since midnight in Vietnam. */
  minutes: number;
}

/** The clock as the lateness rules read it: the Vietnam day and minute. */
function clockNow(clock: DashboardClock): DayMoment {
  const hours = Math.floor(clock.minutes / 60);
  const time = `${String(hours).padStart(2, '0')}:${String(clock.minutes % 60).padStart(2, '0')}`;
  return { day: clock.today, time };
}

export function buildDashboard(
  all: readonly StoredDossier[],
  filter: DashboardFilter,
  clock: DashboardClock,
  calendar: WorkingCalendar,
  windowWorkingDays: number,
): DashboardData {
  const { today } = clock;
  const now = clockNow(clock);
  const shown = applyFilter(all, filter, now);
  const kinds = filter.kinds.length ? new Set(filter.kinds) : null;
  const items = followupItems(shown, now, calendar, windowWorkingDays).filter((item) => !kinds || kinds.has(item.kind));
  const totals: Record<FollowupKind, number> = { 'returned-not-closed': 0, overdue: 0, 'due-soon': 0 };
  const units = followupByUnit(items).map(({ unit, items: unitItems, counts }) => {
    for (const kind of Object.keys(counts) as FollowupKind[]) totals[kind] += counts[kind];
    return { unit, counts, rows: unitItems.map((item) => ({ item, left: timeLeft(item, today, clock.minutes) })) };
  });
  const trendBase = filter.sector ? applyFilter(all, { ...NO_FILTER, sector: filter.sector }, now) : all;
  return {
    stored: all.length,
    shown: shown.length,
    rates: lateRates(shown, now).overall,
    units,
    totals,
    handlers: lateClosersReport(shown, now, all),
    trend: monthlyTrend(trendBase, now),
    unitTrend: filter.unit ? monthlyTrend(trendBase.filter((dossier) => dossier.unit.trim() === filter.unit), now) : null,
    choices: filterChoices(all),
  };
}
