import { firstLine } from '../portal/text';

/**
 * A dossier code (docs/domain.md, step 3): agency part `ddd.dd.dd.Hdd` or the older `Hdd(.d{1,3})*`,
 * then `-yyMMdd-`, then a 4–6 digit counter. Not global: `exec` always starts at 0.
 */
export const DOSSIER_CODE_PATTERN = /(?:\d{3}\.\d{2}\.\d{2}\.H\d{2}|H\d{2}(?:\.\d{1,3})*)-\d{6}-\d{4,6}/;

/**
 * The code in a code cell's text (text with line breaks kept): the first substring matching
 * {@link DOSSIER_CODE_PATTERN}; where none matches, the first non-empty line, normalised; '' when empty.
 */
export function extractDossierCode(cellText: string): string {
  if (!cellText) return '';
  const match = DOSSIER_CODE_PATTERN.exec(cellText);
  if (match) return match[0];
  return firstLine(cellText);
}
