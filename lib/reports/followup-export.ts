import Papa from 'papaparse';
import { unitSlug, type AppendixDelimiter } from '../appendix/rows';
import { FORMULA_START } from '../appendix/csv';
import { compactDay, formatDayVn } from '../calendar/day';
import type { PortalDate } from '../dossier/model';
import type { Translate } from '../i18n/translate';
import type { FollowupItem, TimeLeft } from './followup';

/**
 * The words and files of the follow-up lists: the time left or late as a sentence, the appointment as
 * the page shows it, and the CSV of one unit's list (or several), written by `Papa.unparse` with the
 * appendix CSV's formula neutralisation, BOM and CRLF line ends. The workbook and the Word document are
 * built from ./followup-document.ts.
 */

/** `còn 2 ngày làm việc`, `quá 1 giờ 5 phút`, `hạn hôm nay`… in the translator's language. */
export function timeLeftText(t: Translate, left: TimeLeft): string {
  if (left.minutesToday !== null) {
    const minutes = Math.abs(left.minutesToday);
    const params = { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
    return left.minutesToday >= 0 ? t('dashboard.timeLeftToday', params) : t('dashboard.timeLateToday', params);
  }
  if (left.workingDays > 0) return t('dashboard.daysLeft', { days: left.workingDays });
  if (left.workingDays < 0) return t('dashboard.daysLate', { days: -left.workingDays });
  return t('dashboard.dueToday');
}

/** `dd/MM/yyyy` with the time of day where the portal showed one. */
export function formatAppointment(due: PortalDate | null): string {
  if (!due) return ''; // the page showed no appointment
  const day = formatDayVn(due.day);
  return due.time ? `${day} ${due.time.slice(0, 5)}` : day;
}

export interface FollowupCsvRow {
  item: FollowupItem;
  left: TimeLeft;
}

/** One CSV for the given rows (one unit's list, or every unit's), headings and words from `doc`. */
export function followupCsv(rows: readonly FollowupCsvRow[], doc: Translate, delimiter: AppendixDelimiter): string {
  const fields = [
    doc('dashboard.colStt'),
    doc('dashboard.colUnit'),
    doc('dashboard.colKind'),
    doc('dashboard.colCode'),
    doc('dashboard.colProcedure'),
    doc('dashboard.colApplicant'),
    doc('dashboard.colHandler'),
    doc('dashboard.colDue'),
    doc('dashboard.colLeft'),
  ];
  const data = rows.map(({ item, left }, index) => {
    const { dossier } = item;
    return [
      String(index + 1),
      dossier.unit,
      doc(`dashboard.kind.${item.kind}`),
      dossier.code,
      dossier.procedure,
      dossier.applicant,
      dossier.handler ?? '',
      formatAppointment(dossier.due),
      timeLeftText(doc, left),
    ].map((cell) => cell.normalize('NFC'));
  });
  const body = Papa.unparse({ fields, data }, { delimiter, newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START });
  return `\uFEFF${body}\r\n`;
}

/** `don-doc-ho-so-<unit slug>-<yyyyMMdd>.csv`; without a unit, `don-doc-ho-so-<yyyyMMdd>.csv`. */
export function followupFileName(today: string, unit: string): string {
  const slug = unitSlug(unit);
  return `don-doc-ho-so-${slug ? `${slug}-` : ''}${compactDay(today)}.csv`;
}
