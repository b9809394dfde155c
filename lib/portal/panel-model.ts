import { calendarDaysLate, minutesLate, systemState, verdictDisagreement } from '../dossier/classify';
import type { Now } from '../calendar/day';
import type { DecisionState, DossierTag, PortalVerdict, ReadDossier, SystemState, UnreadableRow } from '../dossier/model';

/**
 * What the panel shows for the page as it is now, derived from the tables read and the stored tags.
 * Pure: the content script feeds it the reader's output and renders the result. Built in two steps:
 * `buildPanelModel` (the late rows, which the content script needs to mark the portal's rows) and
 * `withWorkingDays` of lib/calendar/working-calendar.ts (working days and derived years, which only the panel shows: the
 * working-day calendar stays out of the content script that runs on every portal page).
 */

export interface LateRow {
  dossier: ReadDossier;
  state: Exclude<SystemState, 'not-late'>;
  /** Calendar days from the appointment day to the closing day (or today). */
  daysLate: number;
  /** The same in working days, where a calendar is available. */
  workingDaysLate: number | null;
  /** Minutes late within the appointment day, where both it and the closing (or now) carry a time. */
  minutesLate: number | null;
  /** Where the portal's own verdict and the rule on the dates disagree: both readings, for staff to check. */
  check: { portal: PortalVerdict; computed: PortalVerdict } | null;
  tag: DossierTag | null;
  /**
   * The store's latest decision on it and any read it kept aside, where there is one; absent when the
   * dossier was never decided on (an edit then starts from "no decision").
   */
  decided?: DecisionState;
}

export interface PageRead {
  /** `row`: the portal's row where it is drawn now (a grid that draws only the rows in view has none for the rest). */
  dossiers: { dossier: ReadDossier; row?: Element }[];
  unreadable: UnreadableRow[];
  tableCount: number;
}

export interface PanelModel {
  lateRows: LateRow[];
  /** Years whose working days were derived, not official (today's, or a late row's due year). */
  derivedYears: number[];
  /** Every dossier read on the page, late or not, first occurrence of each code. */
  readCount: number;
  unreadable: UnreadableRow[];
  tableCount: number;
}

export function buildPanelModel(
  page: PageRead,
  now: Now,
  tags: ReadonlyMap<string, DossierTag>,
  decisions: ReadonlyMap<string, DecisionState> = new Map(),
): PanelModel {
  const seen = new Set<string>();
  const lateRows: LateRow[] = [];
  for (const { dossier } of page.dossiers) {
    if (seen.has(dossier.code)) continue;
    seen.add(dossier.code);
    const state = systemState(dossier, now);
    if (state === 'not-late') continue;
    const row: LateRow = {
      dossier,
      state,
      daysLate: calendarDaysLate(dossier, now),
      workingDaysLate: null,
      minutesLate: minutesLate(dossier, now),
      check: verdictDisagreement(dossier, now),
      tag: tags.get(dossier.code) ?? null,
    };
    const decided = decisions.get(dossier.code);
    if (decided) row.decided = decided;
    lateRows.push(row);
  }
  return { lateRows, readCount: seen.size, unreadable: page.unreadable, tableCount: page.tableCount, derivedYears: [] };
}

/**
 * One model for the lists of several frames of one page (the top page's and those of its same-origin
 * frames), in the order given: a code listed by two frames is listed once, as the first one read it.
 * `readCount` adds the frames' counts (a code read in two frames counts twice there).
 */
export function mergePanelModels(models: PanelModel[]): PanelModel {
  if (models.length === 1) return models[0]!;
  const codes = new Set<string>();
  const lateRows: LateRow[] = [];
  const years = new Set<number>();
  let readCount = 0;
  let tableCount = 0;
  const unreadable: UnreadableRow[] = [];
  for (const model of models) {
    for (const row of model.lateRows) {
      if (codes.has(row.dossier.code)) continue;
      codes.add(row.dossier.code);
      lateRows.push(row);
    }
    for (const year of model.derivedYears) years.add(year);
    readCount += model.readCount;
    tableCount += model.tableCount;
    unreadable.push(...model.unreadable);
  }
  return { lateRows, derivedYears: [...years].sort((a, b) => a - b), readCount, unreadable, tableCount };
}

/** Rows whose code contains the filter text (case and space insensitive). */
export function filterLateRows(rows: LateRow[], filter: string): LateRow[] {
  const needle = filter.replace(/\s+/g, '').toLowerCase();
  if (!needle) return rows;
  return rows.filter((row) => row.dossier.code.replace(/\s+/g, '').toLowerCase().includes(needle));
}

/**
 * The date a row's input starts with: its saved date when tagged, else the appointment day (most
 * citizens come on it), never before the receipt day nor after today.
 */
export function defaultReturnDate(row: Pick<LateRow, 'dossier' | 'tag'>, today: string): string {
  if (row.tag) return row.tag.realReturn;
  // Without an appointment, the receipt day (or today) is where a return can start.
  let day = row.dossier.due?.day ?? row.dossier.received?.day ?? today;
  const received = row.dossier.received?.day;
  if (received && day < received) day = received;
  if (day > today) day = today;
  return day;
}

/**
 * A stable signature of what was read, so that a re-read that found nothing new sends nothing to the
 * store (paging back and forth, re-renders of the same rows).
 */
export function readSignature(dossier: ReadDossier): string {
  // A join is several times cheaper than JSON.stringify on 2,000-row pages; \u0001 never occurs in
  // normalised cell text.
  const { received, due, closed } = dossier;
  return [
    dossier.procedure,
    dossier.sector,
    dossier.applicant,
    dossier.status,
    dossier.unit,
    received ? `${received.day} ${received.time ?? ''}` : '',
    due ? `${due.day} ${due.time ?? ''}` : '',
    closed ? `${closed.day} ${closed.time ?? ''}` : '',
  ].join('\u0001');
}
