import { BUILT_IN_PORTAL_MATCHES } from '@/lib/portal/hosts';
import { createPageSync } from './page-sync';
import { createRowMarks, installMarkerStyle } from './row-markers';
import { createFrameHost } from './frame-host';
import { isPanelShortcut, panelOpenItem } from './panel-state';
import { ignoreReplayedStartEvents } from './started-guard';
import { createPointing } from './pointing';
import { mappingScope } from '@/lib/portal/column-mappings';
import { summarizeCandidate } from '@/lib/portal/pointing';
import { POINTING_LIMITS } from '@/lib/messaging/pointing';

/**
 * The content script on the portal: reads the dossier lists, stores what it read through the
 * background, marks the portal's rows, and hosts the panel's frame (an extension page, panel.html)
 * where a list is shown. It renders no UI of its own and does no tagging: the frame talks to the
 * background itself. A page without a list gets no frame.
 */
export default defineContentScript({
  matches: BUILT_IN_PORTAL_MATCHES,
  // A list inside a frame of the portal page is read too (the top page's panel shows it). The extra
  // portals' registration (webext-dynamic-content-scripts) takes this from the manifest as well.
  allFrames: true,
  runAt: 'document_idle',
  // WXT would also post its start event (whose name holds the extension id) to the page.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    ignoreReplayedStartEvents(ctx);
    const top = isTopFrame();
    // A frame of another origin is another site's page, whatever it shows: not this page's list.
    if (!top && !sameOriginAsTop()) return;
    let ownList = false;
    let frameLists = 0;
    const listShown = () => ownList || frameLists > 0;
    const host = createFrameHost(ctx, document, {
      mount: top,
      onFrameLists(lists) {
        frameLists = lists;
        host.setWanted(listShown());
      },
    });
    const applyRowMarkers = createRowMarks(ctx);
    let sending: number | undefined;
    // Posting copies the whole model (a 2,000-row page has hundreds of late rows): one post per task
    // with the latest state, and not in the task that built the model.
    const post = () => {
      if (sending !== undefined) return;
      sending = ctx.setTimeout(() => {
        sending = undefined;
        const latest = sync.getState();
        host.send({
          type: 'page',
          model: latest.model,
          storeError: latest.storeError,
          saving: latest.saving,
          retrying: latest.retrying,
          unknown: latest.unknown,
          unmapped: latest.unmapped.slice(0, POINTING_LIMITS.tables).map(summarizeCandidate),
          where: mappingScope(location.origin, location.pathname),
          pointing: pointing.state(),
        });
      }, 0);
    };
    const pointing = createPointing(ctx, document, post);
    const sync = createPageSync(ctx, document, (state) => {
      // A list read, or a list-like table staff may point at: either way the panel has something to say.
      ownList = state.model.tableCount > 0 || state.unmapped.length > 0;
      if (ownList) installMarkerStyle(document);
      applyRowMarkers(state.rowsByCode, state.model.lateRows);
      pointing.setCandidates(state.unmapped.slice(0, POINTING_LIMITS.tables));
      host.setWanted(listShown());
      post();
    });
    host.onPanelMessage((message) => {
      if (message.type === 'point') pointing.start(message.table);
      else pointing.stop();
    });

    if (top) {
      // Watched before it is read: a change made in another tab while this page starts is not missed.
      ctx.onInvalidated(panelOpenItem.watch((open) => host.setOpen(open)));
      host.setOpen(await panelOpenItem.getValue());
    }
    // Only the user's own keys count: a page script can dispatch a keydown but not a trusted one. In a
    // frame, the shortcut flips the shared open flag, which the top page's panel follows.
    ctx.addEventListener(
      document,
      'keydown',
      (event) => {
        if (!event.isTrusted || !isPanelShortcut(event) || !listShown()) return;
        event.preventDefault();
        event.stopPropagation();
        void panelOpenItem.getValue().then(async (open) => {
          host.setOpen(!open);
          await panelOpenItem.setValue(!open);
          host.focus();
        });
      },
      { capture: true },
    );
    await sync.start();
  },
});

function isTopFrame(): boolean {
  return window === window.top;
}

/** Reading a cross-origin window's location throws; only a frame of the top page's own origin is read. */
function sameOriginAsTop(): boolean {
  try {
    return window.top !== null && window.top.location.origin === location.origin;
  } catch {
    return false;
  }
}
