import * as z from 'zod/mini';
import { protocolSchemas } from '@/lib/messaging/protocol';
import type { Problem } from '@/lib/i18n/problem';
import type { PanelModel } from '@/lib/portal/panel-model';

/**
 * What the content script tells the panel's frame, on a port that the frame opens to its own tab's top
 * frame (`tabs.connect(tabId, { frameId: 0 })`). The portal page never sees it: ports run between the
 * extension's contexts only, and the frame is the opener, so it knows the other end is the content
 * script of the very tab it is shown in. The frame still parses every message, as every receiver of the
 * protocol does (docs/architecture.md).
 *
 * Why a port from the frame rather than a relay through the background: one hop instead of two, no
 * per-tab state in a service worker that may stop at any time, and the browser, not our code, decides
 * who the other end is. Measured (tests/bench/tagging.mjs, a busy 2-core machine): a click on a row's
 * tag button until the row shows the tag, through the background, its change event, the content
 * script's re-read and this port, 26-55 ms median over 50 clicks.
 */
export const PAGE_STATE_PORT = 'panel-page-state';

export interface PageState {
  type: 'page';
  /** The late rows of the page as read now, with the tags the store returned for them. */
  model: PanelModel;
  /** Why the page's dossiers could not be saved (database error, lost connection). */
  storeError: Problem | null;
  /** True while what the page shows is not yet in the store: a tag waits for it to be false. */
  saving: boolean;
  /** Codes whose tag is unknown (the page could not be saved): no tag is saved on them. */
  unknown: string[];
}

/** The keyboard shortcut was pressed on the portal page: the frame moves focus into itself. */
export interface FocusRequest {
  type: 'focus';
}

export type FrameMessage = PageState | FocusRequest;

function buildSchema() {
  const { readDossierSchema, tagSchema } = protocolSchemas();
  const text = z.string().check(z.maxLength(20_000));
  const reason = z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('bad-date'), field: z.enum(['received', 'due', 'closed']), text }),
    z.object({ kind: z.literal('missing-due'), text }),
    z.object({ kind: z.literal('missing-code') }),
  ]);
  const count = z.number().check(z.int(), z.minimum(0));
  const verdict = z.enum(['late', 'not-late']);
  const model = z.object({
    lateRows: z.array(
      z.object({
        dossier: readDossierSchema,
        state: z.enum(['late-unclosed', 'late-closed']),
        daysLate: z.number(),
        workingDaysLate: z.null(),
        minutesLate: z.nullable(z.number()),
        check: z.nullable(z.object({ portal: verdict, computed: verdict })),
        tag: z.nullable(tagSchema),
      }),
    ),
    derivedYears: z.array(z.number()),
    readCount: count,
    unreadable: z.array(z.object({ rowIndex: count, code: z.string().check(z.maxLength(200)), reason, raw: z.record(z.string(), text) })),
    tableCount: count,
  });
  return z.discriminatedUnion('type', [
    z.object({
      type: z.literal('page'),
      model,
      storeError: z.nullable(protocolSchemas().problemSchema),
      saving: z.boolean(),
      unknown: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50_000)),
    }),
    z.object({ type: z.literal('focus') }),
  ]);
}

let schema: ReturnType<typeof buildSchema> | undefined;

/** The message if it is one the content script sends, else null (it is then ignored). */
export function parseFrameMessage(raw: unknown): FrameMessage | null {
  const parsed = (schema ??= buildSchema()).safeParse(raw);
  return parsed.success ? (parsed.data as FrameMessage) : null;
}
