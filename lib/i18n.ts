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
  'panel.toggleOpen': 'Mở bảng hồ sơ trễ hạn (Alt+Shift+L)',
  'panel.toggleClose': 'Đóng bảng (Esc hoặc Alt+Shift+L)',
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

  'reminder.title': 'Hồ sơ cần xử lý trên Hệ thống',
  'reminder.message': '{returned} hồ sơ đã trả nhưng chưa kết thúc; {due} hồ sơ quá hạn hoặc sắp đến hạn.',
  'calendar.derived': 'Ngày làm việc năm {years} được tính theo Bộ luật Lao động và âm lịch, chưa theo lịch nghỉ chính thức; có thể điều chỉnh trong Cài đặt.',
  'monitor.title': 'Cần xử lý',
  'monitor.returnedNotClosed': 'Đã trả, chưa kết thúc trên Hệ thống: kết thúc ngay ({count})',
  'monitor.dueSoon': 'Quá hạn hoặc sắp đến hạn, chưa kết thúc ({count})',
  'monitor.none': 'Không có hồ sơ nào cần xử lý.',
  'monitor.daysLeft': 'còn {days} ngày làm việc',
  'monitor.dueToday': 'hạn hôm nay',
  'monitor.overdue': 'quá {days} ngày làm việc',
  'monitor.more': 'và {count} hồ sơ khác',
  'rates.title': 'Tỷ lệ trễ hạn',
  'rates.system': 'Trên Hệ thống',
  'rates.real': 'Thực tế',
  'rates.overall': 'Toàn bộ',
  'rates.decided': '{count} hồ sơ đã đến hạn hoặc đã kết thúc',
  'rates.noUnit': '(không rõ đơn vị)',
  'rates.byUnit': 'Theo đơn vị ({count})',
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
  'options.save': 'Lưu cài đặt',
  'options.language': 'Ngôn ngữ',
  'options.unitName': 'Tên cơ quan, đơn vị báo cáo',
  'options.staffName': 'Họ tên cán bộ',
  'options.delimiter': 'Dấu phân cách CSV',
  'options.delimiterComma': 'Dấu phẩy (,)',
  'options.delimiterSemicolon': 'Dấu chấm phẩy (;) — Excel tiếng Việt',
  'options.synonyms': 'Tên cột bổ sung',
  'options.synonymsHelp': 'Mỗi dòng một trường (code, procedure, sector, applicant, received, due, closed, status, unit), dấu hai chấm, rồi các tên cột cách nhau bằng dấu |.',
  'options.invalid': 'Giá trị không hợp lệ: {message}',
  'options.fixErrors': 'Chưa lưu: hãy sửa các ô báo lỗi.',
  'options.sectionGeneral': 'Đơn vị và cán bộ',
  'options.sectionReading': 'Đọc danh sách hồ sơ',
  'options.sectionMonitoring': 'Theo dõi và lịch làm việc',
  'options.sectionPortals': 'Địa chỉ cổng một cửa',
  'options.sectionData': 'Dữ liệu trên máy này',
  'options.window': 'Cảnh báo hồ sơ đến hạn trong số ngày làm việc tới (0–30)',
  'options.windowInvalid': 'Số ngày phải là số nguyên từ 0 đến 30.',
  'options.overrides': 'Điều chỉnh ngày nghỉ, ngày làm bù',
  'options.overridesHelp': 'Mỗi dòng một ngày: "02/01/2026 nghỉ" hoặc "10/01/2026 làm bù". Năm 2019–2026 đã có lịch chính thức; các năm khác được tính theo Bộ luật Lao động và âm lịch.',
  'options.overridesPlaceholder': '02/01/2026 nghỉ\n10/01/2026 làm bù',
  'options.originPlaceholder': 'https://dichvucong.quangngai.gov.vn',
  'options.reminder': 'Nhắc hằng ngày các hồ sơ cần xử lý (trình duyệt sẽ hỏi quyền thông báo)',
  'options.reminderTime': 'Giờ nhắc',
  'options.reminderRefused': 'Trình duyệt chưa cho phép thông báo; lời nhắc chưa được bật.',
  'options.builtInHosts': 'Có sẵn, không cần cài đặt: {hosts}.',
  'options.addOrigin': 'Thêm địa chỉ cổng khác (tỉnh khác, cổng quốc gia)',
  'options.add': 'Thêm',
  'options.removeOrigin': 'Gỡ',
  'options.originRefused': 'Chưa được cấp quyền truy cập {origin}; địa chỉ chưa được thêm.',
  'options.dataHelp': 'Hồ sơ và ngày trả thực tế chỉ lưu trong trình duyệt trên máy này. Hãy sao lưu định kỳ.',
  'options.backup': 'Tải tệp sao lưu',
  'options.backupDone': 'Đã tải tệp sao lưu.',
  'options.restore': 'Khôi phục từ tệp sao lưu…',
  'options.backupTooLarge': 'Tệp quá lớn để là tệp sao lưu.',
  'options.backupNotJson': 'Tệp này không phải là tệp sao lưu JSON.',
  'options.restorePlanTitle': 'Khôi phục dữ liệu',
  'options.restorePlan': 'Khôi phục sẽ: thêm {add} hồ sơ mới; lấy ngày trả từ tệp cho {tag} hồ sơ (mới hơn); giữ ngày trả đang có cho {keep} hồ sơ (mới hơn tệp); cập nhật thông tin {fields} hồ sơ; {same} hồ sơ không đổi. Không hồ sơ nào bị xoá.',
  'options.restoreConfirm': 'Khôi phục',
  'options.restoreDone': 'Đã khôi phục.',
  'options.cancel': 'Huỷ',
  'options.retention': 'Xoá hồ sơ không thấy lại trên cổng quá số ngày (tối thiểu 30)',
  'options.retentionInvalid': 'Số ngày phải là số nguyên, ít nhất 30.',
  'options.retentionCheck': 'Kiểm tra',
  'options.retentionNone': 'Không có hồ sơ nào cũ như vậy.',
  'options.retentionPlan': '{count} hồ sơ không thấy lại trong {days} ngày qua, trong đó {tagged} hồ sơ đã gắn ngày trả. Hãy sao lưu trước khi xoá.',
  'options.retentionConfirm': 'Xoá {count} hồ sơ',
  'options.retentionDone': 'Đã xoá.',
} as const;

