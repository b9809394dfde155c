import { OPTIONAL_FIELDS, type OptionalField, type ReadDossier } from './model';

/**
 * "Not shown" is not "empty" (docs/domain.md, "What the reader must do"). A list may lack a column
 * (no closing date at all), or a grid may draw only the columns in view (column virtualisation): either
 * way the row says nothing about that field. The reader then leaves the property out, or lists the field
 * in `unmapped`; a field shown empty (a closing date really blank) is present, as '' or null.
 *
 * Everything downstream (the panel's model, the signature of what was sent, the store) works on whole
 * dossiers, so a read is completed once, where it enters: each absent field gets its empty value and is
 * listed in `unmapped`, which the store already keeps its stored value for.
 */

/** A dossier as a reader may give it: an optional field it did not see is absent. */
export type ShownRead = Omit<ReadDossier, OptionalField> & Partial<Pick<ReadDossier, OptionalField>>;

type Filled = Exclude<OptionalField, 'handler'>;
const EMPTY: Pick<ReadDossier, Filled> = {
  procedure: '',
  sector: '',
  applicant: '',
  received: null,
  closed: null,
  status: '',
  unit: '',
  due: null,
};

/**
 * The whole dossier: absent optional fields filled with their empty value and listed in `unmapped`.
 * The same object when nothing is absent (the reader's usual case costs one pass over eight keys).
 * `handler` stays absent, as the reader gives it where the list has no such column; it is listed.
 */
export function completeRead(read: ShownRead): ReadDossier {
  let missing: OptionalField[] | null = null;
  for (const field of OPTIONAL_FIELDS) {
    if (read[field] !== undefined) continue;
    if (field !== 'handler' || !read.unmapped?.includes(field)) (missing ??= []).push(field);
  }
  if (missing === null) return read as ReadDossier;
  const complete = { ...read } as ReadDossier;
  for (const field of missing) if (field !== 'handler') fill(complete, field);
  const unmapped = new Set<OptionalField>(read.unmapped ?? []);
  for (const field of missing) unmapped.add(field);
  complete.unmapped = OPTIONAL_FIELDS.filter((field) => unmapped.has(field));
  return complete;
}

function fill<K extends Filled>(target: Pick<ReadDossier, Filled>, field: K) {
  target[field] = EMPTY[field];
}

function take<K extends OptionalField>(target: ReadDossier, source: ReadDossier, field: K) {
  target[field] = source[field];
}

/**
 * A newer read of the same dossier with what an older read showed kept where the newer one did not show
 * it (a column scrolled out of view since). Both are whole dossiers; the result lists in `unmapped` only
 * the fields neither showed. `next` itself when it shows every field.
 */
export function keepShown(previous: ReadDossier, next: ReadDossier): ReadDossier {
  if (!next.unmapped?.length || previous.code !== next.code) return next;
  const before = new Set(previous.unmapped ?? []);
  const merged: ReadDossier = { ...next };
  const still: OptionalField[] = [];
  for (const field of next.unmapped) {
    if (before.has(field) || (field === 'handler' && previous.handler === undefined)) still.push(field);
    else take(merged, previous, field);
  }
  if (still.length) merged.unmapped = still;
  else delete merged.unmapped;
  return merged;
}
