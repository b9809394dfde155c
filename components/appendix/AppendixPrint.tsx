import { APPENDIX_COLUMNS, type AppendixValues } from '@/lib/appendix/rows';
import { formatDayVn } from '@/lib/calendar/day';
import { formatNumberVi, type Translate } from '@/lib/i18n/translate';
import type { PeriodInput } from '@/lib/appendix/period';
import type { LateRates } from '@/lib/reports/rates';

export interface AppendixPrintProps {
  /** Screen controls, in the user's language. */
  t: Translate;
  /** The printed document: always Vietnamese. */
  doc: Translate;
  /** True when the screen language is not Vietnamese (a note says the print is Vietnamese). */
  foreignScreen: boolean;
  loading: boolean;
  error: string | null;
  rows: readonly AppendixValues[];
  unitName: string;
  staffName: string;
  /** `yyyy-MM-dd`, the day the appendix is made. */
  today: string;
  period: PeriodInput;
  invalidQuery: readonly string[];
  reversed: boolean;
  onPeriodChange: (period: PeriodInput) => void;
  onPrint: () => void;
  /** The same rows as a workbook or a Word document (the popup sends long exports here). */
  onExportOffice: (kind: 'xlsx' | 'docx') => void;
  exportMessage: string | null;
  /** Working days late on the system, by dossier code (shown under the system state). */
  workingDaysLate: ReadonlyMap<string, number>;
  /** Late rates over the stored dossiers of the period: the summary block. */
  rates: { overall: LateRates; units: LateRates[] };
}

/** Cells that hold a date or a short label stay on one line; the others wrap. */
const NOWRAP = new Set(['received', 'due', 'closed', 'realReturn']);

function periodText(doc: Translate, period: PeriodInput): string {
  const from = formatDayVn(period.from);
  const to = formatDayVn(period.to);
  if (from && to) return doc('print.docPeriodRange', { from, to });
  if (from) return doc('print.docPeriodFrom', { from });
  if (to) return doc('print.docPeriodTo', { to });
  return doc('print.docPeriodAll');
}

/**
 * The printable appendix: an A4 landscape sheet with the 14-column table, and screen-only controls.
 * Over 80 lines: it is the markup of one printed document, top to bottom, with no logic of its own.
 */
