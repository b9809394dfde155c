import { formatDayVn } from '@/lib/calendar/day';
import { formatNumberVi, type Translate } from '@/lib/i18n/translate';
import type { DashboardUnit } from '@/lib/reports/dashboard';
import { FOLLOWUP_KINDS as KINDS } from '@/lib/reports/followup';
import { formatAppointment, timeLeftText } from '@/lib/reports/followup-export';

export interface FollowupListsProps {
  t: Translate;
  /** The lists are a document (printed, exported): always Vietnamese. */
  doc: Translate;
  units: DashboardUnit[];
  /** The office's name from the options, for the printed header. */
  officeName: string;
  today: string;
  windowDays: number;
  /** The unit printed alone, or null when the print holds every unit. */
  printUnit: string | null;
  onPrint: (unit: string | null) => void;
  onCsv: (unit: string | null) => void;
  /** The workbook or the Word document of one unit's list, or of every unit's (null). */
  onOffice: (unit: string | null, kind: 'xlsx' | 'docx') => void;
  /** What the last export says (preparing, done, failed), or null. */
  exportMessage: string | null;
}

/** "Danh sách hồ sơ cần đôn đốc": one block per processing unit, printed as one A4 sheet per unit. */
export function FollowupLists(props: FollowupListsProps) {
  const { t, units } = props;
  return (
    <section className="followup" aria-labelledby="followup-title">
      <div className="section-head screen-only">
        <h2 id="followup-title">{t('dashboard.followupTitle')}</h2>
        {units.length > 0 && (
          <div className="actions">
            <button type="button" className="secondary" data-testid="followup-print-all" onClick={() => props.onPrint(null)}>
              {t('dashboard.printAll')}
            </button>
            <button type="button" className="secondary" data-testid="followup-csv-all" onClick={() => props.onCsv(null)}>
              {t('dashboard.csvAll')}
            </button>
            <button type="button" className="secondary" data-testid="followup-xlsx-all" onClick={() => props.onOffice(null, 'xlsx')}>
              {t('dashboard.xlsxAll')}
            </button>
            <button type="button" className="secondary" data-testid="followup-docx-all" onClick={() => props.onOffice(null, 'docx')}>
              {t('dashboard.docxAll')}
            </button>
          </div>
        )}
      </div>
      <p className="hint screen-only">
        {t('dashboard.followupHint', { days: props.windowDays })} {units.length > 0 && t('dashboard.exportHint')}
      </p>
      {props.exportMessage && (
        <p className="hint screen-only" role="status" data-testid="followup-export-message">
          {props.exportMessage}
        </p>
      )}
      {units.length === 0 && <p className="empty screen-only">{t('dashboard.followupNone')}</p>}
      {units.length > 1 && <UnitSummary t={t} units={units} />}
      <div className="sheets">
        {units.map((unit, index) => (
          <UnitSheet key={unit.unit} {...props} unit={unit} anchor={`unit-${index}`} />
        ))}
      </div>
    </section>
  );
}

