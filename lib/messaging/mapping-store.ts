import { joinMappings, mergeMapping, type MappingChange, type SavedColumnMapping } from '../portal/column-mappings';
import { fail, type Failure } from './schemas';

/**
 * The column mappings as the background keeps them (in the settings item; lib/portal/column-mappings.ts),
 * and what the requests of lib/messaging/requests.ts do with them.
 */
export interface MappingStore {
  list: () => Promise<SavedColumnMapping[]>;
  write: (list: SavedColumnMapping[]) => Promise<void>;
  /** Whether the extension runs on this origin (a built-in portal, or a granted extra one). */
  isPortalOrigin: (origin: string) => boolean;
}

/** `column-mappings/save`: merged into the page's mapping; never for an origin the extension does not run on. */
export async function saveMapping(store: MappingStore, change: MappingChange, now: number): Promise<{ ok: true; mappings: number } | Failure> {
  if (!store.isPortalOrigin(change.origin)) return fail('forbidden', { code: 'mapping-not-portal', origin: change.origin });
  const next = mergeMapping(await store.list(), change, now);
  if (!next) return fail('invalid-request', { code: 'mapping-too-large' });
  await store.write(next);
  return { ok: true, mappings: next.length };
}

/** A restore's screened mappings joined into the saved ones: per page, the newer wins; other hosts never. */
export async function restoreMappings(store: MappingStore, screened: { mappings: SavedColumnMapping[] }): Promise<void> {
  if (!screened.mappings.length) return;
  const joined = joinMappings(await store.list(), screened.mappings, store.isPortalOrigin);
  if (joined.added) await store.write(joined.list);
}
