/**
 * One builder per dossier shape, for the unit tests: each returns a complete, valid value with plain
 * defaults, and a test states only what it is about (`storedDossier({ due: day('2026-11-20') })`).
 * When a shape gains a field, it is added here once.
 */
import type { AppendixValues } from '@/lib/appendix/rows';
import type { DossierTag, PortalDate, ReadDossier, StoredDossier } from '@/lib/dossier/model';

/** A portal date: `day('2026-11-20')`, `day('2026-11-10', '08:00')`. */
export function day(iso: string, time?: string): PortalDate {
  return time === undefined ? { day: iso } : { day: iso, time };
}

/** A dossier as the reader returns it: received 2026-11-10 08:00, due 2026-11-20, not closed. */
export function readDossier(over: Partial<ReadDossier> = {}): ReadDossier {
  return {
    code: '000.00.23.H34-261110-0001',
    procedure: 'Đăng ký khai sinh',
    sector: 'Hộ tịch',
    applicant: 'Nguyễn Văn An',
    received: day('2026-11-10', '08:00'),
    due: day('2026-11-20'),
    closed: null,
    status: 'Đã trả kết quả',
    unit: 'UBND xã Đăk Cấm',
    ...over,
  };
}

/** A staff tag: returned on 2026-11-20, no reason or note. */
export function tag(over: Partial<DossierTag> = {}): DossierTag {
  return { realReturn: '2026-11-20', reason: '', note: '', by: 'Cán bộ A', at: 3, ...over };
}

/** A dossier as the store keeps it: the read dossier above, seen at 1 and 2, untagged unless given one. */
export function storedDossier(over: Partial<StoredDossier> = {}): StoredDossier {
  return {
    ...readDossier(),
    firstSeen: 1,
    lastSeen: 2,
    pageUrl: 'https://motcua.kontum.gov.vn/vi/dossier/search',
    ...over,
  };
}

/** One valid appendix row (late on the system, not closed, returned on time), as written in the file. */
export function appendixRow(over: Partial<AppendixValues> = {}): AppendixValues {
  return {
    stt: '1',
    code: '000.00.23.H34-261110-0001',
    procedure: 'Đăng ký khai sinh',
    sector: 'Hộ tịch',
    applicant: 'Nguyễn Văn An',
    received: '10/11/2026',
    due: '20/11/2026',
    closed: '',
    state: 'Chưa kết thúc',
    realReturn: '20/11/2026',
    outcome: 'Đúng hạn',
    reason: 'Đã trả kết quả cho công dân nhưng chưa kết thúc hồ sơ trên Hệ thống',
    unit: 'UBND xã Đăk Cấm',
    note: '',
    ...over,
  };
}
