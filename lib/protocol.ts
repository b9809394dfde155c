import { z } from 'zod';
import { OPTIONAL_FIELDS } from './dossier';
import { isIsoDay } from './day';

// Extension pages and content scripts forbid eval: tell zod not to try its `new Function` fast path.
z.config({ jitless: true });

/**
 * The one message protocol between the content script / extension pages and the background, which owns
 * the database. Every request is parsed with `requestSchema` in the background before anything runs, and
 * every response and broadcast is parsed by the receiver: a message that does not parse is ignored.
 */

/** A real `yyyy-MM-dd` day in the supported years (not just its shape: 2021-02-31 is refused). */
const isoDay = z.string().refine(isIsoDay, { message: 'not a real day' });
const shortText = z.string().max(2_000);
/** Page text can be long and hostile; keep it bounded so one cell can never exhaust storage. */
const cellText = z.string().max(20_000);

export const portalDateSchema = z.object({
  day: isoDay,
  time: z
    .string()
    .regex(/^\d{2}:\d{2}(:\d{2})?$/)
    .optional(),
});

export const readDossierSchema = z.object({
  code: z.string().min(1).max(200),
  procedure: cellText,
  sector: cellText,
  applicant: cellText,
  received: portalDateSchema.nullable(),
  due: portalDateSchema,
  closed: portalDateSchema.nullable(),
  status: cellText,
  unit: cellText,
  unmapped: z.array(z.enum(OPTIONAL_FIELDS)).max(OPTIONAL_FIELDS.length).optional(),
});

export const tagSchema = z.object({
  realReturn: isoDay,
  reason: shortText,
  note: shortText,
  by: z.string().max(200),
  at: z.number(),
});

export const storedDossierSchema = readDossierSchema.extend({
  firstSeen: z.number(),
  lastSeen: z.number(),
  pageUrl: z.string().max(4_000),
  tag: tagSchema.optional(),
});

export const tagInputSchema = z.object({
  realReturn: z.string().max(40),
  reason: shortText.default(''),
  note: shortText.default(''),
});

export const requestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('dossiers/upsert'),
    pageUrl: z.string().max(4_000),
    dossiers: z.array(readDossierSchema).max(50_000),
  }),
  z.object({ type: z.literal('dossiers/get'), codes: z.array(z.string().max(200)).max(50_000) }),
  z.object({ type: z.literal('dossiers/all') }),
  z.object({ type: z.literal('tag/set'), code: z.string().max(200), input: tagInputSchema }),
  z.object({
    type: z.literal('tag/set-many'),
    codes: z.array(z.string().max(200)).min(1).max(5_000),
    input: tagInputSchema,
  }),
  z.object({ type: z.literal('tag/remove'), code: z.string().max(200) }),
  /** Undo: put back exactly the tag a dossier had before (or none). */
  z.object({ type: z.literal('tag/restore'), code: z.string().max(200), tag: tagSchema.nullable() }),
  z.object({ type: z.literal('tag/history'), code: z.string().max(200) }),
  z.object({ type: z.literal('status/get') }),
  z.object({ type: z.literal('backup/export') }),
  /** Validated again in the background with lib/backup.ts's schema. */
  z.object({ type: z.literal('backup/plan'), backup: z.unknown() }),
  z.object({ type: z.literal('backup/restore'), backup: z.unknown() }),
  z.object({ type: z.literal('dossiers/prune'), before: z.number(), dryRun: z.boolean() }),
]);
export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];

export const errorCodeSchema = z.enum([
  'invalid-request',
  'forbidden',
  'not-found',
  'invalid-date',
  'database',
  'quota',
  'internal',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const failureSchema = z.object({
  ok: z.literal(false),
  error: z.object({ code: errorCodeSchema, message: z.string(), messageEn: z.string().optional() }),
});
export type Failure = z.infer<typeof failureSchema>;

const tagHistoryEntrySchema = z.object({
  code: z.string(),
  at: z.number(),
  by: z.string(),
  before: tagSchema.nullable(),
  after: tagSchema.nullable(),
});
export type TagHistoryEntry = z.infer<typeof tagHistoryEntrySchema>;

const restorePlanSchema = z.object({
  add: z.number(),
  same: z.number(),
  tagFromBackup: z.number(),
  keepStoreTag: z.number(),
  fieldsFromBackup: z.number(),
  historyRows: z.number(),
});
export type RestorePlanPayload = z.infer<typeof restorePlanSchema>;

/** The success payload of each request type. */
export const responseSchemas = {
  'dossiers/upsert': z.object({ ok: z.literal(true), stored: z.number(), tags: z.record(z.string(), tagSchema) }),
  'dossiers/get': z.object({ ok: z.literal(true), dossiers: z.array(storedDossierSchema) }),
  'dossiers/all': z.object({ ok: z.literal(true), dossiers: z.array(storedDossierSchema) }),
  'tag/set': z.object({ ok: z.literal(true), dossier: storedDossierSchema, previous: tagSchema.nullable() }),
  'tag/set-many': z.object({
    ok: z.literal(true),
    saved: z.array(z.string()),
    refused: z.array(z.object({ code: z.string(), message: z.string(), messageEn: z.string() })),
  }),
  'tag/remove': z.object({ ok: z.literal(true), previous: tagSchema.nullable() }),
  'tag/restore': z.object({ ok: z.literal(true) }),
  'tag/history': z.object({ ok: z.literal(true), history: z.array(tagHistoryEntrySchema) }),
  'status/get': z.object({ ok: z.literal(true), stored: z.number(), databaseError: z.string().nullable() }),
  'backup/export': z.object({ ok: z.literal(true), backup: z.unknown() }),
  'backup/plan': z.object({ ok: z.literal(true), plan: restorePlanSchema }),
  'backup/restore': z.object({ ok: z.literal(true), plan: restorePlanSchema }),
  'dossiers/prune': z.object({ ok: z.literal(true), count: z.number(), tagged: z.number() }),
} satisfies Record<RequestType, z.ZodType>;

export type Success<T extends RequestType> = z.infer<(typeof responseSchemas)[T]>;
export type Response<T extends RequestType> = Success<T> | Failure;

/** Parses a response for a request type; a malformed response becomes a failure, never a throw. */
export function parseResponse<T extends RequestType>(type: T, raw: unknown): Response<T> {
  const failure = failureSchema.safeParse(raw);
  if (failure.success) return failure.data;
  const success = responseSchemas[type].safeParse(raw);
  if (success.success) return success.data as Success<T>;
  return { ok: false, error: { code: 'internal', message: 'Phản hồi không hợp lệ từ tiện ích.', messageEn: 'Malformed response.' } };
}

/** Broadcast from the background on the `changes` port after every write. */
export const CHANGES_PORT = 'dossier-changes';
export const changeKindSchema = z.enum(['dossiers', 'tags']);
export type ChangeKind = z.infer<typeof changeKindSchema>;
export const changeEventSchema = z.object({
  type: z.literal('changed'),
  /** 'dossiers': read fields only (no tag changed); 'tags': tags may have changed. */
  kind: changeKindSchema,
  /** The codes whose tag or fields changed; empty means "reload everything". */
  codes: z.array(z.string()),
});
export type ChangeEvent = z.infer<typeof changeEventSchema>;

export function fail(code: ErrorCode, message: string, messageEn?: string): Failure {
  return { ok: false, error: { code, message, messageEn } };
}
