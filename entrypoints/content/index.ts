import { BUILT_IN_PORTAL_MATCHES } from '@/lib/portal/hosts';
import { createPanelController } from './controller';
import { publishPanelHost, type PanelView } from './panel-host';

/**
 * The content script on the portal: reads the dossier lists and keeps the store up to date through the
 * background. It holds no UI: once the page shows a dossier list it asks the background for the panel's
 * script (entrypoints/panel.content), which renders the panel from this script's controller. A page
 * without a list gets nothing.
 *
 * Why two scripts: a content script compiles and starts in one task of the portal's main thread. With
 * the panel's view, its catalogs and the working-day calendar in it, that task was over 50 ms on a slow
 * machine; split, each script starts in a task of its own, about half as long (issue 3).
 */
export default defineContentScript({
  matches: BUILT_IN_PORTAL_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    let view: PanelView | null = null;
    let listShown = false;
    let panelRequested = false;

    const controller = createPanelController({
      document,
      onListsChanged: (present) => {
        listShown = present;
        if (view) {
          if (present) view.show();
          else view.hide();
        } else if (present && !panelRequested) {
          panelRequested = true;
          void controller.loadPanel().then((loaded) => {
            // Asked again at the next list change (the service worker may have been restarting).
            if (!loaded) panelRequested = false;
          });
        }
      },
    });
    publishPanelHost({
      controller,
      attach(next) {
        view = next;
        if (listShown) view.show();
      },
    });
    ctx.onInvalidated(() => {
      controller.stop();
      view?.hide();
      publishPanelHost(undefined);
    });
    await controller.start();
  },
});
