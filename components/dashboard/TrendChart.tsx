import { formatNumberVi, type Translate } from '@/lib/i18n/translate';
import { formatMonthVn, type MonthRates } from '@/lib/reports/trend';

/**
 * The monthly late rates as a small SVG line chart: y from 0 to 100 %, one tick per month on x (a
 * label every few months when there are many), the system rate and the real rate as two lines. Months
 * with few dossiers get a hollow marker. The table beside it is the accessible form of the same data.
 */

const WIDTH = 640;
const HEIGHT = 260;
const PAD = { left: 56, right: 30, top: 14, bottom: 50 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;
const Y_TICKS = [0, 25, 50, 75, 100];

export interface TrendChartProps {
  t: Translate;
  series: MonthRates[];
  /** Every unit's rates, drawn thin and dashed behind a chosen unit's (same months as `series`). */
  compare?: MonthRates[];
}

/** The monthly trend as SVG. Over 80 lines: axes, ticks, two lines and their markers are one drawing. */
export function TrendChart({ t, series, compare }: TrendChartProps) {
  const n = series.length;
  const step = n > 1 ? PLOT_W / (n - 1) : 0;
  const x = (i: number) => PAD.left + (n > 1 ? i * step : PLOT_W / 2);
  const y = (rate: number) => PAD.top + PLOT_H - (Math.min(100, Math.max(0, rate)) / 100) * PLOT_H;
  const labelEvery = Math.max(1, Math.ceil(n / 12));
  // Only months with decided dossiers carry a point: an empty month is a gap in the line, not a zero.
  const path = (rate: (m: MonthRates) => number, months = series) => {
    let d = '';
    let open = false;
    months.forEach((month, i) => {
      if (month.decided === 0) {
        open = false;
        return;
      }
      d += `${open ? 'L' : 'M'}${x(i).toFixed(1)},${y(rate(month)).toFixed(1)}`;
      open = true;
    });
    return d;
  };
  return (
    <figure className="trend-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('dashboard.chartLabel')} data-testid="trend-chart">
        <g className="axis axis-y">
          {Y_TICKS.map((tick) => (
            <g key={tick}>
              <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} className={tick === 0 ? 'baseline' : 'grid'} />
              <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end">
                {formatNumberVi(tick)}%
              </text>
            </g>
          ))}
          <text className="axis-title" transform={`translate(12 ${PAD.top + PLOT_H / 2}) rotate(-90)`} textAnchor="middle">
            {t('dashboard.axisRate')}
          </text>
        </g>
        <g className="axis axis-x">
          {series.map((month, i) =>
            i % labelEvery === 0 || i === n - 1 ? (
              <g key={month.month}>
                <line x1={x(i)} x2={x(i)} y1={PAD.top + PLOT_H} y2={PAD.top + PLOT_H + 4} className="baseline" />
                <text x={x(i)} y={PAD.top + PLOT_H + 16} textAnchor="middle">
                  {formatMonthVn(month.month)}
                </text>
              </g>
            ) : null,
          )}
          <text className="axis-title" x={PAD.left + PLOT_W / 2} y={HEIGHT - 8} textAnchor="middle">
            {t('dashboard.axisMonth')}
          </text>
        </g>
        {compare && <path d={path((m) => m.systemRate, compare)} className="line line-system compare" />}
        {compare && <path d={path((m) => m.realRate, compare)} className="line line-real compare" />}
        <path d={path((m) => m.systemRate)} className="line line-system" />
        <path d={path((m) => m.realRate)} className="line line-real" />
        {series.map((month, i) =>
          month.decided === 0 ? null : (
            <g key={month.month} className={month.few ? 'few' : undefined}>
              <circle cx={x(i)} cy={y(month.systemRate)} r={3.5} className="dot dot-system">
                <title>{`${formatMonthVn(month.month)} · ${t('dashboard.trendSystem')}: ${formatNumberVi(month.systemRate)}% (${formatNumberVi(month.lateOnSystem)}/${formatNumberVi(month.decided)})`}</title>
              </circle>
              <circle cx={x(i)} cy={y(month.realRate)} r={3.5} className="dot dot-real">
                <title>{`${formatMonthVn(month.month)} · ${t('dashboard.trendReal')}: ${formatNumberVi(month.realRate)}% (${formatNumberVi(month.reallyLate)}/${formatNumberVi(month.decided)})`}</title>
              </circle>
            </g>
          ),
        )}
      </svg>
      <figcaption className="legend">
        <span className="swatch swatch-system" aria-hidden="true" /> {t('dashboard.trendSystem')}
        <span className="swatch swatch-real" aria-hidden="true" /> {t('dashboard.trendReal')}
        <span className="swatch swatch-few" aria-hidden="true" /> {t('dashboard.trendFewMark')}
        {compare && (
          <>
            <span className="swatch swatch-compare" aria-hidden="true" /> {t('dashboard.trendScopeAll')}
          </>
        )}
      </figcaption>
    </figure>
  );
}
