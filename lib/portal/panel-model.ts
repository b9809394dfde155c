import { calendarDaysLate, minutesLate, systemState, verdictDisagreement } from '../dossier/classify';
import type { Now } from '../calendar/day';
import type { DossierTag, PortalVerdict, ReadDossier, SystemState, UnreadableRow } from '../dossier/model';

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
}

export interface PageRead {
  dossiers: { dossier: ReadDossier; row: Element }[];
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

export function buildPanelModel(page: PageRead, now: Now, tags: ReadonlyMap<string, DossierTag>): PanelModel {
  const seen = new Set<string>();
  const lateRows: LateRow[] = [];
  for (const { dossier } of page.dossiers) {
    if (seen.has(dossier.code)) continue;
    seen.add(dossier.code);
    const state = systemState(dossier, now);
    if (state === 'not-late') continue;
    lateRows.push({
      dossier,
      state,
      daysLate: calendarDaysLate(dossier, now),
      workingDaysLate: null,
      minutesLate: minutesLate(dossier, now),
      check: verdictDisagreement(dossier, now),
      tag: tags.get(dossier.code) ?? null,
    });
  }
  return { lateRows, readCount: seen.size, unreadable: page.unreadable, tableCount: page.tableCount, derivedYears: [] };
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
