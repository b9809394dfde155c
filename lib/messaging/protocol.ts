import * as z from 'zod/mini';
import { OPTIONAL_FIELDS } from '../dossier/model';
import { isIsoDay } from '../calendar/day';

// Extension pages and content scripts forbid eval: tell zod not to try its `new Function` fast path.
z.config({ jitless: true });

/**
 * The one message protocol between the content script / extension pages and the background, which owns
 * the database. Every request is parsed with `requestSchema` in the background before anything runs, and
 * every response and broadcast is parsed by the receiver: a message that does not parse is ignored.
 *
 * Written with zod/mini, not classic zod: this module is in the content script, which runs on every
 * portal page. Classic zod was about 90 KiB there and gives every schema dozens of methods as it is
 * built; compiling and running that made the script's start one long task on the portal (issue 3).
 * zod/mini is the same parser with the same checks, written as functions.
 */

/**
 * The schemas, built on first use rather than when the module loads: building them is a few ms of the
 * content script's start on every portal page (issue 3), and a page first needs them when an answer
 * comes back.
 */
function buildSchemas() {
  /** A real `yyyy-MM-dd` day in the supported years (not just its shape: 2021-02-31 is refused). */
  const isoDay = z.string().check(z.refine(isIsoDay, { message: 'not a real day' }));
  const shortText = z.string().check(z.maxLength(2_000));
  /** Page text can be long and hostile; keep it bounded so one cell can never exhaust storage. */
  const cellText = z.string().check(z.maxLength(20_000));

  const portalDateSchema = z.object({
    day: isoDay,
    time: z.optional(z.string().check(z.regex(/^\d{2}:\d{2}(:\d{2})?$/))),
  });

  const readDossierSchema = z.object({
    code: z.string().check(z.minLength(1), z.maxLength(200)),
    procedure: cellText,
    sector: cellText,
    applicant: cellText,
    received: z.nullable(portalDateSchema),
    due: portalDateSchema,
    closed: z.nullable(portalDateSchema),
    status: cellText,
    unit: cellText,
    handler: z.optional(cellText),
    unmapped: z.optional(z.array(z.enum(OPTIONAL_FIELDS)).check(z.maxLength(OPTIONAL_FIELDS.length))),
  });

  const tagSchema = z.object({
    realReturn: isoDay,
    reason: shortText,
    note: shortText,
    by: z.string().check(z.maxLength(200)),
    at: z.number(),
  });

  const storedDossierSchema = z.extend(readDossierSchema, {
    firstSeen: z.number(),
    lastSeen: z.number(),
    pageUrl: z.string().check(z.maxLength(4_000)),
    tag: z.optional(tagSchema),
  });

  const tagInputSchema = z.object({
    realReturn: z.string().check(z.maxLength(40)),
    reason: z._default(shortText, ''),
    note: z._default(shortText, ''),
  });

  const code = z.string().check(z.maxLength(200));

  const requestSchema = z.discriminatedUnion('type', [
    z.object({
      type: z.literal('dossiers/upsert'),
      pageUrl: z.string().check(z.maxLength(4_000)),
      dossiers: z.array(readDossierSchema).check(z.maxLength(50_000)),
    }),
    z.object({ type: z.literal('dossiers/get'), codes: z.array(code).check(z.maxLength(50_000)) }),
    z.object({ type: z.literal('dossiers/all') }),
    z.object({ type: z.literal('tag/set'), code, input: tagInputSchema }),
    z.object({
      type: z.literal('tag/set-many'),
      codes: z.array(code).check(z.minLength(1), z.maxLength(5_000)),
      input: tagInputSchema,
    }),
    z.object({ type: z.literal('tag/remove'), code }),
    /** Undo: put back exactly the tag a dossier had before (or none). */
    z.object({ type: z.literal('tag/restore'), code, tag: z.nullable(tagSchema) }),
    z.object({ type: z.literal('tag/history'), code }),
    z.object({ type: z.literal('status/get') }),
    z.object({ type: z.literal('backup/export') }),
    /** Validated again in the background with lib/store/backup.ts's schema. */
    z.object({ type: z.literal('backup/plan'), backup: z.unknown() }),
    z.object({ type: z.literal('backup/restore'), backup: z.unknown() }),
    z.object({ type: z.literal('dossiers/prune'), before: z.number(), dryRun: z.boolean() }),
    /** From the content script once its page shows a dossier list: inject the panel's script there. */
    z.object({ type: z.literal('panel/load') }),
  ]);

  const errorCodeSchema = z.enum([
    'invalid-request',
    'forbidden',
    'not-found',
    'invalid-date',
    'database',
    'quota',
    'internal',
  ]);

  const failureSchema = z.object({
    ok: z.literal(false),
    error: z.object({ code: errorCodeSchema, message: z.string(), messageEn: z.optional(z.string()) }),
  });

  const tagHistoryEntrySchema = z.object({
    code: z.string(),
    at: z.number(),
    by: z.string(),
    before: z.nullable(tagSchema),
    after: z.nullable(tagSchema),
  });

  const restorePlanSchema = z.object({
    add: z.number(),
    same: z.number(),
    tagFromBackup: z.number(),
    keepStoreTag: z.number(),
    fieldsFromBackup: z.number(),
    historyRows: z.number(),
  });

  /** The success payload of each request type. */
  const responseSchemas = {
    'dossiers/upsert': z.object({ ok: z.literal(true), stored: z.number(), tags: z.record(z.string(), tagSchema) }),
    'dossiers/get': z.object({ ok: z.literal(true), dossiers: z.array(storedDossierSchema) }),
    'dossiers/all': z.object({ ok: z.literal(true), dossiers: z.array(storedDossierSchema) }),
    'tag/set': z.object({ ok: z.literal(true), dossier: storedDossierSchema, previous: z.nullable(tagSchema) }),
    'tag/set-many': z.object({
      ok: z.literal(true),
      saved: z.array(z.string()),
      refused: z.array(z.object({ code: z.string(), message: z.string(), messageEn: z.string() })),
    }),
    'tag/remove': z.object({ ok: z.literal(true), previous: z.nullable(tagSchema) }),
    'tag/restore': z.object({ ok: z.literal(true) }),
    'tag/history': z.object({ ok: z.literal(true), history: z.array(tagHistoryEntrySchema) }),
    'status/get': z.object({ ok: z.literal(true), stored: z.number(), databaseError: z.nullable(z.string()) }),
    'backup/export': z.object({ ok: z.literal(true), backup: z.unknown() }),
    'backup/plan': z.object({ ok: z.literal(true), plan: restorePlanSchema }),
    'backup/restore': z.object({ ok: z.literal(true), plan: restorePlanSchema }),
    'dossiers/prune': z.object({ ok: z.literal(true), count: z.number(), tagged: z.number() }),
    'panel/load': z.object({ ok: z.literal(true) }),
  } satisfies Record<z.infer<typeof requestSchema>['type'], z.ZodMiniType>;

  /** Broadcast from the background on the `changes` port after every write. */
  const changeKindSchema = z.enum(['dossiers', 'tags']);
  const changeEventSchema = z.object({
    type: z.literal('changed'),
    /** 'dossiers': read fields only (no tag changed); 'tags': tags may have changed. */
    kind: changeKindSchema,
    /** The codes whose tag or fields changed; empty means "reload everything". */
    codes: z.array(z.string()),
  });

  return {
    portalDateSchema,
    readDossierSchema,
    tagSchema,
    storedDossierSchema,
    tagInputSchema,
    requestSchema,
    errorCodeSchema,
    failureSchema,
    tagHistoryEntrySchema,
    restorePlanSchema,
    responseSchemas,
    changeKindSchema,
    changeEventSchema,
  };
}

