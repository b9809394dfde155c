import { officeHeading, type DocumentInfo, type OfficeHeading } from '../appendix/document-header';
import { unitSlug } from '../appendix/rows';
import { compactDay } from '../calendar/day';
import { formatNumberVi, type Translate } from '../i18n/translate';
import { FOLLOWUP_KINDS, type FollowupKind } from './followup';
import { formatAppointment, timeLeftText, type FollowupCsvRow } from './followup-export';

/**
 * The follow-up lists as the office sends them to the processing units, in a workbook or a Word document
 * (lib/reports/followup-workbook.ts, followup-word.ts): the office's heading (issuing body, national motto,
 * place and date, as the appendix has it), then one sheet per unit with what the printed per-unit page
 * shows: the title, the unit, the list grouped by kind (each group under its own heading row, numbered on through the
 * groups as one list) and the total. Library-free, so both writers share it and tests read it.
 */

export interface FollowupGroup {
  kind: FollowupKind;
  /** "Quá hạn, chưa kết thúc (3)". */
  heading: string;
  /** Cells in the order of `headings`, STT numbered on from the previous group. */
  rows: string[][];
}

export interface FollowupSheet {
  /** The unit as read ('' when the list had none): what the dashboard's `data-unit` says. */
  unit: string;
  /** A worksheet name: at most 31 characters, none of `[]:*?/\`, unique in the workbook. */
  sheetName: string;
  /** "Đơn vị xử lý: …". */
  unitLine: string;
  groups: FollowupGroup[];
  /** "Tổng số: n hồ sơ". */
  total: string;
}

export interface FollowupDocument {
  heading: OfficeHeading;
  /** "DANH SÁCH HỒ SƠ CẦN ĐÔN ĐỐC". */
  title: string;
  headings: readonly string[];
  /** Index (0-based) of the appointment column, a `dd/MM/yyyy[ HH:mm]` date. */
  dateColumn: number;
  sheets: FollowupSheet[];
}

export interface FollowupUnit {
  unit: string;
  rows: readonly FollowupCsvRow[];
}

/** Excel refuses these in a sheet's name, and names longer than 31 characters. */
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;
const SHEET_NAME_MAX = 31;

/**
 * One worksheet name per unit, in order: the unit's name cleaned and cut to 31 characters, and where two
 * units come out the same (a long common prefix), ` (2)`, ` (3)`… in the last characters. Excel compares
 * names without case.
 */
export function sheetNames(units: readonly string[], blank: string): string[] {
  const taken = new Set<string>();
  return units.map((unit) => {
    const base = (unit.replace(SHEET_NAME_FORBIDDEN, ' ').replace(/\s+/g, ' ').trim() || blank).replace(/^'+|'+$/g, '');
    let name = base.slice(0, SHEET_NAME_MAX).trim();
    for (let n = 2; taken.has(name.toLocaleLowerCase('vi')); n++) {
      const suffix = ` (${n})`;
      name = `${base.slice(0, SHEET_NAME_MAX - suffix.length).trim()}${suffix}`;
    }
    taken.add(name.toLocaleLowerCase('vi'));
    return name;
  });
}

/** The document for these units' lists (one sheet each), worded by `doc` (the dashboard's Vietnamese). */
export function followupDocument(
  units: readonly FollowupUnit[],
  doc: Translate,
  info: Pick<DocumentInfo, 'unitName' | 'parentBody' | 'place' | 'today'>,
): FollowupDocument {
  const names = sheetNames(
    units.map(({ unit }) => unit),
    doc('dashboard.noUnit'),
  );
  const sheets = units.map(({ unit, rows }, index): FollowupSheet => {
    let stt = 0;
    const groups = FOLLOWUP_KINDS.flatMap((kind) => {
      const ofKind = rows.filter(({ item }) => item.kind === kind);
      if (ofKind.length === 0) return [];
      return [
        {
          kind,
          heading: `${doc(`dashboard.kind.${kind}`)} (${formatNumberVi(ofKind.length)})`,
          rows: ofKind.map(({ item, left }) =>
            [
              String(++stt),
              item.dossier.code,
              item.dossier.procedure,
              item.dossier.applicant,
              formatAppointment(item.dossier.due),
              timeLeftText(doc, left),
            ].map((cell) => cell.normalize('NFC')),
          ),
        },
      ];
    });
    return {
      unit,
      sheetName: names[index]!,
      unitLine: doc('dashboard.docUnit', { unit: (unit || doc('dashboard.noUnit')).normalize('NFC') }),
      groups,
      total: doc('dashboard.docTotal', { count: rows.length }),
    };
  });
  return {
    heading: officeHeading(info),
    title: doc('dashboard.docTitle'),
    headings: [
      doc('dashboard.colStt'),
      doc('dashboard.colCode'),
      doc('dashboard.colProcedure'),
      doc('dashboard.colApplicant'),
      doc('dashboard.colDue'),
      doc('dashboard.colLeft'),
    ],
    dateColumn: 4,
    sheets,
  };
}

/**
 * `don-doc-ho-so-<unit slug>-<yyyyMMdd>.<ext>` for one unit's list, `don-doc-ho-so-<yyyyMMdd>.<ext>` for
 * every unit's: the CSV's names with the file's own extension.
 */
export function followupDocumentName(today: string, unit: string | null, extension: 'xlsx' | 'docx'): string {
  const slug = unit === null ? '' : unitSlug(unit) || 'khong-ro-don-vi';
  return `don-doc-ho-so-${slug ? `${slug}-` : ''}${compactDay(today)}.${extension}`;
}
