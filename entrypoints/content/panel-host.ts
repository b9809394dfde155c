import type { PanelController } from './controller';

/**
 * How the panel's script finds the content script's controller. The two scripts are separate files
 * (entrypoints/content runs on every portal page; entrypoints/panel.content is injected only where a
 * dossier list is shown) but run in the same isolated world of the frame, so they share its global
 * object, which the page's own scripts cannot see.
 */

/** What the panel's script hands over: how to show and hide the panel. */
export interface PanelView {
  show(): void;
  hide(): void;
}

export interface PanelHost {
  controller: PanelController;
  /**
   * Called by the panel's script once it is ready. A second injection (a retried request) replaces the
   * first: WXT stops the older script of the same name, which removes its panel.
   */
  attach(view: PanelView): void;
}

const HOST_KEY = Symbol.for('motcua-phu-luc.panel-host');

export function publishPanelHost(host: PanelHost | undefined) {
  (globalThis as Record<symbol, unknown>)[HOST_KEY] = host;
}

export function findPanelHost(): PanelHost | undefined {
  return (globalThis as Record<symbol, unknown>)[HOST_KEY] as PanelHost | undefined;
}
