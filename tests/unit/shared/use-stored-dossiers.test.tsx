// @vitest-environment happy-dom
// Dexie reads the global IndexedDB when it loads: the fake one goes first.
import 'fake-indexeddb/auto';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useStoredDossiers } from '../../../components/shared/use-extension';
import type { ReadDossier } from '../../../lib/dossier/model';
import { openDossierDatabase } from '../../../lib/store/db';
import { setTag, upsertDossiers } from '../../../lib/store';

/** The extension pages read the store live: a write made elsewhere (the background) shows without a reload. */

// The updates come from the database, outside any act(): this is not an act() environment, so React
// renders them as a page would and the test waits for what it shows.

const read = (code: string): ReadDossier => ({
  code,
  procedure: 'Đăng ký khai sinh',
  sector: 'Hộ tịch',
  applicant: 'Trần Thị B',
  received: { day: '2026-02-01', time: '09:15' },
  due: { day: '2026-02-05' },
  closed: null,
  status: 'Đang xử lý',
  unit: 'UBND xã',
});

function Probe() {
  const { dossiers, error } = useStoredDossiers();
  if (error) return <p data-testid="error">{error}</p>;
  if (!dossiers) return null;
  return <p data-testid="codes">{dossiers.map((dossier) => `${dossier.code}:${dossier.tag?.realReturn ?? '-'}`).join(' ')}</p>;
}

let root: Root | undefined;
afterEach(() => root?.unmount());

describe('useStoredDossiers', () => {
  it("follows the background's writes: new dossiers, then a tag", async () => {
    const container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    root.render(<Probe />);
    const codes = () => container.querySelector('[data-testid="codes"]')?.textContent;
    await vi.waitFor(() => expect(codes()).toBe(''));

    // Another connection stands for the background, which owns the writes.
    const background = openDossierDatabase();
    await upsertDossiers(background, [read('A'), read('B')], 'https://dichvucong.quangngai.gov.vn/x', 1);
    await vi.waitFor(() => expect(codes()).toBe('A:- B:-'));
    await setTag(background, 'B', { realReturn: '2026-02-04', reason: '', note: '' }, 'Lan', 2, '2026-02-10');
    await vi.waitFor(() => expect(codes()).toBe('A:- B:2026-02-04'));
    expect(container.querySelector('[data-testid="error"]')).toBeNull();
    background.close();
  });
});
