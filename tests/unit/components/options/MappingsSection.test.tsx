// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { rootPerTest } from '../react-root';
import { MappingsSection } from '@/components/options/MappingsSection';
import { createTranslator } from '@/lib/i18n/translate';
import { replaceMapping, type SavedColumnMapping } from '@/lib/portal/column-mappings';

const view = rootPerTest();

const MAPPING: SavedColumnMapping = {
  origin: 'https://dichvucong.kontum.gov.vn',
  pathPattern: '/vi/dossier/processing/*',
  headings: { 'mã hs': 'code', 'hạn trả kq': 'due' },
  labels: { 'hẹn trả': 'due' },
  savedAt: 1,
};

function render(mappings: SavedColumnMapping[]) {
  let list = mappings;
  const onChange = vi.fn(async (target: SavedColumnMapping, next: SavedColumnMapping | null) => {
    list = replaceMapping(list, target, next);
  });
  act(() => view.root.render(<MappingsSection t={createTranslator('vi')} mappings={mappings} onChange={onChange} />));
  return { onChange, list: () => list };
}

const item = (key: string) => view.container.querySelector<HTMLElement>(`[data-testid="mapping-item"][data-key="${key}"]`)!;

describe('MappingsSection', () => {
  it('says when there is none', () => {
    render([]);
    expect(view.container.querySelector('[data-testid="mappings-empty"]')).not.toBeNull();
  });

  it('lists each mapping with its origin, pattern, headings and labels', () => {
    render([MAPPING]);
    const entry = view.container.querySelector('[data-testid="mapping-entry"]')!;
    expect(entry.textContent).toContain('https://dichvucong.kontum.gov.vn');
    expect(entry.textContent).toContain('/vi/dossier/processing/*');
    expect(item('mã hs').dataset.field).toBe('code');
    expect(item('hẹn trả').dataset.kind).toBe('labels');
  });

  it('changes a field, removes a heading, deletes the mapping', async () => {
    const { onChange, list } = render([MAPPING]);
    const choice = item('mã hs').querySelector('select')!;
    await act(async () => {
      choice.value = 'procedure';
      choice.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(list()[0]!.headings).toEqual({ 'mã hs': 'procedure', 'hạn trả kq': 'due' });
    await act(async () => item('hạn trả kq').querySelector<HTMLElement>('[data-testid="mapping-item-remove"]')!.click());
    expect(onChange).toHaveBeenLastCalledWith(MAPPING, expect.objectContaining({ headings: { 'mã hs': 'code' }, labels: { 'hẹn trả': 'due' } }));
    await act(async () => view.container.querySelector<HTMLElement>('[data-testid="mapping-remove"]')!.click());
    expect(onChange).toHaveBeenLastCalledWith(MAPPING, null);
    expect(list()).toEqual([]);
  });
});
