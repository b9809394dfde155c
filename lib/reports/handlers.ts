import { groupDossiers } from '../appendix/rows';
import { systemState } from '../dossier/classify';
import type { Now } from '../calendar/day';
import type { StoredDossier } from '../dossier/model';

/**
 * Who closes late: the dossiers closed late on the system although returned to the citizen on time
 * (tagged early or on time), counted per handler and per unit. These are the cases the district asks
 * the head of the office to correct (docs/domain.md). The appendix's own grouping picks them, so the
 * two never disagree on what "returned on time" means.
 */

export interface HandlerCount {
  /** The handler as read ('' where the dossier's list had no handler column or the cell was empty). */
  handler: string;
  unit: string;
  count: number;
}

export interface HandlerReport {
  /** Per handler and unit, the most cases first. */
  rows: HandlerCount[];
  /** Per handler over every unit, the most cases first. */
  byHandler: { handler: string; count: number }[];
  /** All such cases. */
  total: number;
  /** True when at least one dossier in the store ever had a handler read for it. */
  anyHandlerRead: boolean;
}

const byCountThenName = <T extends { count: number; handler: string }>(a: T, b: T) =>
  b.count - a.count || a.handler.localeCompare(b.handler, 'vi');

/**
 * `dossiers` are the ones the page shows (filters applied); `everyDossier` is the whole store, for
 * whether any handler was ever read.
 */
export function lateClosersReport(
  dossiers: StoredDossier[],
  now: Now,
  everyDossier: readonly StoredDossier[] = dossiers,
): HandlerReport {
  const cases = groupDossiers(dossiers, now).appendix.filter((dossier) => systemState(dossier, now) === 'late-closed');
  const rows = new Map<string, HandlerCount>();
  const perHandler = new Map<string, number>();
  for (const dossier of cases) {
    const handler = (dossier.handler ?? '').trim();
    const unit = dossier.unit.trim();
    const key = `${handler}\u0001${unit}`;
    const row = rows.get(key);
    if (row) row.count++;
    else rows.set(key, { handler, unit, count: 1 });
    perHandler.set(handler, (perHandler.get(handler) ?? 0) + 1);
  }
  return {
    rows: [...rows.values()].sort((a, b) => byCountThenName(a, b) || a.unit.localeCompare(b.unit, 'vi')),
    byHandler: [...perHandler].map(([handler, count]) => ({ handler, count })).sort(byCountThenName),
    total: cases.length,
    anyHandlerRead: everyDossier.some((dossier) => (dossier.handler ?? '').trim() !== ''),
  };
}
