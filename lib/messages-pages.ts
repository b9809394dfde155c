/**
 * Message catalog of the extension pages around the appendix (printable appendix, consolidation,
 * backup and restore), merged into lib/i18n.ts. Vietnamese first; the English catalog must have the
 * same keys and placeholders (checked by tests/unit/i18n.test.ts).
 */
export const pagesVi = {
  'print.title': 'Phụ lục hồ sơ trễ hạn trên Hệ thống nhưng đã trả kết quả đúng hạn',
} as const;

export const pagesEn: Record<keyof typeof pagesVi, string> = {
  'print.title': 'Dossiers late on the system whose results were returned on time',
};
