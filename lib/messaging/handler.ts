import type { DossierDatabase } from '../store/db';
import { vietnamDay } from '../calendar/day';
import {
  fail,
  protocolSchemas,
  type ChangeKind,
  type Failure,
  type Request,
  type RequestType,
  type Response,
} from './protocol';
import { parseBackupValue } from '../store/backup';
import {
  allDossiers,
  exportBackup,
  planBackupRestore,
  pruneDossiers,
  restoreBackup,
  getDossiers,
  isQuotaError,
  removeTag,
  restoreTag,
  setTag,
  setTagMany,
  tagHistory,
  upsertDossiers,
} from '../store/dossiers';

/**
 * The background's request dispatcher, kept free of browser APIs so that it is tested with a
 * fake IndexedDB: parse, check the sender, run one store operation, report which codes changed.
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
}

export interface SenderInfo {
  /** The sending extension's id (must be ours). */
  id?: string;
  /** The page or extension page URL that sent it. */
  url?: string;
  /** True when it comes from a content script in a tab. */
  fromTab: boolean;
}

export interface SenderPolicy {
  extensionId: string;
  /** Whether a content script on this URL may talk to the store (built-in or granted portals). */
  isPortalUrl: (url: string) => boolean;
  extensionOrigin: string;
}

export function isTrustedSender(sender: SenderInfo, policy: SenderPolicy): boolean {
  if (sender.id !== policy.extensionId) return false;
  if (!sender.url) return false;
  if (sender.fromTab) return policy.isPortalUrl(sender.url) || sender.url.startsWith(policy.extensionOrigin);
  return sender.url.startsWith(policy.extensionOrigin);
}

/**
 * What the content script on a portal page may ask: read and tag the dossiers it shows. Reading the
 * whole store, backups and deletion are for the extension's own pages only, so a subverted page
 * context can never export or wipe the office's data.
 */
const PORTAL_REQUESTS: ReadonlySet<RequestType> = new Set([
  'dossiers/upsert',
  'dossiers/get',
  'tag/set',
  'tag/set-many',
  'tag/remove',
  'tag/restore',
  'tag/history',
  'status/get',
]);

function isExtensionPage(sender: SenderInfo, policy: SenderPolicy): boolean {
  return sender.url !== undefined && sender.url.startsWith(policy.extensionOrigin);
}

export async function handleRequest(
  raw: unknown,
  sender: SenderInfo,
  policy: SenderPolicy,
  context: HandlerContext,
): Promise<Response<RequestType> | Failure> {
  if (!isTrustedSender(sender, policy)) return fail('forbidden', 'Nguồn yêu cầu không được phép.', 'Sender not allowed.');
  const parsed = protocolSchemas().requestSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid-request', 'Yêu cầu không hợp lệ.', 'Invalid request.');
  const request = parsed.data;
  if (!PORTAL_REQUESTS.has(request.type) && !isExtensionPage(sender, policy)) {
    return fail('forbidden', 'Yêu cầu này chỉ dành cho trang của tiện ích.', 'This request is for the extension pages only.');
  }
  if (request.type === 'status/get') {
    const stored = context.db ? await context.db.dossiers.count().catch(() => 0) : 0;
    return { ok: true, stored, databaseError: context.databaseError };
  }
  const db = context.db;
  if (!db) {
    return fail(
      'database',
      `Không mở được cơ sở dữ liệu của tiện ích (${context.databaseError ?? 'không rõ lỗi'}).`,
      `The extension database could not be opened (${context.databaseError ?? 'unknown error'}).`,
    );
  }
  try {
    return await run(db, request, context);
  } catch (error) {
    if (isQuotaError(error)) {
      return fail('quota', 'Bộ nhớ của trình duyệt đã đầy; chưa lưu được.', 'The browser storage is full; nothing was saved.');
    }
    const message = error instanceof Error ? error.message : String(error);
    return fail('database', `Lỗi cơ sở dữ liệu: ${message}`, `Database error: ${message}`);
  }
}

/** Every request but `status/get`, which is answered before the database is needed. */
type StoreRequest = Exclude<Request, { type: 'status/get' }>;

async function run(db: DossierDatabase, request: StoreRequest, context: HandlerContext): Promise<Response<RequestType>> {
  const now = context.now();
  const today = vietnamDay(now);
  switch (request.type) {
    case 'dossiers/upsert': {
      const { written, ...result } = await upsertDossiers(db, request.dossiers, request.pageUrl, now);
      // A page read again that changed nothing is not announced: no open page reloads the store and the
      // background does not recount its badge.
      if (written.length) context.onChanged(written, 'dossiers');
      return { ok: true, ...result };
    }
    case 'dossiers/get':
      return { ok: true, dossiers: await getDossiers(db, request.codes) };
    case 'dossiers/all':
      return { ok: true, dossiers: await allDossiers(db) };
    case 'tag/set': {
      const result = await setTag(db, request.code, request.input, await context.staffName(), now, today);
      if (!result.ok) return fail(result.code, result.message, result.messageEn);
      context.onChanged([request.code], 'tags');
      return { ok: true, dossier: result.dossier, previous: result.previous };
    }
    case 'tag/set-many': {
      const result = await setTagMany(db, request.codes, request.input, await context.staffName(), now, today);
      if (result.saved.length) context.onChanged(result.saved, 'tags');
      return { ok: true, ...result };
    }
    case 'tag/remove': {
      const previous = await removeTag(db, request.code, await context.staffName(), now);
      if (previous === undefined) return fail('not-found', `Không tìm thấy hồ sơ ${request.code}.`, `Dossier ${request.code} not found.`);
      context.onChanged([request.code], 'tags');
      return { ok: true, previous };
    }
    case 'tag/restore': {
      // Undo puts back a tag this store gave out; still, never a day that cannot be a return day.
      if (request.tag && request.tag.realReturn > today) {
        return fail('invalid-date', 'Ngày trả thực tế sau ngày hôm nay.', 'The real return date is after today.');
      }
      const restored = await restoreTag(db, request.code, request.tag, await context.staffName(), now);
      if (!restored) return fail('not-found', `Không tìm thấy hồ sơ ${request.code}.`, `Dossier ${request.code} not found.`);
      context.onChanged([request.code], 'tags');
      return { ok: true };
    }
    case 'tag/history': {
      const rows = await tagHistory(db, request.code);
      return { ok: true, history: rows.map(({ code, at, by, before, after }) => ({ code, at, by, before, after })) };
    }
    case 'backup/export':
      return { ok: true, backup: await exportBackup(db, now) };
    case 'backup/plan':
    case 'backup/restore': {
      const parsed = parseBackupValue(request.backup);
      if (!parsed.ok) return fail('invalid-request', parsed.message, parsed.messageEn);
      if (request.type === 'backup/plan') return { ok: true, plan: await planBackupRestore(db, parsed.backup) };
      const { plan, codes } = await restoreBackup(db, parsed.backup);
      if (codes.length) context.onChanged([], 'tags');
      return { ok: true, plan };
    }
    case 'dossiers/prune': {
      const result = await pruneDossiers(db, request.before, request.dryRun);
      if (!request.dryRun && result.count) context.onChanged([], 'tags');
      return { ok: true, count: result.count, tagged: result.tagged };
    }
  }
}
