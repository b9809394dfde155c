/**
 * The English words of saves tried again (a page's dossiers the store has not yet confirmed) and of
 * bulk tagging's conflicts; part of the catalog of en.ts.
 */
export const enResend = {
  'panel.storeRetrying': 'Not saved to the extension store yet: {message} Retrying…',
  'panel.bulkConflicts': '{count} dossiers were just changed elsewhere and were left as they are; review them: {codes}.',
} as const;
