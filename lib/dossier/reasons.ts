import { vi, type MessageKey } from '../i18n/translate';

/**
 * The short list of common reasons staff pick from. The appendix is a Vietnamese document, so the
 * reason is always stored in Vietnamese whatever the UI language.
 */
export const REASON_KEYS = [
  'reason.handedNotClosed',
  'reason.closedLate',
  'reason.paperFirst',
  'reason.systemError',
] as const satisfies readonly MessageKey[];

export const COMMON_REASONS: readonly string[] = REASON_KEYS.map((key) => vi[key]);
