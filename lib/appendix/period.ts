import type { AppendixPeriod } from './rows';
import { isIsoDay } from '../calendar/day';

/**
 * The report period of the printable appendix as it travels in the page address:
 * `?from=yyyy-MM-dd&to=yyyy-MM-dd`, both optional (docs/domain.md, "Around the file").
 */

/** The period as the page's date inputs hold it: `yyyy-MM-dd` or '' for an open end. */
export interface PeriodInput {
  from: string;
  to: string;
}

export interface PeriodQuery {
  period: PeriodInput;
  /** Values present in the address that are not real `yyyy-MM-dd` days (ignored). */
  invalid: string[];
}

/** Reads `from` / `to` from a query string (`?from=…&to=…`); anything that is not a real day is ignored. */
export function periodFromQuery(search: string): PeriodQuery {
  const params = new URLSearchParams(search);
  const invalid: string[] = [];
  const read = (name: 'from' | 'to'): string => {
    const value = (params.get(name) ?? '').trim();
    if (value === '') return '';
    if (isIsoDay(value)) return value;
    invalid.push(value);
    return '';
  };
  const from = read('from');
  const to = read('to');
  return { period: { from, to }, invalid };
}

/** The query string for a period: '' when both ends are open, else `?from=…&to=…` with the set ends. */
export function periodToQuery(period: PeriodInput): string {
  const params = new URLSearchParams();
  if (isIsoDay(period.from)) params.set('from', period.from);
  if (isIsoDay(period.to)) params.set('to', period.to);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The period for `buildAppendixRows`: open ends (and invalid days) left out. */
export function periodBounds(period: PeriodInput): AppendixPeriod {
  return {
    from: isIsoDay(period.from) ? period.from : undefined,
    to: isIsoDay(period.to) ? period.to : undefined,
  };
}

/** True when both ends are set and the start is after the end (no dossier can match). */
export function isReversed(period: PeriodInput): boolean {
  return isIsoDay(period.from) && isIsoDay(period.to) && period.from > period.to;
}
