import type { viTrust } from './vi-trust';

/** The English words of the trust work, typed against the Vietnamese keys; part of en.ts. */
export const enTrust: Record<keyof typeof viTrust, string> = {
  'row.pendingRead': 'The portal now shows {read} (read at {at}), unlike the dates stored when the return was tagged: {stored}. The appendix keeps the stored dates until the tag is removed.',
  'row.pendingReadTitle': 'Dates changed on the portal',
  'row.pendingReadDates': 'due {due}, {closed}',
  'row.pendingReadClosed': 'closed {day}',
  'row.pendingReadOpen': 'not closed',
  'row.conflictKept': 'Your change was not saved; the newer decision is kept.',
  'row.reload': 'Reload this row',
  'options.restoreRefused': '{count} rows of the file were not restored:',
  'options.restoreRefusedMore': 'and {count} more.',
  'options.undoRestore': 'Undo the last restore',
  'options.undoRestoreDone': 'The last restore was undone: {reverted} dossiers put back as they were; {kept} changed since the restore were kept.',
};
