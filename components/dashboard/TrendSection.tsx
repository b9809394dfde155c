import { formatNumberVi, type Translate } from '@/lib/i18n/translate';
import { FEW_DOSSIERS, formatMonthVn, type MonthRates } from '@/lib/reports/trend';
import { TrendChart } from './TrendChart';

export interface TrendSectionProps {
  t: Translate;
  /** Every unit's monthly rates. */
  trend: MonthRates[];
  /** The chosen unit's, or null. */
  unitTrend: MonthRates[] | null;
  unit: string;
}

const EMPTY_MONTH = { decided: 0, lateOnSystem: 0, reallyLate: 0, systemRate: 0, realRate: 0, few: true };

/** "Is it getting better": the chart, and the table beside it (the accessible form, what tests read). */
export function TrendSection({ t, trend, unitTrend, unit }: TrendSectionProps) {
  // A chosen unit is shown over the same months as every unit, so the two lines compare month by month.
  const byMonth = new Map((unitTrend ?? []).map((month) => [month.month, month]));
  const series = unitTrend ? trend.map((month) => byMonth.get(month.month) ?? { ...EMPTY_MONTH, month: month.month }) : trend;
  const rate = (count: number, value: number) => `${formatNumberVi(count)} (${formatNumberVi(value)}%)`;
  return (
    <section className="trend panel-box" aria-labelledby="trend-title">
      <h2 id="trend-title">
        {t('dashboard.trendTitle')} ·{' '}
        <span className="scope">{unitTrend ? t('dashboard.trendScopeUnit', { unit }) : t('dashboard.trendScopeAll')}</span>
      </h2>
      {trend.length === 0 ? (
        <p className="empty">{t('dashboard.trendEmpty')}</p>
      ) : (
        <div className="trend-body">
          <TrendChart t={t} series={series} compare={unitTrend ? trend : undefined} />
          <div className="trend-table-wrap">
            <table className="data-table trend-table" data-testid="trend-table">
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.trendMonth')}</th>
                  <th scope="col" className="num">
                    {t('dashboard.trendDecided')}
                  </th>
                  <th scope="col" className="num">
                    {t('dashboard.trendSystem')}
                  </th>
                  <th scope="col" className="num">
                    {t('dashboard.trendReal')}
                  </th>
                  {unitTrend && (
                    <th scope="col" className="num">
                      {t('dashboard.trendCompare')}
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {series.map((month, i) => (
                  <tr key={month.month} className={month.few ? 'few' : undefined} data-month={month.month} data-few={month.few ? 'true' : undefined}>
                    <th scope="row">{formatMonthVn(month.month)}</th>
                    <td className="num">
                      {formatNumberVi(month.decided)}
                      {month.few && <span className="few-mark"> · {t('dashboard.trendFewMark')}</span>}
                    </td>
                    <td className="num">{month.decided ? rate(month.lateOnSystem, month.systemRate) : '–'}</td>
                    <td className="num">{month.decided ? rate(month.reallyLate, month.realRate) : '–'}</td>
                    {unitTrend && (
                      <td className="num compare">
                        {trend[i]!.decided ? `${formatNumberVi(trend[i]!.systemRate)}% / ${formatNumberVi(trend[i]!.realRate)}%` : '–'}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      <p className="hint">{t('dashboard.trendFewNote', { count: FEW_DOSSIERS })}</p>
    </section>
  );
}
