import Papa from 'papaparse';
import { APPENDIX_COLUMNS, type AppendixDelimiter, type AppendixKey } from '../rows';
import { normalizeHeader } from '../../portal/text';
import type { ConsolidationProblem } from './problems';

/**
 * The header row of an appendix file: which delimiter it was written with, and which column holds which
 * field. Headings are compared as the portal reader compares its headers (normalizeHeader: NFC, any
 * white space, case and a trailing `:` do not matter).
 */

const KEY_OF_HEADING = new Map<string, AppendixKey>(APPENDIX_COLUMNS.map((c) => [normalizeHeader(c.heading), c.key]));
const HEADING_OF = new Map<AppendixKey, string>(APPENDIX_COLUMNS.map((c) => [c.key, c.heading]));

/** The first record read with a delimiter. */
function headerWith(body: string, delimiter: string): string[] {
  return Papa.parse<string[]>(body, { delimiter, preview: 1 }).data[0] ?? [];
}

/** The delimiter whose first record has more known headings (then more cells); `,` on a tie. */
export function detectDelimiter(body: string): AppendixDelimiter {
  const score = (cells: string[]) => cells.filter((c) => KEY_OF_HEADING.has(normalizeHeader(c))).length;
  const comma = headerWith(body, ',');
  const semi = headerWith(body, ';');
  const [sc, ss] = [score(comma), score(semi)];
  if (sc !== ss) return sc > ss ? ',' : ';';
  return semi.length > comma.length ? ';' : ',';
}

/** How many cells are appendix headings: to tell the header row from a title block above it. */
export function knownHeadingCount(cells: readonly string[]): number {
  return cells.filter((cell) => KEY_OF_HEADING.has(normalizeHeader(cell))).length;
}

export type HeaderMap = { ok: true; columnOf: (AppendixKey | null)[] } | { ok: false; problems: ConsolidationProblem[] };

/** Header cells → the field of each column; problems when a heading is missing, unknown or repeated. */
export function mapHeader(cells: readonly string[]): HeaderMap {
  const seen = new Set<AppendixKey>();
  const unknown: string[] = [];
  const repeated: string[] = [];
  const columnOf = cells.map((cell) => {
    const key = KEY_OF_HEADING.get(normalizeHeader(cell));
    if (!key) {
      unknown.push(cell.trim());
      return null;
    }
    if (seen.has(key)) repeated.push(HEADING_OF.get(key) ?? key);
    seen.add(key);
    return key;
  });
  const missing = APPENDIX_COLUMNS.filter((c) => !seen.has(c.key)).map((c) => c.heading);
  if (missing.length === 0 && unknown.length === 0 && repeated.length === 0) return { ok: true, columnOf };
  const quote = (list: string[]) => list.map((h) => `"${h}"`).join(', ');
  const problems: ConsolidationProblem[] = [];
  if (missing.length) problems.push({ code: 'consolidate-header-missing', columns: quote(missing), expected: APPENDIX_COLUMNS.length });
  if (unknown.length) problems.push({ code: 'consolidate-header-unknown', columns: quote(unknown) });
  if (repeated.length) problems.push({ code: 'consolidate-header-repeated', columns: quote(repeated) });
  return { ok: false, problems };
}