export type MessageKey = keyof typeof vi;

export const en: Record<MessageKey, string> = {
  ...pagesEn,
  appName: 'Late dossier appendix',
  'lang.vi': 'Tiếng Việt',
  'lang.en': 'English',

  'panel.title': 'Dossiers late on the system',
  'panel.toggleOpen': 'Open the late dossier panel (Alt+Shift+L)',
  'panel.toggleClose': 'Close the panel (Esc or Alt+Shift+L)',
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

  'reminder.title': 'Dossiers to act on in the system',
  'reminder.message': '{returned} returned but not closed; {due} overdue or due soon.',
  'calendar.derived': 'Working days of {years} are derived from the Labour Code and the lunar calendar, not an official schedule; adjust them in Settings.',
  'monitor.title': 'Needs action',
  'monitor.returnedNotClosed': 'Returned but not closed on the system: close now ({count})',
  'monitor.dueSoon': 'Overdue or due soon, not closed ({count})',
  'monitor.none': 'Nothing needs action.',
  'monitor.daysLeft': '{days} working days left',
  'monitor.dueToday': 'due today',
  'monitor.overdue': '{days} working days overdue',
  'monitor.more': 'and {count} more',
  'rates.title': 'Late rates',
  'rates.system': 'On the system',
  'rates.real': 'Real',
  'rates.overall': 'Overall',
  'rates.decided': '{count} dossiers due or closed',
  'rates.noUnit': '(unknown unit)',
  'rates.byUnit': 'By unit ({count})',
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
  'options.save': 'Save settings',
  'options.language': 'Language',
  'options.unitName': 'Reporting unit name',
  'options.staffName': 'Staff name',
  'options.delimiter': 'CSV delimiter',
  'options.delimiterComma': 'Comma (,)',
  'options.delimiterSemicolon': 'Semicolon (;) — Vietnamese Excel',
  'options.synonyms': 'Extra column names',
  'options.synonymsHelp': 'One field per line (code, procedure, sector, applicant, received, due, closed, status, unit), a colon, then column names separated by |.',
  'options.invalid': 'Invalid value: {message}',
  'options.fixErrors': 'Not saved: fix the fields marked in red.',
  'options.sectionGeneral': 'Unit and staff',
  'options.sectionReading': 'Reading dossier lists',
  'options.sectionMonitoring': 'Monitoring and working days',
  'options.sectionPortals': 'One-stop portal addresses',
  'options.sectionData': 'Data on this computer',
  'options.window': 'Warn about dossiers due within the next working days (0–30)',
  'options.windowInvalid': 'The number of days must be a whole number from 0 to 30.',
  'options.overrides': 'Days off and swapped working days',
  'options.overridesHelp': 'One day per line: "02/01/2026 nghỉ" (day off) or "10/01/2026 làm bù" (working day). 2019–2026 follow the official schedules; other years are derived from the Labour Code and the lunar calendar.',
  'options.overridesPlaceholder': '02/01/2026 nghỉ\n10/01/2026 làm bù',
  'options.originPlaceholder': 'https://dichvucong.quangngai.gov.vn',
  'options.reminder': 'Daily reminder of dossiers to act on (the browser asks for the notification permission)',
  'options.reminderTime': 'Reminder time',
  'options.reminderRefused': 'The browser did not allow notifications; the reminder is off.',
  'options.builtInHosts': 'Built in, no setup needed: {hosts}.',
  'options.addOrigin': 'Add another portal address (another province, the national portal)',
  'options.add': 'Add',
  'options.removeOrigin': 'Remove',
  'options.originRefused': 'Access to {origin} was not granted; the address was not added.',
  'options.dataHelp': 'Dossiers and real return dates are stored only in this browser on this computer. Back them up regularly.',
  'options.backup': 'Download a backup file',
  'options.backupDone': 'Backup downloaded.',
  'options.restore': 'Restore from a backup file…',
  'options.backupTooLarge': 'The file is too large to be a backup.',
  'options.backupNotJson': 'This file is not a JSON backup.',
  'options.restorePlanTitle': 'Restore data',
  'options.restorePlan': 'Restoring will: add {add} new dossiers; take the return date from the file for {tag} dossiers (newer); keep the current return date for {keep} dossiers (newer than the file); update the details of {fields} dossiers; leave {same} unchanged. Nothing is deleted.',
  'options.restoreConfirm': 'Restore',
  'options.restoreDone': 'Restored.',
  'options.cancel': 'Cancel',
  'options.retention': 'Delete dossiers not seen on the portal for more than this many days (at least 30)',
  'options.retentionInvalid': 'The number of days must be a whole number, at least 30.',
  'options.retentionCheck': 'Check',
  'options.retentionNone': 'No dossier is that old.',
  'options.retentionPlan': '{count} dossiers were not seen in the last {days} days, {tagged} of them tagged. Back up before deleting.',
  'options.retentionConfirm': 'Delete {count} dossiers',
  'options.retentionDone': 'Deleted.',
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
  if (typeof value === 'number') return language === 'vi' ? formatNumberVi(value) : String(value);
  return value;
}

