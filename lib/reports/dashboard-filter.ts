import { periodBounds, periodFromQuery, periodToQuery, type PeriodInput } from '../appendix/period';
import { inPeriod } from '../appendix/rows';
import { systemState } from '../dossier/classify';
import type { Now } from '../calendar/day';
import type { StoredDossier, SystemState } from '../dossier/model';
import { FOLLOWUP_KINDS, KIND_PARAM, type FollowupKind } from './followup';

/**
 * The dashboard's filters as they travel in its address, so a view can be bookmarked:
 * `?from=yyyy-MM-dd&to=yyyy-MM-dd` (appointment day, as the appendix's period), `unit=…`, `sector=…`,
 * `state=late-unclosed|late-closed|not-late`, and `kind=…` (repeated) to show only some follow-up lists.
 * No parameter means every stored dossier. Anything unreadable is dropped, never guessed.
 */

const STATES: readonly SystemState[] = ['late-unclosed', 'late-closed', 'not-late'];

export interface DashboardFilter {
  period: PeriodInput;
  /** '' = every unit; else the unit exactly as read. */
  unit: string;
  sector: string;
  state: SystemState | '';
  /** The follow-up lists shown; empty = all three. */
  kinds: FollowupKind[];
}

export const NO_FILTER: DashboardFilter = { period: { from: '', to: '' }, unit: '', sector: '', state: '', kinds: [] };

const TEXT_MAX = 2_000;

export function filterFromQuery(search: string): DashboardFilter {
  const params = new URLSearchParams(search);
  const text = (name: string) => (params.get(name) ?? '').trim().slice(0, TEXT_MAX);
  const state = text('state');
  const kinds = params.getAll(KIND_PARAM).filter((kind): kind is FollowupKind => (FOLLOWUP_KINDS as readonly string[]).includes(kind));
  return {
    period: periodFromQuery(search).period,
    unit: text('unit'),
    sector: text('sector'),
    state: (STATES as readonly string[]).includes(state) ? (state as SystemState) : '',
    kinds: FOLLOWUP_KINDS.filter((kind) => kinds.includes(kind)),
  };
}

/** The query string of a filter ('' when nothing is filtered), in a fixed parameter order. */
export function filterToQuery(filter: DashboardFilter): string {
  const params = new URLSearchParams(periodToQuery(filter.period));
  if (filter.unit) params.set('unit', filter.unit);
  if (filter.sector) params.set('sector', filter.sector);
  if (filter.state) params.set('state', filter.state);
  for (const kind of filter.kinds) params.append(KIND_PARAM, kind);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The dossiers the filter keeps (the kinds filter applies to the follow-up lists only). */
export function applyFilter(dossiers: readonly StoredDossier[], filter: DashboardFilter, now: Now): StoredDossier[] {
  const period = periodBounds(filter.period);
  const unit = filter.unit;
  const sector = filter.sector;
  return dossiers.filter(
    (dossier) =>
      inPeriod(dossier.due?.day, period) &&
      (!unit || dossier.unit.trim() === unit) &&
      (!sector || dossier.sector.trim() === sector) &&
      (!filter.state || systemState(dossier, now) === filter.state),
  );
}

/** The units and sectors present in the store, for the filter's choices (Vietnamese order, no blanks). */
export function filterChoices(dossiers: readonly StoredDossier[]): { units: string[]; sectors: string[] } {
  const units = new Set<string>();
  const sectors = new Set<string>();
  for (const dossier of dossiers) {
    const unit = dossier.unit.trim();
    const sector = dossier.sector.trim();
    if (unit) units.add(unit);
    if (sector) sectors.add(sector);
  }
  const sorted = (set: Set<string>) => [...set].sort((a, b) => a.localeCompare(b, 'vi'));
  return { units: sorted(units), sectors: sorted(sectors) };
}
