import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * WXT stops a content script when a newer copy of it announces itself with a DOM event on `document`
 * whose name is the extension id, the entrypoint and "wxt:content-script-started". The page shares that
 * DOM, so it can replay the event and shut the extension down on its own page. The postMessage copy of
 * the event, which told the page the name, is turned off in the entrypoint's options; this listener
 * makes a replay harmless anyway.
 *
 * While this copy's extension is alive (`runtime.id` is set) no newer copy of it can be starting in the
 * frame: the browser injects a content script once per document, and an update or reload of the
 * extension orphans this copy first (then `runtime.id` is gone and the event passes). So the event is
 * stopped at the window, in the capture phase, before it reaches WXT's listener on `document`.
 */
export function ignoreReplayedStartEvents(ctx: ContentScriptContext) {
  // WXT's own name for the event (a static field its types mark private); the end-to-end test that
  // replays it with the extension id fails if a WXT update renames it.
  const type = (ctx.constructor as unknown as Record<string, unknown>).SCRIPT_STARTED_MESSAGE_TYPE;
  if (typeof type !== 'string') return;
  ctx.addEventListener(
    window,
    type as keyof WindowEventMap,
    (event: Event) => {
      if (browser.runtime?.id) event.stopImmediatePropagation();
    },
    { capture: true },
  );
}
