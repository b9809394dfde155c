import panelCss from './style.css?inline';
import { createRoot, type Root } from 'react-dom/client';
import { BUILT_IN_PORTAL_MATCHES } from '@/lib/portal/hosts';
import { findPanelHost } from '../content/panel-host';
import { PanelApp } from './PanelApp';

/**
 * The panel, in a shadow root beside the portal's list. Not in the manifest: the background injects this
 * script into a frame when the content script there finds a dossier list (see entrypoints/content), and
 * it renders from that script's controller.
 */
export default defineContentScript({
  matches: BUILT_IN_PORTAL_MATCHES,
  registration: 'runtime',
  // The panel's CSS is bundled into the script and put in the shadow root, so no stylesheet has to be
  // web-accessible and the same script works on extra portals.
  cssInjectionMode: 'manual',
  async main(ctx) {
    const host = findPanelHost();
    if (!host) return;
    const { controller } = host;
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
    // The first render (60 rows, and the working days of every late row) runs in a task after the one
    // that compiled this script, so that neither gets long on the portal's main thread.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (ctx.isInvalid) return;
    host.attach({
      show: () => {
        if (!ui.mounted) ui.mount();
      },
      hide: () => {
        if (ui.mounted) ui.remove();
      },
    });
  },
});
