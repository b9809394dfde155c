/**
 * The UI's message catalogs. Vietnamese is the source language; the English catalog is typed against it,
 * so a missing key fails the type check, and a unit test compares both catalogs and their placeholders.
 * Placeholders are `{name}`.
 */

import { pagesEn, pagesVi } from './messages-pages';

export const vi = {
  ...pagesVi,
  appName: 'Phụ lục hồ sơ trễ hạn',
  'lang.vi': 'Tiếng Việt',
  'lang.en': 'English',

  'panel.title': 'Hồ sơ trễ hạn trên Hệ thống',
  'panel.toggleOpen': 'Mở bảng hồ sơ trễ hạn',
  'panel.toggleClose': 'Đóng bảng',
  'panel.count': '{count} hồ sơ trễ hạn trên trang này',
  'panel.countShort': '{count} trễ hạn',
  'panel.filterLabel': 'Lọc theo mã hồ sơ',
  'panel.filterPlaceholder': 'Gõ mã hồ sơ…',
  'panel.empty': 'Trang này không có hồ sơ trễ hạn trên Hệ thống.',
  'panel.noMatch': 'Không có hồ sơ nào khớp với “{filter}”.',
  'panel.unreadable': '{count} dòng không đọc được',
  'panel.unreadableHelp': 'Các dòng này không được tính và không được xuất cho đến khi Hệ thống hiển thị đúng.',
  'panel.tables': 'Đã đọc {rows} hồ sơ trong {tables} bảng',
  'panel.saved': 'Đã lưu',
  'panel.storeError': 'Không lưu được vào bộ nhớ của tiện ích: {message}',
  'panel.selectAll': 'Chọn tất cả hồ sơ chưa gắn ngày',
  'panel.selectRow': 'Chọn hồ sơ {code}',
  'panel.bulkTag': 'Gắn ngày {date} cho {count} hồ sơ đã chọn',
  'panel.bulkDateLabel': 'Ngày trả thực tế cho các hồ sơ đã chọn',
  'panel.undo': 'Hoàn tác',
  'panel.dismiss': 'Đóng thông báo',
  'panel.tagRemoved': 'Đã bỏ ngày trả của {code}.',
  'panel.tagSavedMany': 'Đã gắn ngày cho {count} hồ sơ.',
  'panel.openPopupHint': 'Xuất phụ lục từ biểu tượng tiện ích trên thanh công cụ.',

  'row.procedure': 'Thủ tục',
  'row.applicant': 'Chủ hồ sơ',
  'row.due': 'Hẹn trả',
  'row.closed': 'Kết thúc',
  'row.lateBy': 'trễ {days} ngày',
  'row.lateByWorking': 'trễ {days} ngày ({working} ngày làm việc)',
  'row.realReturnLabel': 'Ngày trả kết quả thực tế của {code}',
  'row.tag': 'Lưu ngày {date}',
  'row.tagNoDate': 'Lưu',
  'row.saving': 'Đang lưu…',
  'row.tagged': 'Đã trả {date} · {outcome}',
  'row.edit': 'Sửa',
  'row.remove': 'Bỏ',
  'row.details': 'Lý do, ghi chú',
  'row.reason': 'Lý do trễ trên Hệ thống',
  'row.reasonCustom': 'Lý do khác…',
  'row.reasonDefault': 'Mặc định theo tình trạng',
  'row.note': 'Ghi chú',
  'row.by': 'Gắn bởi {by} lúc {at}',

  'state.late-unclosed': 'Chưa kết thúc',
  'state.late-closed': 'Kết thúc muộn',
  'state.not-late': 'Không trễ',
  'outcome.early': 'Trước hạn',
  'outcome.on-time': 'Đúng hạn',
  'outcome.late': 'Quá hạn',

  'reason.handedNotClosed': 'Đã trả kết quả nhưng chưa kết thúc trên Hệ thống',
  'reason.closedLate': 'Đã trả kết quả đúng hạn nhưng kết thúc trên Hệ thống muộn',
  'reason.citizenLate': 'Công dân đến nhận kết quả muộn hơn ngày hẹn',
  'reason.systemError': 'Lỗi Hệ thống, không kết thúc được hồ sơ',
  'reason.paperFirst': 'Trả kết quả giấy trước, cập nhật Hệ thống sau',

  'unreadable.bad-date': 'Ngày không hợp lệ ở cột {field}: “{text}”',
  'unreadable.missing-due': 'Thiếu ngày hẹn trả',
  'unreadable.missing-code': 'Thiếu mã hồ sơ',
  'field.received': 'Ngày tiếp nhận',
  'field.due': 'Ngày hẹn trả',
  'field.closed': 'Ngày kết thúc',

  'error.unknown': 'Đã có lỗi: {message}',
  'error.noConnection': 'Không kết nối được với tiện ích. Hãy tải lại trang.',
  'error.database': 'Không mở được cơ sở dữ liệu của tiện ích ({message}). Dữ liệu đã lưu không bị mất; hãy thử đóng và mở lại trình duyệt.',
  'error.notFound': 'Không tìm thấy hồ sơ {code} trong bộ nhớ.',
  'error.quota': 'Bộ nhớ của trình duyệt đã đầy; ngày trả chưa được lưu.',

  'popup.title': 'Phụ lục hồ sơ trễ hạn',
  'popup.countLate': '{count} hồ sơ trễ hạn trên Hệ thống',
  'popup.countTagged': '{count} đã có ngày trả thực tế',
  'popup.countAppendix': '{count} hồ sơ vào phụ lục (trước hạn, đúng hạn)',
  'popup.labelLate': 'hồ sơ trễ hạn trên Hệ thống',
  'popup.labelTagged': 'đã có ngày trả thực tế',
  'popup.labelAppendix': 'vào phụ lục (trước hạn, đúng hạn)',
  'popup.countReallyLate': '{count} thực sự quá hạn',
  'popup.countUntagged': '{count} chưa gắn ngày trả',
  'popup.period': 'Kỳ báo cáo (theo ngày hẹn trả)',
  'popup.periodFrom': 'Từ ngày',
  'popup.periodTo': 'Đến ngày',
  'popup.periodAll': 'Toàn bộ',
  'popup.export': 'Xuất phụ lục CSV',
  'popup.exportDone': 'Đã tải xuống {file} ({count} dòng).',
  'popup.nothingToExport': 'Chưa có hồ sơ nào để xuất: hãy gắn ngày trả thực tế cho các hồ sơ trễ hạn trên cổng.',
  'popup.emptyStore': 'Chưa có hồ sơ nào được lưu. Mở danh sách hồ sơ trên cổng một cửa để tiện ích đọc.',
  'popup.print': 'Bản in phụ lục',
  'popup.consolidate': 'Tổng hợp nhiều đơn vị',
  'popup.options': 'Cài đặt',
  'popup.loading': 'Đang tải…',

  'options.title': 'Cài đặt',
  'options.saved': 'Đã lưu cài đặt.',
  'options.save': 'Lưu',
  'options.language': 'Ngôn ngữ',
  'options.unitName': 'Tên cơ quan, đơn vị báo cáo',
  'options.staffName': 'Họ tên cán bộ',
  'options.delimiter': 'Dấu phân cách CSV',
  'options.delimiterComma': 'Dấu phẩy (,)',
  'options.delimiterSemicolon': 'Dấu chấm phẩy (;) — Excel tiếng Việt',
  'options.synonyms': 'Tên cột bổ sung',
  'options.synonymsHelp': 'Mỗi dòng một trường (code, procedure, sector, applicant, received, due, closed, status, unit), dấu hai chấm, rồi các tên cột cách nhau bằng dấu |.',
  'options.invalid': 'Giá trị không hợp lệ: {message}',
} as const;

