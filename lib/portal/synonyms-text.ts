import { DOSSIER_FIELDS, type DossierField } from '../dossier/model';
import type { ProblemOf } from '../i18n/problem';

export type SynonymsProblem = ProblemOf<'synonyms-line-format' | 'synonyms-line-empty'>;

/**
 * The options page edits extra header synonyms as text, one field per line: `due: Ngày hẹn | Hạn trả`.
 * Parsing reports each bad line instead of dropping it.
 */
export function parseSynonymsText(
  text: string,
): { ok: true; value: Partial<Record<DossierField, string[]>> } | { ok: false; errors: SynonymsProblem[] } {
  const value: Partial<Record<DossierField, string[]>> = {};
  const errors: SynonymsProblem[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    const colon = line.indexOf(':');
    const field = line.slice(0, colon).trim() as DossierField;
    if (colon < 0 || !DOSSIER_FIELDS.includes(field)) {
      errors.push({ code: 'synonyms-line-format', line: index + 1, fields: DOSSIER_FIELDS.join(', ') });
      return;
    }
    const names = line
      .slice(colon + 1)
      .split('|')
      .map((name) => name.trim())
      .filter(Boolean);
    if (names.length === 0) {
      errors.push({ code: 'synonyms-line-empty', line: index + 1 });
      return;
    }
    value[field] = [...(value[field] ?? []), ...names];
  });
  return errors.length ? { ok: false, errors } : { ok: true, value };
}

export function formatSynonymsText(value: Partial<Record<DossierField, string[]>>): string {
  return DOSSIER_FIELDS.filter((field) => value[field]?.length)
    .map((field) => `${field}: ${value[field]!.join(' | ')}`)
    .join('\n');
}