type ProtocolSchemas = ReturnType<typeof buildSchemas>;
let built: ProtocolSchemas | undefined;
export function protocolSchemas(): ProtocolSchemas {
  return (built ??= buildSchemas());
}

export type Request = z.infer<ProtocolSchemas['requestSchema']>;
export type RequestType = Request['type'];
export type ErrorCode = z.infer<ProtocolSchemas['errorCodeSchema']>;
export type Failure = z.infer<ProtocolSchemas['failureSchema']>;
export type TagHistoryEntry = z.infer<ProtocolSchemas['tagHistoryEntrySchema']>;
export type RestorePlanPayload = z.infer<ProtocolSchemas['restorePlanSchema']>;
export type Success<T extends RequestType> = z.infer<ProtocolSchemas['responseSchemas'][T]>;
export type Response<T extends RequestType> = Success<T> | Failure;
export type ChangeKind = z.infer<ProtocolSchemas['changeKindSchema']>;
export type ChangeEvent = z.infer<ProtocolSchemas['changeEventSchema']>;

/** Parses a response for a request type; a malformed response becomes a failure, never a throw. */
export function parseResponse<T extends RequestType>(type: T, raw: unknown): Response<T> {
  const { failureSchema, responseSchemas } = protocolSchemas();
  const failure = failureSchema.safeParse(raw);
  if (failure.success) return failure.data;
  const success = responseSchemas[type].safeParse(raw);
  if (success.success) return success.data as Success<T>;
  return { ok: false, error: { code: 'internal', message: 'Phản hồi không hợp lệ từ tiện ích.', messageEn: 'Malformed response.' } };
}

/** The port on which the background broadcasts its change events. */
export const CHANGES_PORT = 'dossier-changes';

export function fail(code: ErrorCode, message: string, messageEn?: string): Failure {
  return { ok: false, error: { code, message, messageEn } };
}
