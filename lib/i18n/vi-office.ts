/**
 * The Vietnamese words of the office documents' settings and of the workbooks on the consolidation page;
 * part of the catalog of vi.ts.
 */
export const viOffice = {
  'consolidate.errorWhereSheet': '{file}, trang tính “{sheet}”, dòng {line}',
  'consolidate.errorReportSheet': 'Trang tính',
  'consolidate.exportXlsx': 'Xuất Excel (.xlsx)',
  'consolidate.exportDocx': 'Xuất Word (.docx)',
  'consolidate.exportPreparing': 'Đang tạo tệp…',
  'consolidate.exportFailed': 'Không tạo được tệp: {message}',
  'popup.exportOnPage': 'Phụ lục có {count} dòng: tệp được tạo ở trang phụ lục vừa mở, để cửa sổ nhỏ này không bị đóng giữa chừng.',
  'print.exportXlsx': 'Tải Excel (.xlsx)',
  'print.exportDocx': 'Tải Word (.docx)',
  'print.exportPreparing': 'Đang tạo tệp ({count} dòng), xin chờ…',
  'print.exportDone': 'Đã tải xuống {file} ({count} dòng).',
  'print.exportFailed': 'Không tạo được tệp: {message}',
  'options.sectionDocument': 'Văn bản gửi kèm phụ lục (Excel, Word)',
  'options.documentHelp': 'In ở phần đầu và phần ký của tệp Excel và Word. Ô để trống được in thành dấu chấm để điền tay.',
  'options.parentBody': 'Cơ quan chủ quản',
  'options.letterNumber': 'Số, ký hiệu văn bản (ví dụ 125/UBND-VP)',
  'options.letterDate': 'Ngày văn bản',
  'options.letterIssuer': 'Cơ quan ban hành văn bản',
  'options.place': 'Địa danh (dòng ngày tháng)',
  'options.preparerName': 'Người lập biểu',
  'options.preparerHelp': 'Để trống thì dùng họ tên cán bộ ở trên.',
  'options.headTitle': 'Chức vụ thủ trưởng đơn vị (để trống: THỦ TRƯỞNG ĐƠN VỊ)',
  'options.headName': 'Họ tên thủ trưởng đơn vị',
} as const;
