/**
 * The translator of the UI: a catalog per language (lib/i18n/vi.ts, lib/i18n/en.ts), `{name}` placeholders,
 * and the wording of problems (lib/i18n/problem.ts). Only the extension pages and the panel load this; the
 * content script shows no text and imports none of it.
 */

import { en } from './en';
import type { Language } from './language';
import type { Problem } from './problem';
import { vi, type MessageKey } from './vi';

export { en, vi, type Language, type MessageKey };
export const CATALOGS: Record<Language, Record<MessageKey, string>> = { vi, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function createTranslator(language: Language): Translate {
  const catalog = CATALOGS[language] ?? vi;
  return (key, params) => {
    const template = catalog[key] ?? vi[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? formatParam(params[name]!, language) : whole,
    );
  };
}

function formatParam(value: string | number, language: Language): string {
  // Vietnamese groups thousands with '.', which the count hooks accept; English counts stay ungrouped so
  // that a ',' never splits a number.
  if (typeof value === 'number') return language === 'vi' ? formatNumberVi(value) : String(value);
  return value;
}

/**
 * A number as `Intl.NumberFormat('vi-VN')` writes it (`1.234.567`, `12,5`, at most 3 decimals), without
 * Intl: the first Intl formatter of a page loads ICU's locale data, about 8 ms of the content script's
 * start on every portal page. The UI's one way of writing a number in Vietnamese: the panel's
 * messages, the popup's counts and the rates of the popup and the print.
 */
export function formatNumberVi(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  const magnitude = Math.abs(value);
  if (magnitude === Infinity) return `${sign}∞`;
  // Beyond this toFixed writes exponents; no count gets there, so Intl may pay its cost then.
  if (magnitude >= 1e21) return new Intl.NumberFormat('vi-VN').format(value);
  // Intl rounds the shortest decimal that reads back as the number (1.0005, not its binary value
  // 1.000499…) to 3 decimals, halves away from zero; below 1e-6 (written with an exponent) all is 0.
  const [whole = '0', decimals = ''] = magnitude < 1e-6 ? [] : String(magnitude).split('.');
  const thousandths = BigInt(whole + decimals.slice(0, 3).padEnd(3, '0')) + ((decimals[3] ?? '0') >= '5' ? 1n : 0n);
  const digits = thousandths.toString().padStart(4, '0');
  const fraction = digits.slice(-3).replace(/0+$/, '');
  return sign + digits.slice(0, -3).replace(/\B(?=(\d{3})+(?!\d))/g, '.') + (fraction ? `,${fraction}` : '');
}

/** A problem in the translator's language: its catalog entry `problem.<code>`, filled with its fields. */
export function renderProblem(t: Translate, problem: Problem): string {
  const { code, ...fields } = problem;
  return t(`problem.${code}`, fields as Record<string, string | number>);
}
