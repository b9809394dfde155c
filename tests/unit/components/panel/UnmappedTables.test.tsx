// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { rootPerTest } from '../react-root';
import { UnmappedTables, type UnmappedTablesProps } from '@/components/panel/UnmappedTables';
import { createTranslator } from '@/lib/i18n/translate';

const view = rootPerTest();

const TABLE = {
  headings: ['STT', 'Mã HS', 'Hạn trả KQ', '<img src=x onerror=alert(1)>'],
  found: ['status' as const],
  missing: ['code' as const, 'due' as const],
  labels: [{ label: 'hẹn trả', sample: '15/03/2024 17:00' }],
};

function render(overrides: Partial<UnmappedTablesProps> = {}, language: 'vi' | 'en' = 'vi') {
  const props: UnmappedTablesProps = {
    t: createTranslator(language),
    tables: [TABLE],
    where: { origin: 'https://dichvucong.kontum.gov.vn', pathPattern: '/vi/dossier/processing/*' },
    pointing: null,
    onPoint: vi.fn(),
    onStop: vi.fn(),
    onSave: vi.fn(async () => null),
    ...overrides,
  };
  act(() => view.root.render(<UnmappedTables {...props} />));
  return props;
}

const byTestId = (id: string) => view.container.querySelector<HTMLElement>(`[data-testid="${id}"]`);

function select(element: HTMLSelectElement, value: string) {
  act(() => {
    element.value = value;
    element.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('UnmappedTables', () => {
  it('says plainly what it saw and what is missing, page text as text', () => {
    const props = render();
    expect(byTestId('unmapped-headings')!.textContent).toContain('“Mã HS”, “Hạn trả KQ”');
    expect(byTestId('unmapped-missing')!.textContent).toBe('Còn thiếu: Mã hồ sơ, Ngày hẹn trả');
    expect(view.container.querySelector('img')).toBeNull();
    expect(view.container.textContent).toContain('<img src=x onerror=alert(1)>');
    act(() => byTestId('map-columns')!.click());
    expect(props.onPoint).toHaveBeenCalledWith(0);
  });

  it('in English too', () => {
    render({}, 'en');
    expect(byTestId('unmapped-missing')!.textContent).toBe('Missing: Dossier code, Appointment (due)');
    expect(byTestId('map-columns')!.textContent).toBe('Map columns');
  });

  it('while pointing and before a heading is clicked: no field to choose, nothing to save', () => {
    render({ pointing: { table: 0, heading: null } });
    expect(byTestId('pointing')).not.toBeNull();
    expect(byTestId('map-field-select')).toBeNull();
    expect(byTestId('map-save')).toBeNull();
  });

  it('a clicked heading gets a field chosen here, missing fields first, and saved only on Save', async () => {
    const props = render({ pointing: { table: 0, heading: 1 } });
    expect(byTestId('pointed-heading')!.textContent).toContain('Mã HS');
    const choice = byTestId('map-field-select') as HTMLSelectElement;
    expect([...choice.options].slice(1, 3).map((o) => o.value)).toEqual(['code', 'due']);
    expect((byTestId('map-save') as HTMLButtonElement).disabled).toBe(true);
    select(choice, 'code');
    expect(props.onSave).not.toHaveBeenCalled();
    await act(async () => byTestId('map-save')!.click());
    expect(props.onSave).toHaveBeenCalledWith({ heading: 'Mã HS' }, 'code');
    expect(byTestId('map-message')!.textContent).toBe('Đã lưu: “Mã HS” là Mã hồ sơ.');
  });

  it('shows a refusal as an alert', async () => {
    render({ pointing: { table: 0, heading: 2 }, onSave: vi.fn(async () => 'Không lưu được') });
    select(byTestId('map-field-select') as HTMLSelectElement, 'due');
    await act(async () => byTestId('map-save')!.click());
    expect(byTestId('map-message')!.getAttribute('role')).toBe('alert');
  });

  it('offers the labelled values of the first rows, one field each', async () => {
    const props = render();
    const item = view.container.querySelector('[data-testid="labelled-value"][data-label="hẹn trả"]')!;
    expect(item.textContent).toContain('hẹn trả: 15/03/2024 17:00');
    select(item.querySelector('[data-testid="map-label-select"]')!, 'due');
    await act(async () => item.querySelector<HTMLElement>('[data-testid="map-label-save"]')!.click());
    expect(props.onSave).toHaveBeenCalledWith({ label: 'hẹn trả' }, 'due');
  });
});
