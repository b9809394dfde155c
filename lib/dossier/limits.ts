import type { ReadDossier } from './model';

/**
 * Bounds on what a page can make the extension store or show. Real procedure names and applicants stay
 * far below these; a hostile or broken page (a 100 KB cell) gets its text cut with an ellipsis instead
 * of failing the whole page's save or flooding the panel.
 */
export const MAX_CODE_LENGTH = 200;
export const MAX_FIELD_LENGTH = 1_000;

export function clampText(text: string, max: number): string {
  if (text.length <= max) return text;
  // Cut on a code point boundary: never leave half of a surrogate pair.
  let cut = max - 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${text.slice(0, cut)}…`;
}

/** The dossier with every text field within bounds (the same object when nothing needed cutting). */
export function boundDossier(dossier: ReadDossier): ReadDossier {
  const { code, procedure, sector, applicant, status, unit } = dossier;
  if (
    code.length <= MAX_CODE_LENGTH &&
    procedure.length <= MAX_FIELD_LENGTH &&
    sector.length <= MAX_FIELD_LENGTH &&
    applicant.length <= MAX_FIELD_LENGTH &&
    status.length <= MAX_FIELD_LENGTH &&
    unit.length <= MAX_FIELD_LENGTH
  ) {
    return dossier;
  }
  return {
    ...dossier,
    code: clampText(code, MAX_CODE_LENGTH),
    procedure: clampText(procedure, MAX_FIELD_LENGTH),
    sector: clampText(sector, MAX_FIELD_LENGTH),
    applicant: clampText(applicant, MAX_FIELD_LENGTH),
    status: clampText(status, MAX_FIELD_LENGTH),
    unit: clampText(unit, MAX_FIELD_LENGTH),
  };
}
