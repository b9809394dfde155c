/** The Vietnamese words of the portal access notice (popup and options); part of the catalog of vi.ts. */
export const viAccess = {
  'access.missing':
    'Trình duyệt chưa cho phép tiện ích truy cập các trang cổng một cửa ({hosts}): tiện ích không đọc được danh sách hồ sơ và không hiện bảng hồ sơ trễ hạn trên cổng.',
  'access.grant': 'Cho phép truy cập cổng một cửa',
  'access.refused':
    'Quyền chưa được cấp. Bấm lại nút trên và chọn “Cho phép”, hoặc bật trong trang quản lý tiện ích của trình duyệt (Firefox: about:addons → tiện ích này → Quyền).',
  'access.granted': 'Đã cho phép. Tải lại các trang cổng một cửa đang mở để tiện ích đọc danh sách.',
} as const;
