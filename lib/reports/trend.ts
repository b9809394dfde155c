import type { StoredDossier } from '../dossier/model';
import type { Now } from '../calendar/day';
import { lateRates, type LateRates } from './rates';

/**
 * The monthly trend by appointment month: each month's late rate on the system against the real late
 * rate, on the rules of ./rates.ts (a month is grouped like a unit there). Every month from the first
 * to the last one with a decided dossier is listed, months without one included, so a gap shows as a
 * gap and not as a steady line. A month with fewer than FEW_DOSSIERS decided dossiers is marked: its
 * rate says little.
 */

export const FEW_DOSSIERS = 5;

export interface MonthRates extends Omit<LateRates, 'unit'> {
  /** `yyyy-MM`. */
  month: string;
  few: boolean;
}

const monthOf = (dossier: StoredDossier) => dossier.due?.day.slice(0, 7) ?? '';

/** `yyyy-MM` of the month after `month`. */
export function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** `MM/yyyy`, as the trend table's first cell shows a month. */
export function formatMonthVn(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}

export function monthlyTrend(dossiers: readonly StoredDossier[], now: Now): MonthRates[] {
  const byMonth = new Map(lateRates(dossiers.filter((dossier) => dossier.due !== null), now, monthOf).units.map((entry) => [entry.unit, entry]));
  const months = [...byMonth.keys()].sort();
  const first = months[0];
  const last = months[months.length - 1];
  if (!first || !last) return [];
  const series: MonthRates[] = [];
  for (let month = first; month <= last; month = nextMonth(month)) {
    const entry = byMonth.get(month);
    const decided = entry?.decided ?? 0;
    series.push({
      month,
      decided,
      lateOnSystem: entry?.lateOnSystem ?? 0,
      reallyLate: entry?.reallyLate ?? 0,
      systemRate: entry?.systemRate ?? 0,
      realRate: entry?.realRate ?? 0,
      few: decided < FEW_DOSSIERS,
    });
  }
  return series;
}
