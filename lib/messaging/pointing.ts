import * as z from 'zod/mini';
import { DOSSIER_FIELDS } from '../dossier/model';
import { columnMappingSchemas } from '../portal/column-mappings';
import { SUMMARY_LIMITS } from '../portal/pointing';

/**
 * The messages of pointing at a column (docs/architecture.md, "Pointing"), all through the page-state
 * relay, all parsed by their receiver:
 * - content script → panel, inside the page state: the candidate tables the reader could not name
 *   (`unmapped`), the page's origin and path pattern (`where`), and which candidate it highlights and
 *   which heading staff clicked (`pointing`);
 * - panel → content script: start highlighting a candidate's headings (`point`), stop (`point-stop`).
 * The content script never chooses a field nor saves: the panel does, with the `column-mappings/save`
 * request to the background.
 */

export const POINTING_LIMITS = SUMMARY_LIMITS;

/** Panel → content script. */
export type PanelToPage = { type: 'point'; table: number } | { type: 'point-stop' };

function buildSchemas() {
  const field = z.enum(DOSSIER_FIELDS);
  const index = z.number().check(z.int(), z.minimum(0), z.maximum(1_000));
  const text = (max: number) => z.string().check(z.maxLength(max));
  const unmappedSchema = z
    .array(
      z.object({
        headings: z.array(text(POINTING_LIMITS.heading)).check(z.maxLength(POINTING_LIMITS.headings)),
        found: z.array(field).check(z.maxLength(DOSSIER_FIELDS.length)),
        missing: z.array(field).check(z.maxLength(DOSSIER_FIELDS.length)),
        labels: z
          .array(z.object({ label: text(POINTING_LIMITS.heading), sample: text(POINTING_LIMITS.sample) }))
          .check(z.maxLength(POINTING_LIMITS.labels)),
      }),
    )
    .check(z.maxLength(POINTING_LIMITS.tables));
  const { origin, pathPattern } = columnMappingSchemas();
  const whereSchema = z.nullable(z.object({ origin, pathPattern }));
  const pointingSchema = z.nullable(z.object({ table: index, heading: z.nullable(index) }));
  const panelToPageSchema = z.discriminatedUnion('type', [
    z.object({ type: z.literal('point'), table: index }),
    z.object({ type: z.literal('point-stop') }),
  ]);
  return { unmappedSchema, whereSchema, pointingSchema, panelToPageSchema };
}

let built: ReturnType<typeof buildSchemas> | undefined;
export function pointingSchemas() {
  return (built ??= buildSchemas());
}

/** A message from the panel to the page, or null when it is not one (it is then dropped). */
export function parsePanelToPage(raw: unknown): PanelToPage | null {
  const parsed = pointingSchemas().panelToPageSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