export type MessageKey = keyof typeof vi;

export const en: Record<MessageKey, string> = {
  ...pagesEn,
  appName: 'Late dossier appendix',
  'lang.vi': 'Tiếng Việt',
  'lang.en': 'English',

  'panel.title': 'Dossiers late on the system',
  'panel.toggleOpen': 'Open the late dossier panel',
  'panel.toggleClose': 'Close the panel',
  'panel.count': '{count} late dossiers on this page',
  'panel.countShort': '{count} late',
  'panel.filterLabel': 'Filter by dossier code',
  'panel.filterPlaceholder': 'Type a dossier code…',
  'panel.empty': 'No dossier on this page is late on the system.',
  'panel.noMatch': 'No dossier matches “{filter}”.',
  'panel.unreadable': '{count} unreadable rows',
  'panel.unreadableHelp': 'These rows are not counted or exported until the system shows them correctly.',
  'panel.tables': 'Read {rows} dossiers in {tables} tables',
  'panel.saved': 'Saved',
  'panel.storeError': 'Could not save to the extension store: {message}',
  'panel.selectAll': 'Select every untagged dossier',
  'panel.selectRow': 'Select dossier {code}',
  'panel.bulkTag': 'Tag {count} selected dossiers with {date}',
  'panel.bulkDateLabel': 'Real return date for the selected dossiers',
  'panel.undo': 'Undo',
  'panel.dismiss': 'Dismiss',
  'panel.tagRemoved': 'Removed the return date of {code}.',
  'panel.tagSavedMany': 'Tagged {count} dossiers.',
  'panel.openPopupHint': 'Export the appendix from the extension icon in the toolbar.',

  'row.procedure': 'Procedure',
  'row.applicant': 'Applicant',
  'row.due': 'Due',
  'row.closed': 'Closed',
  'row.lateBy': '{days} days late',
  'row.lateByWorking': '{days} days late ({working} working days)',
  'row.realReturnLabel': 'Real return date of {code}',
  'row.tag': 'Save {date}',
  'row.tagNoDate': 'Save',
  'row.saving': 'Saving…',
  'row.tagged': 'Returned {date} · {outcome}',
  'row.edit': 'Edit',
  'row.remove': 'Remove',
  'row.details': 'Reason, note',
  'row.reason': 'Reason it is late on the system',
  'row.reasonCustom': 'Other reason…',
  'row.reasonDefault': 'Default for the state',
  'row.note': 'Note',
  'row.by': 'Tagged by {by} at {at}',

  'state.late-unclosed': 'Not closed',
  'state.late-closed': 'Closed late',
  'state.not-late': 'Not late',
  'outcome.early': 'Early',
  'outcome.on-time': 'On time',
  'outcome.late': 'Late',

  'reason.handedNotClosed': 'Result handed over but not closed on the system',
  'reason.closedLate': 'Result handed over on time but closed late on the system',
  'reason.citizenLate': 'The citizen came for the result after the appointment day',
  'reason.systemError': 'System error, the dossier could not be closed',
  'reason.paperFirst': 'Paper result handed over first, system updated later',

  'unreadable.bad-date': 'Invalid date in column {field}: “{text}”',
  'unreadable.missing-due': 'Missing appointment date',
  'unreadable.missing-code': 'Missing dossier code',
  'field.received': 'Received',
  'field.due': 'Appointment',
  'field.closed': 'Closed',

  'error.unknown': 'Something went wrong: {message}',
  'error.noConnection': 'Cannot reach the extension. Reload the page.',
  'error.database': 'The extension database could not be opened ({message}). Nothing saved is lost; try closing and reopening the browser.',
  'error.notFound': 'Dossier {code} is not in the store.',
  'error.quota': 'The browser storage is full; the return date was not saved.',

  'popup.title': 'Late dossier appendix',
  'popup.countLate': '{count} dossiers late on the system',
  'popup.countTagged': '{count} with a real return date',
  'popup.countAppendix': '{count} in the appendix (early, on time)',
  'popup.labelLate': 'dossiers late on the system',
  'popup.labelTagged': 'with a real return date',
  'popup.labelAppendix': 'in the appendix (early, on time)',
  'popup.countReallyLate': '{count} really late',
  'popup.countUntagged': '{count} still untagged',
  'popup.period': 'Report period (by appointment date)',
  'popup.periodFrom': 'From',
  'popup.periodTo': 'To',
  'popup.periodAll': 'Everything',
  'popup.export': 'Export appendix CSV',
  'popup.exportDone': 'Downloaded {file} ({count} rows).',
  'popup.nothingToExport': 'Nothing to export yet: tag late dossiers with their real return date on the portal.',
  'popup.emptyStore': 'No dossier stored yet. Open a dossier list on the one-stop portal for the extension to read.',
  'popup.print': 'Printable appendix',
  'popup.consolidate': 'Consolidate many offices',
  'popup.options': 'Settings',
  'popup.loading': 'Loading…',

  'options.title': 'Settings',
  'options.saved': 'Settings saved.',
  'options.save': 'Save',
  'options.language': 'Language',
  'options.unitName': 'Reporting unit name',
  'options.staffName': 'Staff name',
  'options.delimiter': 'CSV delimiter',
  'options.delimiterComma': 'Comma (,)',
  'options.delimiterSemicolon': 'Semicolon (;) — Vietnamese Excel',
  'options.synonyms': 'Extra column names',
  'options.synonymsHelp': 'One field per line (code, procedure, sector, applicant, received, due, closed, status, unit), a colon, then column names separated by |.',
  'options.invalid': 'Invalid value: {message}',
};

export type Language = 'vi' | 'en';
export const CATALOGS: Record<Language, Record<MessageKey, string>> = { vi, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function createTranslator(language: Language): Translate {
  const catalog = CATALOGS[language] ?? vi;
  return (key, params) => {
    const template = catalog[key] ?? vi[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? formatParam(params[name]!, language) : whole,
    );
  };
}

function formatParam(value: string | number, language: Language): string {
  // Vietnamese groups thousands with '.', which the count hooks accept; English counts stay ungrouped so
  // that a ',' never splits a number.
  if (typeof value === 'number') return language === 'vi' ? value.toLocaleString('vi-VN') : String(value);
  return value;
}
