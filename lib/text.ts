/**
 * Text normalisation for portal cells and headers (portal-model.md, "What the reader must do", step 2).
 * Pure functions; every regular expression is compiled once here.
 */

/** Any run of white space: JS `\s` already covers NBSP U+00A0, U+202F, U+2028/2029, U+FEFF, tabs and line breaks. */
const WHITE_SPACE_RUN = /[\s\u00a0\u202f\u200b]+/g;
/** Trailing `:` / `*` (also full-width forms) mixed with spaces, as in "Mã hồ sơ :*". */
const TRAILING_MARKS = /[\s:*\uff1a\uff0a]+$/;
/** Line breaks as they appear in text built from cells. */
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;

/** Unicode NFC; every run of white space (NBSP, U+202F, tabs, line breaks included) becomes one space; trimmed. */
export function normalizeText(s: string): string {
  if (!s) return '';
  return s.normalize('NFC').replace(WHITE_SPACE_RUN, ' ').trim();
}

/**
 * A header as the matcher compares it: {@link normalizeText}, lower case with Vietnamese locale
 * semantics, trailing `:` / `*` and spaces dropped (repeatedly, so "Mã hồ sơ *:" → "mã hồ sơ").
 */
export function normalizeHeader(s: string): string {
  const lowered = normalizeText(s).toLocaleLowerCase('vi').normalize('NFC');
  return lowered.replace(TRAILING_MARKS, '');
}

/** The non-empty lines of a cell's text, each normalised. */
export function cellLines(text: string): string[] {
  if (!text) return [];
  const lines: string[] = [];
  for (const line of text.split(LINE_BREAK)) {
    const normalized = normalizeText(line);
    if (normalized) lines.push(normalized);
  }
  return lines;
}

/** The first non-empty line of a cell's text, normalised; '' when there is none. */
export function firstLine(text: string): string {
  if (!text) return '';
  for (const line of text.split(LINE_BREAK)) {
    const normalized = normalizeText(line);
    if (normalized) return normalized;
  }
  return '';
}
