import * as z from 'zod/mini';
import { fail, shapes, type ChangeKind, type Failure, type Shapes } from './schemas';
import type { TabCodes } from './tab-codes';
import type { DossierDatabase } from '../store/db';
import type { Problem } from '../i18n/problem';
import type * as Store from '../store';
import { vietnamNow } from '../calendar/day';
import { columnMappingSchemas } from '../portal/column-mappings';
import { restoreMappings, saveMapping, type MappingStore } from './mapping-store';

/**
 * Every request of the protocol, declared once: what it carries, what it answers, who may send it and
 * what the background does with it. The request union, the sender policy and the dispatcher
 * (handler.ts) are derived from this table, so a new request is one new row. See docs/architecture.md.
 *
 * Senders: 'portal' is a content script on a portal page (the page's own scripts share its frame, so it
 * is trusted only with what it read itself); 'extension-page' is one of the extension's own pages
 * (popup, options, the panel's frame). Portal pages may send what they read and learn the tag states
 * of the codes their tab sent; everything that changes or exports decisions is for extension pages.
 *
 * The content script loads this table for its response schemas: handlers reach the store only through
 * `ctx.store` (a type-only import here), so Dexie stays out of the content script.
 */

export type SenderKind = 'portal' | 'extension-page';

/** What a handler gets besides its request. */
export interface OpenContext {
  db: DossierDatabase | null;
  databaseError: string | null;
  store: typeof Store;
  staffName: () => Promise<string>;
  now: () => number;
  onChanged: (codes: string[], kind: ChangeKind) => void;
  sender: { kind: SenderKind; tabId?: number };
  /** The codes each tab sent; a portal page's reads are limited to its own. */
  tabCodes: TabCodes;
  /** The saved column mappings (in the settings), where the background gives them. */
  mappings?: MappingStore;
}
export type { MappingStore };

export type StoreContext = OpenContext & { db: DossierDatabase };

interface Row<Req extends z.ZodMiniObject, Res extends z.ZodMiniObject, C> {
  senders: readonly SenderKind[];
  /** The refusal sent to a sender not in `senders`, when it is not the usual "extension pages only". */
  forbidden?: Problem;
  /** The request's fields besides `type`. */
  request: (s: Shapes) => Req;
  /** The success payload's fields besides `ok`. */
  response: (s: Shapes) => Res;
  handle: (request: z.output<Req>, ctx: C) => Promise<({ ok: true } & Plain<z.input<Res>>) | Failure>;
}

/** zod types an empty object as Record<string, never> (no key at all may be added); a request without fields has none of its own. */
type Plain<T> = string extends keyof T ? Record<never, never> : T;

/** A request that needs the database: the dispatcher answers for it when the database is not open. */
function store<Req extends z.ZodMiniObject, Res extends z.ZodMiniObject>(row: Row<Req, Res, StoreContext>) {
  return { ...row, database: true as const };
}
/** A request answered without the database. */
function open<Req extends z.ZodMiniObject, Res extends z.ZodMiniObject>(row: Row<Req, Res, OpenContext>) {
  return { ...row, database: false as const };
}

const EXTENSION = ['extension-page'] as const;
const ANYONE = ['portal', 'extension-page'] as const;
const expected = (s: Shapes) => z.optional(z.nullable(s.eventId));

function notFound(code: string): Failure {
  return fail('not-found', { code: 'dossier-not-found', dossier: code });
}

