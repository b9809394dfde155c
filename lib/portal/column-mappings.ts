import * as z from 'zod/mini';
import { DOSSIER_FIELDS, type DossierField } from '../dossier/model';
import { normalizeHeader } from './text';

/**
 * Column mappings saved by staff ("this column is the appointment"), for lists whose headings no synonym
 * knows (docs/domain.md, "Pointing at a column"). A mapping belongs to one portal origin and one path
 * pattern, and names fields by heading and by the label of a labelled value inside a composite cell.
 * The reader applies the chosen mapping before its synonyms (ReadOptions.mapping).
 *
 * Pure: the content script picks the mapping for its address, the background checks and merges what the
 * panel asks to save, the options page edits the list. All three parse with the schema below.
 */

/** A saved mapping, as stored in the settings (`columnMappings`). */
export interface SavedColumnMapping {
  /** `https://host[:port]`, a portal the extension runs on. */
  origin: string;
  /** The page path with its id-like segments as `*` (see {@link pathPatternOf}). */
  pathPattern: string;
  /** Heading (as {@link normalizeHeader} leaves it) → field. */
  headings: Record<string, DossierField>;
  /** Label of a labelled value ("hẹn trả"), normalised the same way → field. */
  labels: Record<string, DossierField>;
  /** Epoch ms of the last change; the newer one wins a merge (backups). */
  savedAt: number;
}

/** What the reader takes (ReadOptions.mapping). */
export interface ColumnMappingChoice {
  headings: Readonly<Record<string, DossierField>>;
  labels: Readonly<Record<string, DossierField>>;
}

export const MAPPING_LIMITS = {
  mappings: 200,
  entries: 40,
  key: 120,
  origin: 200,
  pattern: 300,
  segments: 20,
} as const;

/**
 * Keys that must never become an object key: a page's heading could be `__proto__`, and a record read
 * with `record[key]` would then answer with Object's own members.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A segment that names a record rather than a page: anything with a digit (`123`, `a1b2c3`, a UUID, and
 * every percent-escape); a literal `*` is one too, so that a pattern's `*` is always a wildcard.
 */
const ID_SEGMENT = /[\d*]/;

/**
 * The path pattern of a page path: lower case, no trailing slash, each segment with a digit replaced by
 * `*`. SPA routes that carry an id (`/vi/dossier/search/123`) give `/vi/dossier/search/*`, so one mapping
 * serves every record of that route; a path without ids stays as it is (`/tiepnhan/danhsach.aspx`).
 * Lower case because the portals' servers (IIS) treat paths without case.
 */
export function pathPatternOf(pathname: string): string {
  const segments = pathname
    .toLowerCase()
    .split('/')
    .filter((segment) => segment !== '')
    .slice(0, MAPPING_LIMITS.segments)
    .map((segment) => (ID_SEGMENT.test(segment) ? '*' : segment));
  return `/${segments.join('/')}`;
}

/** The origin and pattern a mapping of this page is saved under; null where they would not be valid. */
export function mappingScope(origin: string, pathname: string): { origin: string; pathPattern: string } | null {
  const { origin: originSchema, pathPattern } = columnMappingSchemas();
  const scope = { origin, pathPattern: pathPatternOf(pathname) };
  return originSchema.safeParse(scope.origin).success && pathPattern.safeParse(scope.pathPattern).success ? scope : null;
}

/** Whether a pattern matches a path: same number of segments, each `*` or equal (without case). */
export function patternMatches(pattern: string, pathname: string): boolean {
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.toLowerCase().split('/').filter(Boolean);
  if (want.length !== have.length) return false;
  return want.every((segment, i) => segment === '*' || segment === have[i]);
}

/** Literal segments count for specificity; wildcards do not. */
function specificity(pattern: string): number {
  return pattern.split('/').filter((segment) => segment && segment !== '*').length;
}

/**
 * The mapping for a page: same origin, a matching pattern; the most specific pattern wins (the most
 * literal segments), then the newest. Null where none applies, and always null on a page that is not a
 * portal the extension runs on (`isPortalUrl`: built-in hosts and granted extra portals), whatever is
 * stored: a mapping never reads outside them.
 */
export function chooseMapping(
  mappings: readonly SavedColumnMapping[],
  url: string,
  isPortalUrl: (url: string) => boolean,
): SavedColumnMapping | null {
  let page: URL;
  try {
    page = new URL(url);
  } catch {
    return null;
  }
  if (!isPortalUrl(url)) return null;
  let best: SavedColumnMapping | null = null;
  for (const mapping of mappings) {
    if (mapping.origin !== page.origin || !patternMatches(mapping.pathPattern, page.pathname)) continue;
    if (
      !best ||
      specificity(mapping.pathPattern) > specificity(best.pathPattern) ||
      (specificity(mapping.pathPattern) === specificity(best.pathPattern) && mapping.savedAt > best.savedAt)
    ) {
      best = mapping;
    }
  }
  return best;
}

/** The reader's view of a saved mapping (null stays null). */
export function readerMapping(mapping: SavedColumnMapping | null): ColumnMappingChoice | undefined {
  return mapping ? { headings: mapping.headings, labels: mapping.labels } : undefined;
}

