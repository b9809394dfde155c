import { describe, expect, it } from 'vitest';
import { localMessage } from '../../../lib/i18n/bilingual';

describe('localMessage', () => {
  it.each([
    ['vi', { message: 'Ngày không hợp lệ', messageEn: 'Invalid date' }, 'Ngày không hợp lệ'],
    ['en', { message: 'Ngày không hợp lệ', messageEn: 'Invalid date' }, 'Invalid date'],
    ['en', { message: 'Chỉ có tiếng Việt' }, 'Chỉ có tiếng Việt'],
    ['en', { message: 'Trống', messageEn: '' }, 'Trống'],
  ] as const)('%s: %j', (language, error, expected) => {
    expect(localMessage(error, language)).toBe(expected);
  });
});