/** Counts per unit at a glance, each unit a link to its list below: whom to call first. */
function UnitSummary({ t, units }: { t: Translate; units: DashboardUnit[] }) {
  const total = (unit: DashboardUnit) => unit.rows.length;
  return (
    <table className="data-table unit-summary screen-only" data-testid="followup-summary">
      <caption>{t('dashboard.summaryTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.colUnit')}</th>
          {KINDS.map((kind) => (
            <th key={kind} scope="col" className={`num kind-head kind-${kind}`}>
              {t(`dashboard.kind.${kind}`)}
            </th>
          ))}
          <th scope="col" className="num">
            {t('dashboard.summaryTotal')}
          </th>
        </tr>
      </thead>
      <tbody>
        {units.map((unit, index) => (
          <tr key={unit.unit}>
            <th scope="row">
              <a href={`#unit-${index}`}>{unit.unit || t('dashboard.noUnit')}</a>
            </th>
            {KINDS.map((kind) => (
              <td key={kind} className={`num${unit.counts[kind] ? ' has' : ''}`}>
                {formatNumberVi(unit.counts[kind])}
              </td>
            ))}
            <td className="num">{formatNumberVi(total(unit))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One unit's follow-up list as one printed A4 sheet. Over 80 lines: the sheet's markup, header to table. */
function UnitSheet({
  t,
  doc,
  unit,
  anchor,
  officeName,
  today,
  printUnit,
  onPrint,
  onCsv,
  onOffice,
}: FollowupListsProps & { unit: DashboardUnit; anchor: string }) {
  const name = unit.unit || doc('dashboard.noUnit');
  const skipped = printUnit !== null && printUnit !== unit.unit;
  return (
    <article
      id={anchor}
      className={`followup-unit${skipped ? ' print-skip' : ''}`}
      data-testid="followup-unit"
      data-unit={unit.unit}
      aria-label={name}
      lang="vi"
    >
      <header className="sheet-head print-only">
        <p className="sheet-office">{officeName || <span className="fill-line" aria-hidden="true" />}</p>
        <p className="sheet-date">{doc('dashboard.docDate', { date: formatDayVn(today) })}</p>
        <h3 className="sheet-title">{doc('dashboard.docTitle')}</h3>
        <p className="sheet-unit">{doc('dashboard.docUnit', { unit: name })}</p>
      </header>
      <div className="unit-head screen-only">
        <h3>{name}</h3>
        <span className="unit-counts">
          {t('dashboard.unitCounts', {
            returned: unit.counts['returned-not-closed'],
            overdue: unit.counts.overdue,
            soon: unit.counts['due-soon'],
          })}
        </span>
        <span className="unit-actions">
          <button type="button" className="link" data-testid="followup-print" onClick={() => onPrint(unit.unit)}>
            {t('dashboard.printUnit')}
          </button>
          <button type="button" className="link" data-testid="followup-csv" onClick={() => onCsv(unit.unit)}>
            {t('dashboard.csvUnit')}
          </button>
          <button type="button" className="link" data-testid="followup-xlsx" onClick={() => onOffice(unit.unit, 'xlsx')}>
            {t('dashboard.xlsxUnit')}
          </button>
          <button type="button" className="link" data-testid="followup-docx" onClick={() => onOffice(unit.unit, 'docx')}>
            {t('dashboard.docxUnit')}
          </button>
        </span>
      </div>
      <table className="followup-table">
        <thead>
          <tr>
            <th scope="col" className="col-stt">{doc('dashboard.colStt')}</th>
            <th scope="col" className="col-code">{doc('dashboard.colCode')}</th>
            <th scope="col">{doc('dashboard.colProcedure')}</th>
            <th scope="col">{doc('dashboard.colApplicant')}</th>
            <th scope="col" className="col-due">{doc('dashboard.colDue')}</th>
            <th scope="col" className="col-left">{doc('dashboard.colLeft')}</th>
          </tr>
        </thead>
        {KINDS.map((kind) => {
          // Rows come grouped by kind: number them on through the groups, as one list.
          const first = unit.rows.findIndex((row) => row.item.kind === kind);
          const rows = unit.rows.filter((row) => row.item.kind === kind);
          if (rows.length === 0) return null;
          return (
            <tbody key={kind} className={`kind-${kind}`}>
              <tr className="kind-row">
                <th scope="rowgroup" colSpan={6}>
                  {doc(`dashboard.kind.${kind}`)} ({formatNumberVi(rows.length)})
                </th>
              </tr>
              {rows.map(({ item, left }, index) => (
                <tr key={item.dossier.code} data-testid="followup-item" data-code={item.dossier.code} data-kind={item.kind}>
                  <td className="col-stt">{first + index + 1}</td>
                  <td className="col-code">{item.dossier.code}</td>
                  <td>{item.dossier.procedure}</td>
                  <td>{item.dossier.applicant}</td>
                  <td className="col-due">{formatAppointment(item.dossier.due)}</td>
                  <td className={`col-left${item.workingDaysLeft < 0 || (left.minutesToday ?? 0) < 0 ? ' late' : ''}`}>
                    {timeLeftText(doc, left)}
                  </td>
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
      <p className="sheet-total">{doc('dashboard.docTotal', { count: unit.rows.length })}</p>
    </article>
  );
}