export const REQUESTS = {
  'dossiers/upsert': store({
    senders: ANYONE,
    request: (s) =>
      z.object({ pageUrl: z.string().check(z.maxLength(4_000)), dossiers: z.array(s.shownReadSchema).check(z.maxLength(50_000)) }),
    // Pairs, not an object keyed by code: a code such as `__proto__` must never read as a key of Object.
    response: (s) =>
      z.object({
        stored: z.number(),
        tags: z.pipe(
          z.array(z.tuple([z.string(), s.tagSchema])),
          z.transform((pairs) => new Map(pairs)),
        ),
        /** Each code's latest decision and read kept aside, where it has one (a decision to edit from). */
        decisions: z.pipe(
          z.array(z.tuple([z.string(), s.decisionStateSchema])),
          z.transform((pairs) => new Map(pairs)),
        ),
      }),
    async handle(request, ctx) {
      const { written, tags, decisions, stored } = await ctx.store.upsertDossiers(ctx.db, request.dossiers, request.pageUrl, ctx.now());
      if (ctx.sender.tabId !== undefined) ctx.tabCodes.add(ctx.sender.tabId, request.dossiers.map((dossier) => dossier.code));
      // A page read again that changed nothing is not announced: no open page reloads the store and the
      // background does not recount its badge.
      if (written.length) ctx.onChanged(written, 'dossiers');
      return { ok: true, stored, tags: [...tags], decisions: [...decisions] };
    },
  }),
  'dossiers/get': store({
    senders: ANYONE,
    request: (s) => z.object({ codes: z.array(s.code).check(z.maxLength(50_000)) }),
    response: (s) => z.object({ dossiers: z.array(s.storedDossierSchema) }),
    async handle(request, ctx) {
      const { kind, tabId } = ctx.sender;
      // A portal page learns only about what its own tab read.
      const limited = kind === 'portal';
      const codes = limited ? (tabId === undefined ? [] : ctx.tabCodes.sentBy(tabId, request.codes)) : request.codes;
      return { ok: true, dossiers: await ctx.store.getDossiers(ctx.db, codes) };
    },
  }),
  'dossiers/all': store({
    senders: EXTENSION,
    request: () => z.object({}),
    response: (s) => z.object({ dossiers: z.array(s.storedDossierSchema) }),
    handle: async (_request, ctx) => ({ ok: true, dossiers: await ctx.store.allDossiers(ctx.db) }),
  }),
  /** Tags one dossier; with `expected` (the decision it started from), only if none was made since. */
  'tag/set': store({
    senders: EXTENSION,
    request: (s) => z.object({ code: s.code, input: s.tagInputSchema, expected: expected(s) }),
    response: (s) => z.object({ dossier: s.storedDossierSchema, previous: z.nullable(s.tagSchema), event: s.eventId }),
    async handle(request, ctx) {
      const now = ctx.now();
      const result = await ctx.store.setTag(ctx.db, request.code, request.input, await ctx.staffName(), now, vietnamNow(now), request.expected);
      if (!result.ok) return fail(result.code, result.problem);
      ctx.onChanged([request.code], 'tags');
      return { ok: true, dossier: result.dossier, previous: result.previous, event: result.event };
    },
  }),
  'tag/set-many': store({
    senders: EXTENSION,
    // `expected`: the decision the panel saw of each code it names (null: none); a code decided since is
    // refused as a conflict. A code left out is not checked.
    request: (s) =>
      z.object({
        codes: z.array(s.code).check(z.minLength(1), z.maxLength(5_000)),
        input: s.tagInputSchema,
        expected: z.optional(
          z.record(s.code, z.nullable(s.eventId)).check(z.refine((record) => Object.keys(record).length <= 5_000)),
        ),
      }),
    response: (s) => z.object({ saved: z.array(z.string()), refused: z.array(s.refusedSchema) }),
    async handle(request, ctx) {
      const now = ctx.now();
      const expected = new Map(Object.entries(request.expected ?? {}));
      const by = await ctx.staffName();
      const result = await ctx.store.setTagMany(ctx.db, request.codes, request.input, by, now, vietnamNow(now), expected);
      if (result.saved.length) ctx.onChanged(result.saved, 'tags');
      return { ok: true, ...result };
    },
  }),
  /** Removes a tag: a removal is a decision too (`event`, null when there was no tag to remove). */
  'tag/remove': store({
    senders: EXTENSION,
    request: (s) => z.object({ code: s.code, expected: expected(s) }),
    response: (s) => z.object({ previous: z.nullable(s.tagSchema), event: z.nullable(s.eventId) }),
    async handle(request, ctx) {
      const result = await ctx.store.removeTag(ctx.db, request.code, await ctx.staffName(), ctx.now(), request.expected);
      if (!result.ok) return result.code === 'not-found' ? notFound(request.code) : fail(result.code, result.problem);
      if (result.event) ctx.onChanged([request.code], 'tags');
      return { ok: true, previous: result.previous, event: result.event };
    },
  }),
  /** Undoes one decision (named by its event) while it is still the dossier's latest; else a conflict. */
  'tag/undo': store({
    senders: EXTENSION,
    request: (s) => z.object({ code: s.code, event: s.eventId }),
    response: (s) => z.object({ dossier: s.storedDossierSchema, previous: z.nullable(s.tagSchema), event: s.eventId }),
    async handle(request, ctx) {
      const now = ctx.now();
      const result = await ctx.store.undoTag(ctx.db, request.code, request.event, await ctx.staffName(), now, vietnamNow(now));
      if (!result.ok) return fail(result.code, result.problem);
      ctx.onChanged([request.code], 'tags');
      return { ok: true, dossier: result.dossier, previous: result.previous, event: result.event };
    },
  }),
  'tag/history': store({
    senders: EXTENSION,
    request: (s) => z.object({ code: s.code }),
    response: (s) => z.object({ history: z.array(s.tagHistoryEntrySchema) }),
    async handle(request, ctx) {
      const rows = await ctx.store.tagHistory(ctx.db, request.code);
      return { ok: true, history: rows.map(({ id: _id, ...row }) => row) };
    },
  }),
  'status/get': open({
    senders: EXTENSION,
    request: () => z.object({}),
    response: () => z.object({ stored: z.number(), databaseError: z.nullable(z.string()) }),
    async handle(_request, ctx) {
      const stored = ctx.db ? await ctx.db.dossiers.count().catch(() => 0) : 0;
      return { ok: true, stored, databaseError: ctx.databaseError };
    },
  }),
  'backup/export': store({
    senders: EXTENSION,
    request: () => z.object({}),
    response: () => z.object({ backup: z.unknown() }),
    handle: async (_request, ctx) => ({
      ok: true,
      // The saved column mappings live in the settings; the backup carries them too.
      backup: ctx.store.withColumnMappings(await ctx.store.exportBackup(ctx.db, ctx.now()), (await ctx.mappings?.list()) ?? []),
    }),
  }),
  /** The backup is validated again in the background with lib/store/backup.ts's schema and rules. */
  'backup/plan': store({
    senders: EXTENSION,
    request: () => z.object({ backup: z.unknown() }),
    response: (s) => z.object({ plan: s.restorePlanSchema }),
    async handle(request, ctx) {
      const parsed = ctx.store.parseBackupValue(request.backup);
      if (!parsed.ok) return fail('invalid-request', parsed.problem);
      return { ok: true, plan: await ctx.store.planBackupRestore(ctx.db, parsed.backup, ctx.now()) };
    },
  }),
  'backup/restore': store({
    senders: EXTENSION,
    request: () => z.object({ backup: z.unknown() }),
    response: (s) => z.object({ plan: s.restorePlanSchema }),
    async handle(request, ctx) {
      const parsed = ctx.store.parseBackupValue(request.backup);
      if (!parsed.ok) return fail('invalid-request', parsed.problem);
      const { plan, codes } = await ctx.store.restoreBackup(ctx.db, parsed.backup, ctx.now());
      if (ctx.mappings) await restoreMappings(ctx.mappings, ctx.store.screenBackupMappings(parsed.backup, ctx.now(), ctx.mappings.isPortalOrigin));
      if (codes.length) ctx.onChanged([], 'tags');
      return { ok: true, plan };
    },
  }),
  /** Puts back what the last restore changed, except records decided on since. */
  'backup/undo-restore': store({
    senders: EXTENSION,
    request: () => z.object({}),
    response: () => z.object({ reverted: z.number(), kept: z.number() }),
    async handle(_request, ctx) {
      const result = await ctx.store.undoLastRestore(ctx.db);
      if (!result.ok) return fail(result.code, result.problem);
      if (result.codes.length) ctx.onChanged([], 'tags');
      return { ok: true, reverted: result.reverted, kept: result.kept };
    },
  }),
  'dossiers/prune': store({
    senders: EXTENSION,
    request: () => z.object({ before: z.number(), dryRun: z.boolean() }),
    response: () => z.object({ count: z.number(), tagged: z.number() }),
    async handle(request, ctx) {
      const result = await ctx.store.pruneDossiers(ctx.db, request.before, request.dryRun);
      if (!request.dryRun && result.count) ctx.onChanged([], 'tags');
      return { ok: true, count: result.count, tagged: result.tagged };
    },
  }),
  /**
   * Adds headings and labels staff pointed at to the mapping of a portal page (the panel's frame only:
   * the page can at most propose a heading, never choose its field nor save). Refused for an origin the
   * extension does not run on.
   */
  'column-mappings/save': open({
    senders: EXTENSION,
    request: () => {
      const { origin, pathPattern, entries } = columnMappingSchemas();
      return z.object({ origin, pathPattern, headings: entries, labels: entries });
    },
    response: () => z.object({ mappings: z.number() }),
    handle: async (request, ctx) => (ctx.mappings ? saveMapping(ctx.mappings, request, ctx.now()) : fail('internal', { code: 'request-invalid' })),
  }),
};

