/**
 * The Vietnamese words of saves tried again (a page's dossiers the store has not yet confirmed) and of
 * bulk tagging's conflicts; part of the catalog of vi.ts.
 */
export const viResend = {
  'panel.storeRetrying': 'Không lưu được vào bộ nhớ của tiện ích: {message} Đang thử lại…',
  'panel.bulkConflicts': '{count} hồ sơ vừa được thay đổi ở nơi khác nên được giữ nguyên, hãy xem lại: {codes}.',
} as const;
