/**
 * The Vietnamese words of the trust work: a read kept aside on a tagged row, an edit refused because
 * the dossier was decided on elsewhere, what a restore refused and its undo; part of the catalog of vi.ts.
 */
export const viTrust = {
  'row.pendingRead': 'Cổng vừa ghi {read} (đọc lúc {at}), khác với ngày đã lưu khi gắn ngày trả: {stored}. Phụ lục vẫn dùng ngày đã lưu cho đến khi bỏ ngày trả.',
  'row.pendingReadTitle': 'Ngày trên cổng đã đổi',
  'row.pendingReadDates': 'hẹn trả {due}, {closed}',
  'row.pendingReadClosed': 'kết thúc {day}',
  'row.pendingReadOpen': 'chưa kết thúc',
  'row.conflictKept': 'Thay đổi của bạn chưa được lưu; quyết định mới hơn được giữ nguyên.',
  'row.reload': 'Tải lại dòng này',
  'options.restoreRefused': 'Không khôi phục {count} dòng của tệp:',
  'options.restoreRefusedMore': 'và {count} dòng khác.',
  'options.undoRestore': 'Hoàn tác lần khôi phục',
  'options.undoRestoreDone': 'Đã hoàn tác lần khôi phục: trả lại {reverted} hồ sơ như trước; giữ {kept} hồ sơ đã được thay đổi sau lần khôi phục.',
} as const;
