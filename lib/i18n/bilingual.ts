/**
 * Sentence pairs made outside the UI, from before problems became data (lib/i18n/problem.ts). Only the
 * consolidation page still uses them, until its errors become problems too; then this file goes.
 */
import type { Language } from './language';

export type { Language };

/** A message in Vietnamese (`message`) and, where written, English (`messageEn`). */
export interface BilingualMessage {
  message: string;
  messageEn?: string;
}

/** The message in the UI language (Vietnamese when there is no English). */
export function localMessage(error: BilingualMessage, language: Language): string {
  return language === 'en' && error.messageEn ? error.messageEn : error.message;
}
