/**
 * Text normalisation for portal cells and headers (docs/domain.md, "What the reader must do", step 2).
 * Pure functions; every regular expression is compiled once here.
 */

/** Any run of white space: JS `\s` already covers NBSP U+00A0, U+202F, U+2028/2029, U+FEFF, tabs and line breaks. */
const WHITE_SPACE_RUN = /[\s\u00a0\u202f\u200b]+/g;
/**
 * Invisible direction marks and overrides (LRM, RLM, U+202A–U+202E, U+2066–U+2069) and the word joiner:
 * they carry no text, and a right-to-left override in a cell would visually reorder the panel's text
 * and disguise a code. They are dropped. (All lie outside the fast path's ranges.)
 */
const INVISIBLE_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069]/g;
/**
 * Staff-typed text (reason, note) without the invisible direction controls and word joiner above: a
 * right-to-left override typed or pasted into a reason would reorder what a reader of the exported
 * file sees. Everything else, line breaks included, is kept as typed. The export applies it, and the
 * store can apply it on save.
 */
export function stripInvisibleControls(s: string): string {
  return s.replace(INVISIBLE_CONTROLS, '');
}

/**
 * Lower case without diacritics, đ → d: "Làm Bù" → "lam bu", "Đăk Hà" → "dak ha". For matching what
 * staff type without accents and for file names; never for text that is shown.
 */
export function foldDiacritics(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** Trailing `:` / `*` (also full-width forms) mixed with spaces, as in "Mã hồ sơ :*". */
const TRAILING_MARKS = /[\s:*\uff1a\uff0a]+$/;
/** Line breaks as they appear in text built from cells. */
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;

/**
 * A character outside the ranges that need no work, or two spaces in a row. The ranges (printable ASCII,
 * U+00A1–U+02FF, Latin Extended Additional U+1E00–U+1EFF with every precomposed Vietnamese letter, and
 * the punctuation U+2010–U+2027, U+2030–U+205E) hold no white space but U+0020, and every character in
 * them is NFC-inert: NFC leaves it unchanged, its combining class is 0 and it never composes with a
 * neighbour (checked for every character against every BMP neighbour; tests/unit/portal/text.test.ts keeps a
 * check). So a string without a match is its own NFC, and collapsing white space changes nothing in it.
 */
const NEEDS_NORMALIZING = /[^\x20-\x7e\xa1-\u02ff\u1e00-\u1eff\u2010-\u2027\u2030-\u205e]|\x20\x20/;

/**
 * True for U+0000–U+02FF, U+1E00–U+1EFF, U+2010–U+2027, U+2030–U+205E. Every character in those ranges is NFC-inert (NFC leaves it unchanged, its combining class is 0, it never composes with a
 * neighbour; checked for each against every BMP neighbour, and stable by Unicode's normalisation
 * stability policy), so a string made only of them is already NFC.
 */
export function isNfcInert(code: number): boolean {
  return code <= 0x2ff || (code >= 0x1e00 && code <= 0x1eff) || (code >= 0x2010 && code <= 0x2027) || (code >= 0x2030 && code <= 0x205e);
}

/**
 * `s.normalize('NFC')`, without the call for text made only of NFC-inert characters (most Vietnamese
 * text). A plain loop: in V8 it beats a regular expression test on short strings.
 */
export function toNfc(s: string): string {
  for (let i = 0, n = s.length; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x2ff && !isNfcInert(c)) return s.normalize('NFC');
  }
  return s;
}

/**
 * Unicode NFC; invisible direction controls dropped; every run of white space (NBSP, U+202F, zero-width
 * space, tabs, line breaks included) becomes one space; trimmed.
 */
export function normalizeText(s: string): string {
  if (!s) return '';
  // Fast path (most portal text): already NFC, single spaces only; at most a leading/trailing space to trim.
  const line = asOneLine(s);
  if (line !== null) return line;
  return s.normalize('NFC').replace(INVISIBLE_CONTROLS, '').replace(WHITE_SPACE_RUN, ' ').trim();
}

/**
 * A header as the matcher compares it: {@link normalizeText}, lower case with Vietnamese locale
 * semantics, trailing `:` / `*` and spaces dropped (repeatedly, so "Mã hồ sơ *:" → "mã hồ sơ").
 */
export function normalizeHeader(s: string): string {
  // Unicode has language-specific lower-case mappings only for lt, tr and az (SpecialCasing.txt), so
  // Vietnamese lower case is the default `toLowerCase()` (checked for every code point in context), which
  // V8 runs without resolving a locale on each call.
  const lowered = toNfc(normalizeText(s).toLowerCase());
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

/**
 * `text` as one normalised line, where it needs nothing but trimming (one line, single spaces, NFC
 * already: most cells), '' for none; null where it needs {@link cellLines}.
 */
export function asOneLine(text: string): string | null {
  return NEEDS_NORMALIZING.test(text) ? null : text.trim();
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