/** `/` or `/a/b/*`: lower case, each segment `*` or a segment without digits, nothing else. */
function isPathPattern(value: string): boolean {
  if (value === '/') return true;
  const segments = value.split('/');
  if (segments[0] !== '' || segments.length - 1 > MAPPING_LIMITS.segments) return false;
  return segments
    .slice(1)
    .every((segment) => segment === '*' || (segment !== '' && !ID_SEGMENT.test(segment) && !/[\s?#*]/.test(segment) && segment === segment.toLowerCase()));
}

function isSafeKey(key: string): boolean {
  return key.length > 0 && key === normalizeHeader(key) && !FORBIDDEN_KEYS.has(key);
}

function buildSchemas() {
  const field = z.enum(DOSSIER_FIELDS);
  const key = z.string().check(z.maxLength(MAPPING_LIMITS.key), z.refine(isSafeKey));
  const entries = z
    .record(key, field)
    .check(z.refine((record) => Object.keys(record).length <= MAPPING_LIMITS.entries));
  const origin = z.string().check(
    z.maxLength(MAPPING_LIMITS.origin),
    z.refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
      } catch {
        return false;
      }
    }),
  );
  const pathPattern = z.string().check(z.maxLength(MAPPING_LIMITS.pattern), z.refine(isPathPattern));
  const mapping = z.object({
    origin,
    pathPattern,
    headings: entries,
    labels: entries,
    savedAt: z.number().check(z.int(), z.minimum(0)),
  });
  const mappings = z.array(mapping).check(z.maxLength(MAPPING_LIMITS.mappings));
  return { field, key, entries, origin, pathPattern, mapping, mappings };
}

let built: ReturnType<typeof buildSchemas> | undefined;
/** The schemas, built on first use (the content script's start does not pay for them). */
export function columnMappingSchemas() {
  return (built ??= buildSchemas());
}

/** The mappings of a stored value that still parse, each on its own (a damaged one is dropped alone). */
export function validMappings(value: unknown): SavedColumnMapping[] {
  if (!Array.isArray(value)) return [];
  const { mapping } = columnMappingSchemas();
  const out: SavedColumnMapping[] = [];
  for (const item of value.slice(0, MAPPING_LIMITS.mappings)) {
    const parsed = mapping.safeParse(item);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

/** The key a heading or label is stored under. */
export const mappingKey = normalizeHeader;

/** What to add to the mapping of a page: some headings and labels, each to a field. */
export interface MappingChange {
  origin: string;
  pathPattern: string;
  headings: Readonly<Record<string, DossierField>>;
  labels: Readonly<Record<string, DossierField>>;
}

/**
 * The list after adding a change: merged into the mapping of the same origin and pattern (a heading or
 * label named again gets its new field), or a new mapping. A field held by another heading of that
 * mapping moves to the new one (a column is one field; a field is one column). Null when the result
 * would break a limit.
 */
export function mergeMapping(list: readonly SavedColumnMapping[], change: MappingChange, now: number): SavedColumnMapping[] | null {
  const index = list.findIndex((m) => m.origin === change.origin && m.pathPattern === change.pathPattern);
  const before = index >= 0 ? list[index]! : { origin: change.origin, pathPattern: change.pathPattern, headings: {}, labels: {}, savedAt: now };
  const next: SavedColumnMapping = {
    ...before,
    headings: withEntries(before.headings, change.headings),
    labels: withEntries(before.labels, change.labels),
    savedAt: Math.max(now, before.savedAt),
  };
  const result = index >= 0 ? list.map((m, i) => (i === index ? next : m)) : [...list, next];
  const parsed = columnMappingSchemas().mappings.safeParse(result);
  return parsed.success ? parsed.data : null;
}

function withEntries(
  current: Readonly<Record<string, DossierField>>,
  added: Readonly<Record<string, DossierField>>,
): Record<string, DossierField> {
  const out = new Map(Object.entries(current));
  for (const [rawKey, field] of Object.entries(added)) {
    const key = mappingKey(rawKey);
    for (const [other, value] of out) if (value === field && other !== key) out.delete(other);
    out.set(key, field);
  }
  return Object.fromEntries(out);
}

/** The list with one mapping replaced (options page edits) or removed (`next` null); by origin and pattern. */
export function replaceMapping(
  list: readonly SavedColumnMapping[],
  target: Pick<SavedColumnMapping, 'origin' | 'pathPattern'>,
  next: SavedColumnMapping | null,
): SavedColumnMapping[] {
  const out: SavedColumnMapping[] = [];
  for (const mapping of list) {
    if (mapping.origin !== target.origin || mapping.pathPattern !== target.pathPattern) out.push(mapping);
    else if (next && (Object.keys(next.headings).length || Object.keys(next.labels).length)) out.push(next);
  }
  return out;
}

/**
 * Two lists joined (a restore into the current one): per origin and pattern, the newer `savedAt` wins
 * whole. Mappings for origins `keep` refuses (not a portal the extension runs on) are dropped.
 */
export function joinMappings(
  current: readonly SavedColumnMapping[],
  incoming: readonly SavedColumnMapping[],
  keep: (origin: string) => boolean,
): { list: SavedColumnMapping[]; added: number; dropped: number } {
  const byKey = new Map(current.map((m) => [`${m.origin} ${m.pathPattern}`, m]));
  let added = 0;
  let dropped = 0;
  for (const mapping of incoming) {
    if (!keep(mapping.origin)) {
      dropped++;
      continue;
    }
    const k = `${mapping.origin} ${mapping.pathPattern}`;
    const old = byKey.get(k);
    if (!old || mapping.savedAt > old.savedAt) {
      byKey.set(k, mapping);
      added++;
    }
  }
  return { list: [...byKey.values()].slice(0, MAPPING_LIMITS.mappings), added, dropped };
}

export type { DossierField };