/**
 * A number as `Intl.NumberFormat('vi-VN')` writes it (`1.234.567`, `12,5`, at most 3 decimals), without
 * Intl: the first Intl formatter of a page loads ICU's locale data, about 8 ms of the content script's
 * start on every portal page (issue 3).
 */
export function formatNumberVi(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  const magnitude = Math.abs(value);
  if (magnitude === Infinity) return `${sign}∞`;
  // Beyond this toFixed writes exponents; no count gets there, so Intl may pay its cost then.
  if (magnitude >= 1e21) return new Intl.NumberFormat('vi-VN').format(value);
  // Intl rounds the shortest decimal that reads back as the number (1.0005, not its binary value
  // 1.000499…) to 3 decimals, halves away from zero; below 1e-6 (written with an exponent) all is 0.
  const [whole = '0', decimals = ''] = magnitude < 1e-6 ? [] : String(magnitude).split('.');
  const thousandths = BigInt(whole + decimals.slice(0, 3).padEnd(3, '0')) + ((decimals[3] ?? '0') >= '5' ? 1n : 0n);
  const digits = thousandths.toString().padStart(4, '0');
  const fraction = digits.slice(-3).replace(/0+$/, '');
  return sign + digits.slice(0, -3).replace(/\B(?=(\d{3})+(?!\d))/g, '.') + (fraction ? `,${fraction}` : '');
}

/** The message of a bilingual error (`message` Vietnamese, `messageEn` English) in the UI language. */
export function localMessage(error: { message: string; messageEn?: string }, language: Language): string {
  return language === 'en' && error.messageEn ? error.messageEn : error.message;
}
