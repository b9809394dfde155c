/**
 * The names of the page-state relay's two ports (page-relay.ts), apart from the relay so that the
 * content script and the panel's frame import the names without the background's dispatcher.
 */

/** Opened by the content script of a portal tab's top frame. */
export const PAGE_SOURCE_PORT = 'page-state-source';
/** Opened by the panel's frame. */
export const PANEL_STATE_PORT = 'panel-page-state';
/** The port names the relay owns: another onConnect listener leaves them alone. */
export const RELAY_PORTS: ReadonlySet<string> = new Set([PAGE_SOURCE_PORT, PANEL_STATE_PORT]);
