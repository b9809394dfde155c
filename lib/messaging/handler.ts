import * as store from '../store';
import { fail, type ChangeKind, type Failure } from './schemas';
import { allows, REQUESTS, requestSchemas, type MappingStore, type OpenContext, type RequestType, type Response, type SenderKind } from './requests';
import { TabCodes } from './tab-codes';
import type { DossierDatabase } from '../store/db';
import type { Problem } from '../i18n/problem';

/**
 * The background's request dispatcher, kept free of browser APIs so that it is tested with a fake
 * IndexedDB: classify the sender, parse, check the sender against the request's row in requests.ts,
 * run its handler, map storage errors.
 */

export interface HandlerContext {
  /** The database, or the error that kept it from opening. */
  db: DossierDatabase | null;
  databaseError: string | null;
  staffName: () => Promise<string>;
  now: () => number;
  /**
   * Called after a write with the codes it changed and what changed: 'dossiers' for read fields only
   * (tabs need not refresh their tags), 'tags' when a tag may have changed.
   */
  onChanged: (codes: string[], kind: ChangeKind) => void;
  /** The codes each tab has sent (kept by the background across requests). */
  tabCodes?: TabCodes;
  /** The saved column mappings, for `column-mappings/save` and backups. */
  mappings?: MappingStore;
}

export interface SenderInfo {
  /** The sending extension's id (must be ours). */
  id?: string;
  /** The page or extension page URL that sent it. */
  url?: string;
  /** True when it comes from a frame in a tab (a content script, or an extension page in a tab or frame). */
  fromTab: boolean;
  tabId?: number;
}

export interface SenderPolicy {
  extensionId: string;
  /** Whether a content script on this URL may talk to the store (built-in or granted portals). */
  isPortalUrl: (url: string) => boolean;
  extensionOrigin: string;
  /**
   * Extension pages that may be served at a per-session address (`use_dynamic_url`): their URL has the
   * extension scheme but not the extension's usual origin. Paths, such as '/panel.html'.
   */
  dynamicPages?: readonly string[];
}

const EXTENSION_SCHEMES = new Set(['chrome-extension:', 'moz-extension:']);

/**
 * An extension page is told apart by its URL (the extension's origin, or the extension scheme for a
 * page served at a dynamic address), never by `sender.tab`: the panel's frame sits in a portal tab.
 * `sender.id` is set by the browser, so a web page cannot claim it.
 */
function isExtensionPageUrl(url: string, policy: SenderPolicy): boolean {
  if (url.startsWith(policy.extensionOrigin)) return true;
  if (!policy.dynamicPages?.length) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return EXTENSION_SCHEMES.has(parsed.protocol) && policy.dynamicPages.includes(parsed.pathname);
}

export function senderKind(sender: SenderInfo, policy: SenderPolicy): SenderKind | null {
  if (sender.id !== policy.extensionId || !sender.url) return null;
  if (isExtensionPageUrl(sender.url, policy)) return 'extension-page';
  if (sender.fromTab && policy.isPortalUrl(sender.url)) return 'portal';
  return null;
}

export function isTrustedSender(sender: SenderInfo, policy: SenderPolicy): boolean {
  return senderKind(sender, policy) !== null;
}

/** Handlers are typed per row; the dispatcher calls them through this one signature. */
type AnyHandler = (request: unknown, ctx: OpenContext) => Promise<Response<RequestType>>;

export async function handleRequest(
  raw: unknown,
  sender: SenderInfo,
  policy: SenderPolicy,
  context: HandlerContext,
): Promise<Response<RequestType> | Failure> {
  const kind = senderKind(sender, policy);
  if (!kind) return fail('forbidden', { code: 'sender-forbidden' });
  const parsed = requestSchemas().requestSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid-request', { code: 'request-invalid' });
  const request = parsed.data;
  const row = REQUESTS[request.type];
  if (!allows(request.type, kind)) {
    const refusal: { forbidden?: Problem } = row;
    return fail('forbidden', refusal.forbidden ?? { code: 'request-extension-only' });
  }
  const db = context.db;
  if (row.database && !db) {
    return fail('database', { code: 'database-unavailable', detail: context.databaseError ?? '?' });
  }
  const ctx: OpenContext = {
    ...context,
    db,
    store,
    sender: { kind, tabId: sender.tabId },
    tabCodes: context.tabCodes ?? new TabCodes(),
  };
  try {
    return await (row.handle as AnyHandler)(request, ctx);
  } catch (error) {
    if (store.isQuotaError(error)) {
      return fail('quota', { code: 'storage-full' });
    }
    const message = error instanceof Error ? error.message : String(error);
    return fail('database', { code: 'database-failed', detail: message });
  }
}
