import { formatDayVn } from '@/lib/calendar/day';
import { formatNumberVi, type Translate } from '@/lib/i18n/translate';
import type { DashboardData } from '@/lib/reports/dashboard';
import type { DashboardFilter } from '@/lib/reports/dashboard-filter';
import { Filters } from './Filters';
import { FollowupLists } from './FollowupLists';
import { HandlerTable } from './HandlerTable';
import { TrendSection } from './TrendSection';

export interface DashboardProps {
  t: Translate;
  doc: Translate;
  data: DashboardData | null;
  error: string | null;
  filter: DashboardFilter;
  onFilterChange: (filter: DashboardFilter) => void;
  officeName: string;
  today: string;
  windowDays: number;
  printUnit: string | null;
  onPrint: (unit: string | null) => void;
  onCsv: (unit: string | null) => void;
  onOffice: (unit: string | null, kind: 'xlsx' | 'docx') => void;
  exportMessage: string | null;
}

function Stat({ tone, value, label, testId }: { tone: string; value: number; label: string; testId: string }) {
  return (
    <li className={`stat stat-${tone}`} data-testid={testId}>
      <strong>{formatNumberVi(value)}</strong>
      <span>{label}</span>
    </li>
  );
}

/** The head of office's page: counts, the follow-up lists per unit, who closes late, and the trend. */
export function Dashboard(props: DashboardProps) {
  const { t, data, filter } = props;
  return (
    <main className={`dashboard${props.printUnit !== null ? ' print-one' : ''}`}>
      <header className="page-head screen-only">
        <div>
          <h1>{t('dashboard.title')}</h1>
          {data && (
            <p className="scope" data-testid="dashboard-scope">
              {t('dashboard.scope', { shown: data.shown, stored: data.stored, date: formatDayVn(props.today) })}
              {props.officeName && ` · ${props.officeName}`}
            </p>
          )}
        </div>
      </header>
      <div className="screen-only">
        {props.error && (
          <p className="error" role="alert">
            {props.error}
          </p>
        )}
        <Filters t={t} filter={filter} units={data?.choices.units ?? []} sectors={data?.choices.sectors ?? []} onChange={props.onFilterChange} />
        <p className="hint">{t('dashboard.bookmarkHint')}</p>
        {filter.kinds.length > 0 && (
          <p className="notice" data-testid="dashboard-kinds">
            {t('dashboard.kindsOnly', { kinds: filter.kinds.map((kind) => t(`dashboard.kind.${kind}`)).join(', ') })}{' '}
            <button type="button" className="link" onClick={() => props.onFilterChange({ ...filter, kinds: [] })}>
              {t('dashboard.kindsAll')}
            </button>
          </p>
        )}
      </div>
      {!data && !props.error && <p className="hint">{t('dashboard.loading')}</p>}
      {data && data.stored === 0 && <p className="notice screen-only">{t('dashboard.emptyStore')}</p>}
      {data && data.stored > 0 && (
        <>
          <section className="stats screen-only" aria-label={t('dashboard.statsLabel')}>
            <ul>
              <Stat tone="all" value={data.shown} label={t('dashboard.statDossiers')} testId="stat-shown" />
              <Stat tone="late" value={data.rates.lateOnSystem} label={t('dashboard.statLate')} testId="stat-late" />
              <Stat tone="returned" value={data.totals['returned-not-closed']} label={t('dashboard.kind.returned-not-closed')} testId="stat-returned" />
              <Stat tone="overdue" value={data.totals.overdue} label={t('dashboard.kind.overdue')} testId="stat-overdue" />
              <Stat tone="soon" value={data.totals['due-soon']} label={t('dashboard.kind.due-soon')} testId="stat-due-soon" />
            </ul>
            <p className="rates-line">
              {t('dashboard.statRates', {
                system: data.rates.systemRate,
                real: data.rates.realRate,
                decided: data.rates.decided,
              })}
            </p>
          </section>
          <FollowupLists
            t={t}
            doc={props.doc}
            units={data.units}
            officeName={props.officeName}
            today={props.today}
            windowDays={props.windowDays}
            printUnit={props.printUnit}
            onPrint={props.onPrint}
            onCsv={props.onCsv}
            onOffice={props.onOffice}
            exportMessage={props.exportMessage}
          />
          <div className="screen-only">
            <TrendSection t={t} trend={data.trend} unitTrend={data.unitTrend} unit={filter.unit} />
            <HandlerTable t={t} report={data.handlers} />
          </div>
        </>
      )}
    </main>
  );
}
