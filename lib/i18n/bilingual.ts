/**
 * Messages made outside the UI (the background's errors, the date checks) carry both languages, and the
 * UI picks one. Kept apart from lib/i18n/translate.ts so that the content script, which shows no text of its own,
 * does not load the catalogs.
 */

/** The UI languages: Vietnamese first, English available. */
export type Language = 'vi' | 'en';

/** A message in Vietnamese (`message`) and, where written, English (`messageEn`). */
export interface BilingualMessage {
  message: string;
  messageEn?: string;
}

/** The message in the UI language (Vietnamese when there is no English). */
export function localMessage(error: BilingualMessage, language: Language): string {
  return language === 'en' && error.messageEn ? error.messageEn : error.message;
}
