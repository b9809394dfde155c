import { formatNumberVi, type Translate } from '@/lib/i18n/translate';
import type { DossierSummary } from '@/lib/appendix/rows';
import type { MonitorResult } from '@/lib/reports/monitor';
import type { LateRates } from '@/lib/reports/rates';
import { MonitorSection } from './MonitorSection';
import { RatesChart } from './RatesChart';

export interface PopupProps {
  t: Translate;
  summary: DossierSummary | null;
  storedCount: number;
  error: string | null;
  period: { from: string; to: string };
  onPeriodChange: (period: { from: string; to: string }) => void;
  onExport: () => void;
  onExportOffice: (kind: 'xlsx' | 'docx') => void;
  exportMessage: string | null;
  onOpenPage: (page: 'appendix' | 'consolidate' | 'options' | 'dashboard') => void;
  monitor: MonitorResult | null;
  /** Years whose working days the monitoring counts with a derived (not official) calendar. */
  derivedYears: number[];
  rates: { overall: LateRates; units: LateRates[] } | null;
  /** The notice asking for the portals' host permissions where the browser withholds them. */
  accessNotice?: React.ReactNode;
}

function CountCard({ testId, tone, count, label }: { testId: string; tone: string; count: number; label: string }) {
  return (
    <li className={`count count-${tone}`} data-testid={testId}>
      <strong className="count-number">{formatNumberVi(count)}</strong>
      <span className="count-label">{label}</span>
    </li>
  );
}

/** The toolbar popup: the counts, the report period and the export. Over 80 lines: one page of markup. */
export function Popup(props: PopupProps) {
  const { t, summary, storedCount, error, period, onPeriodChange, onExport, onExportOffice, exportMessage, onOpenPage, monitor, rates } = props;
  return (
    <main className="popup">
      <h1>{t('popup.title')}</h1>
      {props.accessNotice}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!summary && !error && <p>{t('popup.loading')}</p>}
      {summary && (
        <>
          {storedCount === 0 && <p className="hint">{t('popup.emptyStore')}</p>}
          <ul className="counts">
            <CountCard testId="count-late" tone="late" count={summary.late} label={t('popup.labelLate')} />
            <CountCard testId="count-tagged" tone="tagged" count={summary.tagged} label={t('popup.labelTagged')} />
            <CountCard testId="count-appendix" tone="appendix" count={summary.appendix} label={t('popup.labelAppendix')} />
          </ul>
          <p className="counts-minor">
            <span data-testid="count-really-late">{t('popup.countReallyLate', { count: summary.reallyLate })}</span>
            {' · '}
            <span data-testid="count-untagged">{t('popup.countUntagged', { count: summary.untagged })}</span>
          </p>
          <fieldset className="period">
            <legend>{t('popup.period')}</legend>
            <label>
              {t('popup.periodFrom')}
              <input
                type="date"
                data-testid="period-from"
                value={period.from}
                onChange={(event) => onPeriodChange({ ...period, from: event.target.value })}
              />
            </label>
            <label>
              {t('popup.periodTo')}
              <input
                type="date"
                data-testid="period-to"
                value={period.to}
                onChange={(event) => onPeriodChange({ ...period, to: event.target.value })}
              />
            </label>
            {(period.from || period.to) && (
              <button type="button" className="link" onClick={() => onPeriodChange({ from: '', to: '' })}>
                {t('popup.periodAll')}
              </button>
            )}
          </fieldset>
          <button type="button" className="primary" data-testid="export-csv" onClick={onExport}>
            {t('popup.export')}
          </button>
          <button type="button" data-testid="export-xlsx" onClick={() => onExportOffice('xlsx')}>
            {t('popup.exportXlsx')}
          </button>
          <button type="button" data-testid="export-docx" onClick={() => onExportOffice('docx')}>
            {t('popup.exportDocx')}
          </button>
          {exportMessage && (
            <p className="export-message" role="status" data-testid="export-message">
              {exportMessage}
            </p>
          )}
          {monitor && <MonitorSection t={t} monitor={monitor} derivedYears={props.derivedYears} />}
          {rates && <RatesChart t={t} overall={rates.overall} units={rates.units} />}
        </>
      )}
      <nav className="links">
        <button type="button" className="link" data-testid="open-dashboard" onClick={() => onOpenPage('dashboard')}>
          {t('dashboard.open')}
        </button>
        <button type="button" className="link" onClick={() => onOpenPage('appendix')}>
          {t('popup.print')}
        </button>
        <button type="button" className="link" onClick={() => onOpenPage('consolidate')}>
          {t('popup.consolidate')}
        </button>
        <button type="button" className="link" onClick={() => onOpenPage('options')}>
          {t('popup.options')}
        </button>
      </nav>
    </main>
  );
}
