import panelCss from './style.css?inline';
import { createRoot, type Root } from 'react-dom/client';
import { BUILT_IN_PORTAL_MATCHES } from '@/lib/portal-hosts';
import { PanelApp } from './PanelApp';
import { createPanelController } from './controller';

/**
 * The content script on the portal: reads the dossier lists, keeps the store up to date through the
 * background, and mounts the panel in a shadow root once a dossier list is on the page (a page without
 * one gets nothing).
 */
export default defineContentScript({
  matches: BUILT_IN_PORTAL_MATCHES,
  runAt: 'document_idle',
  // The panel's CSS is bundled into the script and put in the shadow root, so no stylesheet has to be
  // web-accessible and the same script works on extra portals registered at runtime.
  cssInjectionMode: 'manual',
  async main(ctx) {
    let root: Root | null = null;
    const ui = await createShadowRootUi(ctx, {
      name: 'motcua-phu-luc-panel',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      mode: 'open',
      css: panelCss,
      isolateEvents: ['keydown', 'keyup', 'keypress', 'input', 'focusin', 'focusout'],
      onMount(container) {
        const wrapper = document.createElement('div');
        container.append(wrapper);
        root = createRoot(wrapper);
        root.render(<PanelApp controller={controller} />);
        return wrapper;
      },
      onRemove() {
        root?.unmount();
        root = null;
      },
    });

    const controller = createPanelController({
      document,
      // Mounted only while the page shows a dossier list.
      onListsChanged: (present) => {
        if (present && !ui.mounted) ui.mount();
        else if (!present && ui.mounted) ui.remove();
      },
    });
    ctx.onInvalidated(() => controller.stop());
    await controller.start();
  },
});
