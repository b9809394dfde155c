import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { headingCells } from '@/lib/portal/pointing';
import type { UnmappedTable } from '@/lib/portal/reader';

/**
 * Pointing at a column, on the portal page's side (docs/architecture.md, "Pointing"). When the panel
 * asks, the headings of one candidate table are outlined by boxes drawn over them, inside a closed
 * shadow root on `<html>`: text and borders only, no handler of the portal's touched. A trusted click on
 * a box reports that heading's index in the candidate, and nothing else: the field is chosen, and the
 * mapping saved, in the panel's frame, which the page can neither read nor press. A page script can
 * dispatch a click on a box or a heading, but not a trusted one, and even a heading it did get proposed
 * would still wait for staff to choose a field in the panel.
 */

export interface PointingState {
  table: number;
  heading: number | null;
}

const OUTLINE = '#c2410c';
const HOST_ATTRIBUTE = 'data-mcpl-pointing';

/** Over 80 lines as one closure: the boxes, the candidate and the listeners share one state. */
export function createPointing(ctx: ContentScriptContext, doc: Document, onChange: () => void) {
  let candidates: UnmappedTable[] = [];
  let target: UnmappedTable | null = null;
  let heading: number | null = null;
  let host: HTMLElement | null = null;
  let layer: ShadowRoot | null = null;
  let cells: (Element | null)[] = [];
  let frame: number | undefined;

  function clear() {
    host?.remove();
    host = null;
    layer = null;
    cells = [];
  }

  function draw() {
    if (!target) return clear();
    cells = headingCells(target.element, target.headings);
    if (!host) {
      host = doc.createElement('div');
      host.setAttribute(HOST_ATTRIBUTE, '');
      // Closed: the page's scripts cannot reach the boxes through the host.
      layer = host.attachShadow({ mode: 'closed' });
      for (const [name, value] of Object.entries({ position: 'absolute', top: '0', left: '0', width: '0', height: '0', 'z-index': '2147483645' })) {
        host.style.setProperty(name, value, 'important');
      }
    }
    if (!host.isConnected) doc.documentElement.append(host);
    const boxes: HTMLElement[] = [];
    const scrollX = doc.defaultView?.scrollX ?? 0;
    const scrollY = doc.defaultView?.scrollY ?? 0;
    cells.forEach((cell, index) => {
      if (!cell) return;
      const rect = cell.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) return;
      const box = doc.createElement('div');
      box.textContent = String(index + 1);
      box.setAttribute('role', 'button');
      const chosen = index === heading;
      Object.assign(box.style, {
        position: 'absolute',
        left: `${rect.left + scrollX}px`,
        top: `${rect.top + scrollY}px`,
        width: `${rect.width}px`,
        height: `${rect.height}px`,
        boxSizing: 'border-box',
        border: `${chosen ? 4 : 2}px solid ${OUTLINE}`,
        background: chosen ? 'rgba(194, 65, 12, 0.25)' : 'rgba(194, 65, 12, 0.08)',
        color: OUTLINE,
        font: 'bold 11px/1 system-ui, sans-serif',
        textAlign: 'left',
        cursor: 'pointer',
        padding: '1px 2px',
        margin: '0',
      });
      box.addEventListener('click', (event) => {
        event.preventDefault();
        event.stopPropagation();
        // Only the user's own click proposes a heading.
        if (!event.isTrusted) return;
        heading = index;
        draw();
        onChange();
      });
      boxes.push(box);
    });
    layer!.replaceChildren(...boxes);
  }

  /** Redraws once per frame at most (scrolling, resizing, the page re-laying itself out). */
  function schedule() {
    if (!target || frame !== undefined) return;
    frame = requestAnimationFrame(() => {
      frame = undefined;
      if (!ctx.isInvalid) draw();
    });
  }

  ctx.addEventListener(window, 'scroll', schedule, { capture: true, passive: true });
  ctx.addEventListener(window, 'resize', schedule, { passive: true });
  ctx.onInvalidated(clear);

  return {
    /** The candidates of the latest read; the one pointed at is followed, or pointing stops if it left. */
    setCandidates(next: UnmappedTable[]) {
      candidates = next;
      if (!target) return;
      const same = next.find((candidate) => candidate.element === target!.element);
      if (!same) {
        // The table was read with the new mapping, or left the page: nothing to point at any more.
        target = null;
        heading = null;
        clear();
        return;
      }
      if (same.headings.join('\n') !== target.headings.join('\n')) heading = null;
      target = same;
      draw();
    },
    /** The panel asked to point at candidate `table`. */
    start(table: number) {
      const candidate = candidates[table];
      if (!candidate) return;
      if (candidate !== target) heading = null;
      target = candidate;
      draw();
      onChange();
    },
    stop() {
      target = null;
      heading = null;
      clear();
      onChange();
    },
    state(): PointingState | null {
      if (!target) return null;
      const table = candidates.indexOf(target);
      return table < 0 ? null : { table, heading };
    },
  };
}