export function AppendixPrint(props: AppendixPrintProps) {
  const { t, doc, rows, period, onPeriodChange } = props;
  const unit = props.unitName.trim();
  const staff = props.staffName.trim();
  return (
    <main className="appendix-page">
      <section className="toolbar screen-only" aria-label={t('print.screenTitle')}>
        <h1>{t('print.screenTitle')}</h1>
        <fieldset className="period">
          <legend>{t('print.periodLegend')}</legend>
          <label>
            {t('print.from')}
            <input
              type="date"
              data-testid="print-period-from"
              value={period.from}
              onChange={(event) => onPeriodChange({ ...period, from: event.target.value })}
            />
          </label>
          <label>
            {t('print.to')}
            <input
              type="date"
              data-testid="print-period-to"
              value={period.to}
              onChange={(event) => onPeriodChange({ ...period, to: event.target.value })}
            />
          </label>
          <button
            type="button"
            className="link"
            data-testid="print-period-all"
            disabled={!period.from && !period.to}
            onClick={() => onPeriodChange({ from: '', to: '' })}
          >
            {t('print.all')}
          </button>
        </fieldset>
        <div className="actions">
          <button type="button" className="primary" data-testid="print-button" onClick={props.onPrint}>
            {t('print.print')}
          </button>
          {(['xlsx', 'docx'] as const).map((kind) => (
            <button
              key={kind}
              type="button"
              className="secondary"
              data-testid={`appendix-export-${kind}`}
              disabled={props.loading || rows.length === 0}
              onClick={() => props.onExportOffice(kind)}
            >
              {t(kind === 'xlsx' ? 'print.exportXlsx' : 'print.exportDocx')}
            </button>
          ))}
          <span className="hint">{t('print.hint')}</span>
        </div>
        {props.exportMessage && (
          <p role="status" data-testid="appendix-export-message">
            {props.exportMessage}
          </p>
        )}
        {props.invalidQuery.map((value) => (
          <p key={value} className="warning" role="status">
            {t('print.invalidQuery', { value })}
          </p>
        ))}
        {props.reversed && (
          <p className="warning" role="status">
            {t('print.rangeReversed')}
          </p>
        )}
        {props.foreignScreen && <p className="hint">{t('print.vietnameseNote')}</p>}
        {props.error && (
          <p className="error" role="alert">
            {props.error}
          </p>
        )}
        {props.loading ? (
          <p className="hint">{t('popup.loading')}</p>
        ) : (
          <p className="count" data-testid="print-count">
            {t('print.rowCount', { count: rows.length })}
          </p>
        )}
        {!props.loading && !props.error && rows.length === 0 && (
          <p className="hint" data-testid="print-empty-hint">
            {t('print.emptyHint')}
          </p>
        )}
      </section>

      <article className="sheet" lang="vi">
        <header className="doc-head">
          <p className="doc-unit" data-testid="print-unit">
            {unit || <span className="fill-line" aria-hidden="true" />}
          </p>
          <h2 className="doc-title">{doc('print.docTitle')}</h2>
          <p className="doc-subtitle">{doc('print.docSubtitle')}</p>
          <p className="doc-period" data-testid="print-period">
            {periodText(doc, period)}
          </p>
          <p className="doc-made" data-testid="print-made">
            {doc('print.docMade', { date: formatDayVn(props.today) })}
          </p>
        </header>

        <table className="doc-table" data-testid="print-table">
          <colgroup>
            {APPENDIX_COLUMNS.map((c) => (
              <col key={c.key} className={`col-${c.key}`} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {APPENDIX_COLUMNS.map((c) => (
                <th key={c.key} scope="col">
                  {c.heading}
                </th>
              ))}
            </tr>
            <tr className="col-numbers" aria-hidden="true">
              {APPENDIX_COLUMNS.map((c, i) => (
                <th key={c.key}>({i + 1})</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={`${row.code}-${i}`} data-testid="print-row" data-code={row.code}>
                {APPENDIX_COLUMNS.map((c) => (
                  <td key={c.key} className={`cell-${c.key}${NOWRAP.has(c.key) ? ' nowrap' : ''}`}>
                    {c.key === 'stt' ? String(i + 1) : row[c.key]}
                    {c.key === 'state' && props.workingDaysLate.has(row.code) && (
                      <span className="late-days">{doc('print.docLateDays', { days: props.workingDaysLate.get(row.code)! })}</span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
            {rows.length === 0 && !props.loading && (
              <tr className="empty-row">
                <td colSpan={APPENDIX_COLUMNS.length} data-testid="print-empty">
                  {doc('print.docEmpty')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
        {rows.length > 0 && <p className="doc-total">{doc('print.docTotal', { count: rows.length })}</p>}

        {props.rates.overall.decided > 0 && (
          <section className="doc-summary" data-testid="print-summary">
            <h3>{doc('print.summaryTitle')}</h3>
            <table className="summary-table">
              <thead>
                <tr>
                  <th scope="col">{doc('print.summaryUnit')}</th>
                  <th scope="col">{doc('print.summaryDecided')}</th>
                  <th scope="col">{doc('print.summarySystem')}</th>
                  <th scope="col">{doc('print.summaryReal')}</th>
                </tr>
              </thead>
              <tbody>
                {[...(props.rates.units.length > 1 ? props.rates.units : []), props.rates.overall].map((entry, index, list) => (
                  <tr key={`${entry.unit}-${index}`} className={index === list.length - 1 ? 'summary-total' : undefined}>
                    <td>{index === list.length - 1 ? doc('print.summaryAll') : entry.unit || doc('print.summaryNoUnit')}</td>
                    <td>{entry.decided}</td>
                    <td>
                      {entry.lateOnSystem} ({formatNumberVi(entry.systemRate)}%)
                    </td>
                    <td>
                      {entry.reallyLate} ({formatNumberVi(entry.realRate)}%)
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}

        <section className="signatures" data-testid="print-signatures">
          <div className="signature">
            <p className="sign-role">{doc('print.signMaker')}</p>
            <p className="sign-hint">{doc('print.signHint')}</p>
            <p className="sign-name" data-testid="print-staff">
              {staff}
            </p>
          </div>
          <div className="signature">
            <p className="sign-role">{doc('print.signHead')}</p>
            <p className="sign-hint">{doc('print.signHint')}</p>
            <p className="sign-name" />
          </div>
        </section>
      </article>
    </main>
  );
}
