import * as z from 'zod/mini';
import { OPTIONAL_FIELDS, type ReadDossier } from '../dossier/model';
import { completeRead, type ShownRead } from '../dossier/shown';
import { isIsoDay } from '../calendar/day';
import type { Problem } from '../i18n/problem';

// Extension pages and content scripts forbid eval: tell zod not to try its `new Function` fast path.
z.config({ jitless: true });

/**
 * The shapes the requests of lib/messaging/requests.ts are made of: a dossier as read and as stored, a
 * tag, a history row, a failure, a change event.
 *
 * Written with zod/mini, not classic zod: this module is in the content script, which runs on every
 * portal page. Classic zod was about 90 KiB there and gives every schema dozens of methods as it is
 * built; compiling and running that made the script's start one long task on the portal.
 *
 * Built on first use rather than when the module loads: building them is a few ms of the content
 * script's start on every portal page, and a page first needs them when an answer comes back.
 */
function buildShapes() {
  /** A real `yyyy-MM-dd` day in the supported years (not just its shape: 2021-02-31 is refused). */
  const isoDay = z.string().check(z.refine(isIsoDay, { message: 'not a real day' }));
  const shortText = z.string().check(z.maxLength(2_000));
  /** Page text can be long and hostile; keep it bounded so one cell can never exhaust storage. */
  const cellText = z.string().check(z.maxLength(20_000));
  const code = z.string().check(z.maxLength(200));
  /** An event id given out by the background (a UUID; bounded so a backup cannot carry a huge one). */
  const eventId = z.string().check(z.minLength(1), z.maxLength(100));

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
    due: z.nullable(portalDateSchema),
    closed: z.nullable(portalDateSchema),
    status: cellText,
    unit: cellText,
    handler: z.optional(cellText),
    verdict: z.optional(z.enum(['late', 'not-late'])),
    unmapped: z.optional(z.array(z.enum(OPTIONAL_FIELDS)).check(z.maxLength(OPTIONAL_FIELDS.length))),
  });

  /**
   * A dossier as a page sends it: an optional field the page did not show (a column scrolled out of view)
   * may be absent. It arrives completed as not shown (lib/dossier/shown.ts): listed in `unmapped`, so the
   * store keeps what it knows; a field shown empty ('' or null) stays an empty value. The appointment
   * stays a required key (null where the page never showed one): a message without it is malformed.
   */
  const completeSent = (read: Omit<ShownRead, 'due'> & Pick<ReadDossier, 'due'>): ReadDossier => completeRead(read);
  const shownReadSchema = z.pipe(
    z.extend(readDossierSchema, {
      procedure: z.optional(cellText),
      sector: z.optional(cellText),
      applicant: z.optional(cellText),
      received: z.optional(z.nullable(portalDateSchema)),
      closed: z.optional(z.nullable(portalDateSchema)),
      status: z.optional(cellText),
      unit: z.optional(cellText),
    }),
    z.transform(completeSent),
  );

  const tagSchema = z.object({
    realReturn: isoDay,
    time: z.optional(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/))),
    reason: shortText,
    note: shortText,
    by: z.string().check(z.maxLength(200)),
    at: z.number(),
  });

  /** The latest tag decision on a dossier (a tag or its removal), as the background stamped it. */
  const decisionSchema = z.object({ id: eventId, at: z.number() });

  /** Read values that differ from what a tagged dossier holds, kept aside rather than written over it. */
  const pendingReadSchema = z.object({
    due: z.nullable(portalDateSchema),
    closed: z.nullable(portalDateSchema),
    at: z.number(),
  });

  /** What a page learns of a dossier's decision besides its tag (`DecisionState`, lib/dossier/model.ts). */
  const decisionStateSchema = z.object({
    decision: z.nullable(eventId),
    pendingRead: z.optional(
      z.extend(pendingReadSchema, { stored: z.object({ due: z.nullable(portalDateSchema), closed: z.nullable(portalDateSchema) }) }),
    ),
  });

  const storedDossierSchema = z.extend(readDossierSchema, {
    firstSeen: z.number(),
    lastSeen: z.number(),
    pageUrl: z.string().check(z.maxLength(4_000)),
    tag: z.optional(tagSchema),
    decision: z.optional(decisionSchema),
    pendingRead: z.optional(pendingReadSchema),
  });

  const tagInputSchema = z.object({
    realReturn: z.string().check(z.maxLength(40)),
    time: z.optional(z.string().check(z.maxLength(20))),
    reason: z._default(shortText, ''),
    note: z._default(shortText, ''),
  });

  const errorCodeSchema = z.enum([
    'invalid-request',
    'forbidden',
    'not-found',
    'invalid-date',
    'conflict',
    'database',
    'quota',
    'internal',
  ]);

  /**
   * A problem on the wire: its code and display-ready fields (lib/i18n/problem.ts). Its wording is the
   * receiver's, in the receiver's language.
   */
  const problemSchema = z.custom<Problem>(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      typeof (value as { code?: unknown }).code === 'string' &&
      Object.values(value).every((field) => typeof field === 'string' || typeof field === 'number'),
  );

  /**
   * A failure is `{ ok: false, error: { code, problem } }`: `code` is the protocol's kind of failure, which
   * callers branch on (retry, quota, not found, conflict), and `problem` says what happened, for the UI to
   * word.
   */
  const failureSchema = z.object({
    ok: z.literal(false),
    error: z.object({ code: errorCodeSchema, problem: problemSchema }),
  });

  /** A read that changed the appointment or closing of a tagged dossier, as its history records it. */
  const readChangeSchema = z.object({
    from: z.object({ due: z.nullable(portalDateSchema), closed: z.nullable(portalDateSchema) }),
    to: z.object({ due: z.nullable(portalDateSchema), closed: z.nullable(portalDateSchema) }),
  });

  const tagHistoryEntrySchema = z.object({
    code: z.string().check(z.minLength(1), z.maxLength(200)),
    at: z.number(),
    by: z.string().check(z.maxLength(200)),
    before: z.nullable(tagSchema),
    after: z.nullable(tagSchema),
    /** The decision this row made (absent on rows older than decisions, and on read changes). */
    event: z.optional(eventId),
    /** Set on a row that records a read kept aside (`pendingRead`), not a tag change. */
    read: z.optional(readChangeSchema),
  });

  const refusedSchema = z.object({ code: z.string(), problem: problemSchema });

  const restorePlanSchema = z.object({
    add: z.number(),
    same: z.number(),
    tagFromBackup: z.number(),
    keepStoreTag: z.number(),
    fieldsFromBackup: z.number(),
    historyRows: z.number(),
    /** Backup rows that break the tagging rules or carry impossible times: not restored. */
    refused: z.array(refusedSchema),
  });

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
    isoDay,
    shortText,
    code,
    eventId,
    portalDateSchema,
    readDossierSchema,
    shownReadSchema,
    tagSchema,
    decisionSchema,
    pendingReadSchema,
    storedDossierSchema,
    decisionStateSchema,
    tagInputSchema,
    errorCodeSchema,
    problemSchema,
    failureSchema,
    tagHistoryEntrySchema,
    refusedSchema,
    restorePlanSchema,
    changeKindSchema,
    changeEventSchema,
  };
}

export type Shapes = ReturnType<typeof buildShapes>;
let built: Shapes | undefined;
export function shapes(): Shapes {
  return (built ??= buildShapes());
}

export type ErrorCode = z.infer<Shapes['errorCodeSchema']>;
export type Failure = z.infer<Shapes['failureSchema']>;
export type TagHistoryEntry = z.infer<Shapes['tagHistoryEntrySchema']>;
export type RestorePlanPayload = z.infer<Shapes['restorePlanSchema']>;
export type ChangeKind = z.infer<Shapes['changeKindSchema']>;
export type ChangeEvent = z.infer<Shapes['changeEventSchema']>;

export function fail(code: ErrorCode, problem: Problem): Failure {
  return { ok: false, error: { code, problem } };
}
