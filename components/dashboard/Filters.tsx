import type { Translate } from '@/lib/i18n/translate';
import { NO_FILTER, type DashboardFilter } from '@/lib/reports/dashboard-filter';
import type { SystemState } from '@/lib/dossier/model';

const STATES: SystemState[] = ['late-unclosed', 'late-closed', 'not-late'];

export interface FiltersProps {
  t: Translate;
  filter: DashboardFilter;
  units: string[];
  sectors: string[];
  onChange: (filter: DashboardFilter) => void;
}

/** A drop-down of texts as read from the portal, '' meaning all of them. */
function Choice(props: { label: string; testId: string; all: string; value: string; choices: string[]; onChange: (value: string) => void }) {
  return (
    <label className="select">
      {props.label}
      <select data-testid={props.testId} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        <option value="">{props.all}</option>
        {props.choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The dashboard's filters; the page keeps them in its address. */
export function Filters({ t, filter, units, sectors, onChange }: FiltersProps) {
  const set = (patch: Partial<DashboardFilter>) => onChange({ ...filter, ...patch });
  // A unit or sector in the address that the store no longer holds stays selectable, so the view says
  // what it filters on rather than silently showing everything.
  const unitChoices = filter.unit && !units.includes(filter.unit) ? [filter.unit, ...units] : units;
  const sectorChoices = filter.sector && !sectors.includes(filter.sector) ? [filter.sector, ...sectors] : sectors;
  const filtered = filter.period.from || filter.period.to || filter.unit || filter.sector || filter.state || filter.kinds.length;
  return (
    <form className="filters" aria-label={t('dashboard.filters')} onSubmit={(event) => event.preventDefault()}>
      <fieldset className="period">
        <legend>{t('dashboard.periodLegend')}</legend>
        <label>
          {t('dashboard.from')}
          <input
            type="date"
            data-testid="dashboard-from"
            value={filter.period.from}
            onChange={(event) => set({ period: { ...filter.period, from: event.target.value } })}
          />
        </label>
        <label>
          {t('dashboard.to')}
          <input
            type="date"
            data-testid="dashboard-to"
            value={filter.period.to}
            onChange={(event) => set({ period: { ...filter.period, to: event.target.value } })}
          />
        </label>
      </fieldset>
      <Choice
        label={t('dashboard.unit')}
        testId="dashboard-unit"
        all={t('dashboard.all')}
        value={filter.unit}
        choices={unitChoices}
        onChange={(unit) => set({ unit })}
      />
      <Choice
        label={t('dashboard.sector')}
        testId="dashboard-sector"
        all={t('dashboard.all')}
        value={filter.sector}
        choices={sectorChoices}
        onChange={(sector) => set({ sector })}
      />
      <label className="select">
        {t('dashboard.state')}
        <select
          data-testid="dashboard-state"
          value={filter.state}
          onChange={(event) => set({ state: event.target.value as DashboardFilter['state'] })}
        >
          <option value="">{t('dashboard.all')}</option>
          {STATES.map((state) => (
            <option key={state} value={state}>
              {t(`state.${state}`)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="link"
        data-testid="dashboard-clear"
        disabled={!filtered}
        onClick={() => onChange(NO_FILTER)}
      >
        {t('dashboard.clear')}
      </button>
    </form>
  );
}
