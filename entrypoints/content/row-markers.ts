import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { LateRow } from '@/lib/portal/panel-model';

/**
 * Small marks on the portal's own rows. They are attributes only (no element is inserted, no handler
 * touched), styled by one stylesheet, so the portal's layout and event handlers stay as they were and
 * the page watcher (which does not observe attributes) is not woken by them.
 */

const STYLE_ID = 'motcua-phu-luc-marker-style';
const STATE_ATTRIBUTE = 'data-mcpl-state';
const DOCKED_ATTRIBUTE = 'data-mcpl-docked';
/** Width of the docked panel; the page gets this much room on the right while the panel is open. */
export const PANEL_WIDTH_PX = 380;

const MARKER_CSS = `
[${STATE_ATTRIBUTE}="late"] > :first-child { box-shadow: inset 4px 0 0 #d97706; }
[${STATE_ATTRIBUTE}="tagged"] > :first-child { box-shadow: inset 4px 0 0 #15803d; }
html[${DOCKED_ATTRIBUTE}] { margin-right: ${PANEL_WIDTH_PX}px !important; }
@media print { html[${DOCKED_ATTRIBUTE}] { margin-right: 0 !important; } }
`;

export function installMarkerStyle(doc: Document) {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = MARKER_CSS;
  (doc.head ?? doc.documentElement).append(style);
}

/**
 * Attribute writes on hundreds of rows make the browser restyle the portal's table; done in slices,
 * one per task, no single task gets long on a 2,000-row page.
 */
const MARKS_PER_TASK = 150;

/** The marks of one page: each call replaces the previous marks (and any slices still to write). */
export function createRowMarks(ctx: ContentScriptContext) {
  let marked = new Set<Element>();
  let pending: number | undefined;
  return function applyRowMarkers(rowsByCode: ReadonlyMap<string, Element[]>, lateRows: LateRow[]) {
    if (pending !== undefined) clearTimeout(pending);
    const next = new Map<Element, string>();
    for (const row of lateRows) {
      const state = row.tag ? 'tagged' : 'late';
      for (const element of rowsByCode.get(row.dossier.code) ?? []) next.set(element, state);
    }
    const writes: (() => void)[] = [];
    for (const [element, state] of next) {
      if (element.getAttribute(STATE_ATTRIBUTE) !== state) writes.push(() => element.setAttribute(STATE_ATTRIBUTE, state));
    }
    for (const element of marked) if (!next.has(element)) writes.push(() => element.removeAttribute(STATE_ATTRIBUTE));
    marked = new Set(next.keys());
    const run = (start: number) => {
      for (const write of writes.slice(start, start + MARKS_PER_TASK)) write();
      if (start + MARKS_PER_TASK < writes.length) pending = ctx.setTimeout(() => run(start + MARKS_PER_TASK), 0);
    };
    // Even the first slice waits for its own task: the restyle it causes is not added to the caller's.
    if (writes.length) pending = ctx.setTimeout(() => run(0), 0);
  };
}

/** Gives the portal room on the right while the panel is open, so the panel never covers the list. */
export function setPageDocked(doc: Document, docked: boolean) {
  installMarkerStyle(doc);
  if (docked) doc.documentElement.setAttribute(DOCKED_ATTRIBUTE, '');
  else doc.documentElement.removeAttribute(DOCKED_ATTRIBUTE);
}
