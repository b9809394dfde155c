import { formatNumberVi, type Translate } from '@/lib/i18n/translate';
import type { LateRates } from '@/lib/reports/rates';

/** Late rate on the system against the real late rate, overall and per unit, as small bars. */
export function RatesChart({ t, overall, units }: { t: Translate; overall: LateRates; units: LateRates[] }) {
  if (overall.decided === 0) return null;
  return (
    <section className="rates" data-testid="rates" aria-labelledby="rates-title">
      <h2 id="rates-title">{t('rates.title')}</h2>
      <p className="hint">{t('rates.decided', { count: overall.decided })}</p>
      <div className="rates-legend" aria-hidden="true">
        <span className="swatch swatch-system" /> {t('rates.system')} <span className="swatch swatch-real" /> {t('rates.real')}
      </div>
      <RateBars t={t} label={t('rates.overall')} rates={overall} />
      {units.length > 1 && (
        <details className="rates-units">
          <summary>{t('rates.byUnit', { count: units.length })}</summary>
          {units.map((unit) => (
            <RateBars key={unit.unit} t={t} label={unit.unit || t('rates.noUnit')} rates={unit} />
          ))}
        </details>
      )}
    </section>
  );
}

function RateBars({ t, label, rates }: { t: Translate; label: string; rates: LateRates }) {
  return (
    <div className="rate-row" data-testid="rate-row">
      <div className="rate-label">{label}</div>
      <Bar kind="system" value={rates.systemRate} text={`${t('rates.system')}: ${formatNumberVi(rates.systemRate)}% (${rates.lateOnSystem}/${rates.decided})`} />
      <Bar kind="real" value={rates.realRate} text={`${t('rates.real')}: ${formatNumberVi(rates.realRate)}% (${rates.reallyLate}/${rates.decided})`} />
    </div>
  );
}

function Bar({ kind, value, text }: { kind: 'system' | 'real'; value: number; text: string }) {
  return (
    <div className="bar" role="img" aria-label={text} title={text}>
      <div className={`bar-fill bar-${kind}`} style={{ width: `${Math.min(100, Math.max(0, value))}%` }} />
      <span className="bar-text">{text}</span>
    </div>
  );
}
