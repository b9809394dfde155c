import { storage } from 'wxt/utils/storage';

/**
 * Whether the panel is open: one stored flag shared by every portal tab and by the panel's frames, so
 * the panel opens and closes everywhere at once and stays as the user left it across reloads. The
 * content script sizes the frame from it; the frame renders from it and writes it.
 */
export const panelOpenItem = storage.defineItem<boolean>('local:panelOpen', { fallback: false });

/** Alt+Shift+L opens or closes the panel from anywhere on the portal page ("L" for "lịch trả"). */
export function isPanelShortcut(event: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>): boolean {
  return event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyL';
}