type Table = typeof REQUESTS;
export type RequestType = keyof Table;
type Fields<T extends RequestType> = Plain<z.output<ReturnType<Table[T]['request']>>>;
export type Request = { [T in RequestType]: { type: T } & Fields<T> }[RequestType];
export type Success<T extends RequestType> = { ok: true } & Plain<z.output<ReturnType<Table[T]['response']>>>;
export type Response<T extends RequestType> = Success<T> | Failure;

/** Whether a sender of this kind may send this request. */
export function allows(type: RequestType, kind: SenderKind): boolean {
  const row: { senders: readonly SenderKind[] } = REQUESTS[type];
  return row.senders.includes(kind);
}

function buildSchemas() {
  const s = shapes();
  const types = Object.keys(REQUESTS) as RequestType[];
  const requests = types.map((type) => z.extend(REQUESTS[type].request(s), { type: z.literal(type) }));
  const responses = new Map(types.map((type) => [type, z.extend(REQUESTS[type].response(s), { ok: z.literal(true) })]));
  const [first, ...rest] = requests;
  if (!first) throw new Error('the requests table is empty');
  return { requestSchema: z.discriminatedUnion('type', [first, ...rest]), responses };
}
let built: ReturnType<typeof buildSchemas> | undefined;
/** The request union and each response schema, built on first use (see schemas.ts for why). */
export function requestSchemas() {
  return (built ??= buildSchemas());
}

/** Parses a response for a request type; a malformed response becomes a failure, never a throw. */
export function parseResponse<T extends RequestType>(type: T, raw: unknown): Response<T> {
  const failure = shapes().failureSchema.safeParse(raw);
  if (failure.success) return failure.data;
  const success = requestSchemas().responses.get(type)?.safeParse(raw);
  if (success?.success) return success.data as Success<T>;
  return fail('internal', { code: 'response-malformed' });
}
