import { firstLine } from '../portal/text';

/**
 * A dossier code (docs/domain.md, step 3): agency part `ddd.dd.dd.Hdd` or the older `Hdd(.d{1,3})*`,
 * then `-yyMMdd-`, then a 4–6 digit counter. Not global: `exec` always starts at 0.
 */
export const DOSSIER_CODE_PATTERN = /(?:\d{3}\.\d{2}\.\d{2}\.H\d{2}|H\d{2}(?:\.\d{1,3})*)-\d{6}-\d{4,6}/;

/** A text that is one dossier code and nothing else (most code cells, the code line of a composite cell). */
const WHOLE_CODE = new RegExp(`^(?:${DOSSIER_CODE_PATTERN.source})$`);

/** Whether `text` is one dossier code and nothing else (no space around it either). */
export function isWholeDossierCode(text: string): boolean {
  return WHOLE_CODE.test(text);
}

/**
 * The first substring of `text` matching {@link DOSSIER_CODE_PATTERN}, or ''. A text that is one code is
 * returned as it is, with no match array (the reader asks this of every row).
 */
export function firstDossierCode(text: string): string {
  if (!text) return '';
  if (isWholeDossierCode(text)) return text;
  return DOSSIER_CODE_PATTERN.exec(text)?.[0] ?? '';
}

/**
 * The code in a code cell's text (text with line breaks kept): the first substring matching
 * {@link DOSSIER_CODE_PATTERN}; where none matches, the first non-empty line, normalised; '' when empty.
 */
export function extractDossierCode(cellText: string): string {
  return firstDossierCode(cellText) || firstLine(cellText);
}
