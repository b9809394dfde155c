import type { LateRow } from '@/lib/panel-model';

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

let marked = new Set<Element>();

export function applyRowMarkers(rowsByCode: ReadonlyMap<string, Element[]>, lateRows: LateRow[]) {
  const next = new Set<Element>();
  for (const row of lateRows) {
    const state = row.tag ? 'tagged' : 'late';
    for (const element of rowsByCode.get(row.dossier.code) ?? []) {
      if (element.getAttribute(STATE_ATTRIBUTE) !== state) element.setAttribute(STATE_ATTRIBUTE, state);
      next.add(element);
    }
  }
  for (const element of marked) if (!next.has(element)) element.removeAttribute(STATE_ATTRIBUTE);
  marked = next;
}

/** Gives the portal room on the right while the panel is open, so the panel never covers the list. */
export function setPageDocked(doc: Document, docked: boolean) {
  installMarkerStyle(doc);
  if (docked) doc.documentElement.setAttribute(DOCKED_ATTRIBUTE, '');
  else doc.documentElement.removeAttribute(DOCKED_ATTRIBUTE);
}
