import * as z from 'zod/mini';
import { protocolSchemas } from '@/lib/messaging/protocol';
import type { Problem } from '@/lib/i18n/problem';
import { mergePanelModels, type PanelModel } from '@/lib/portal/panel-model';
import { pointingSchemas } from '@/lib/messaging/pointing';
import type { UnmappedSummary } from '@/lib/portal/pointing';

/**
 * What the content script tells the panel's frame. It travels through the background: the content
 * script of each portal frame of the tab posts its frame's state on a port (`PAGE_SOURCE_PORT`), the
 * panel's frame opens another (`PANEL_STATE_PORT`), and the background pairs them by the tab the browser
 * names as each port's sender (joining the frames' lists), keeping each tab's latest state for a frame
 * that connects later (lib/messaging/page-relay.ts,
 * entrypoints/background/page-relay.ts). The portal page never sees it: ports run between the
 * extension's contexts only. The background and the frame both parse every message, as every receiver
 * of the protocol does (docs/architecture.md).
 *
 * Why a relay and not a port straight between the frame and the content script: Firefox gives an
 * extension page shown in a web page's frame a reduced API, without `tabs` (so it cannot open a port to
 * its tab's content script, as it does in Chromium), and never delivers a content script's
 * `runtime.connect` to such a frame, only to the background. `runtime.connect` from either side to the
 * background works in both browsers, so one path serves both. The price is a hop and per-tab state in a
 * background that may stop: both sides open their port again when it closes, and the content script
 * then posts its latest state again.
 *
 * Measured (tests/bench/tagging.mjs, a busy 2-core machine, Chromium): a click on a row's tag button
 * until the row shows the tag, through the background, its change event, the content script's re-read
 * and the relay: 38 and 40 ms median in two runs of 50 clicks (worst 225 and 373 ms); with the frame's
 * own port to its tab, in runs alternating with those: 27 and 35 ms (worst 81 and 123 ms). About 5 to
 * 10 ms more for the hop, under a load average of 9 to 12 on 2 cores.
 */
export interface PageState {
  type: 'page';
  /** The late rows of the page as read now, with the tags the store returned for them. */
  model: PanelModel;
  /** Why the page's dossiers could not be saved (database error, lost connection). */
  storeError: Problem | null;
  /** True while what the page shows is not yet in the store: a tag waits for it to be false. */
  saving: boolean;
  /** The dossiers not saved will be tried again (the panel says so rather than asking for a reload). */
  retrying?: boolean;
  /** Codes whose tag is unknown (the page could not be saved): no tag is saved on them. */
  unknown: string[];
  /** List-like tables the reader could not name (docs/architecture.md, "Pointing"); absent: none. */
  unmapped?: UnmappedSummary[];
  /** The page's portal origin and path pattern, under which a mapping is saved. */
  where?: { origin: string; pathPattern: string } | null;
  /** The candidate whose headings the page highlights, and the heading staff clicked there, if any. */
  pointing?: { table: number; heading: number | null } | null;
}

/**
 * The state the panel shows for a page whose lists are in several frames (the top page's first, then
 * its same-origin frames'): one list, each code once; saving while any frame saves; the first error;
 * the tables to point at and the pointing state are the top page's.
 */
export function combinePageStates(states: PageState[]): PageState {
  if (states.length === 1) return states[0]!;
  const unknown = new Set<string>();
  for (const state of states) for (const code of state.unknown) unknown.add(code);
  const top = states[0]!;
  return {
    // Pointing works on the top page's tables only (the relay sends the panel's requests there).
    ...top,
    type: 'page',
    model: mergePanelModels(states.map((state) => state.model)),
    storeError: states.find((state) => state.storeError)?.storeError ?? null,
    retrying: states.find((state) => state.storeError)?.retrying ?? false,
    saving: states.some((state) => state.saving),
    unknown: [...unknown],
  };
}

/** The keyboard shortcut was pressed on the portal page: the frame moves focus into itself. */
export interface FocusRequest {
  type: 'focus';
}

export type FrameMessage = PageState | FocusRequest;

function buildSchema() {
  const { readDossierSchema, tagSchema, decisionStateSchema } = protocolSchemas();
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
        decided: z.optional(decisionStateSchema),
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
      retrying: z.optional(z.boolean()),
      unknown: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50_000)),
      unmapped: z.optional(pointingSchemas().unmappedSchema),
      where: z.optional(pointingSchemas().whereSchema),
      pointing: z.optional(pointingSchemas().pointingSchema),
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
