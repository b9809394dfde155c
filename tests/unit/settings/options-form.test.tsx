// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { rootPerTest } from '../components/react-root';
import { Options, type OptionsProps } from '../../../components/options/Options';
import { createTranslator } from '../../../lib/i18n/translate';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/settings';

/** The options form rendered by React into happy-dom, driven as a user would: type, then save. */

const view = rootPerTest();

function render(settings: Settings, onSave = vi.fn(async (_next: Settings) => {})) {
  const props = (language: Settings['language']): OptionsProps => ({
    t: createTranslator(language),
    settings,
    onSave,
    onRequestReminderPermission: async () => true,
  });
  act(() => view.root.render(<Options {...props(settings.language)} />));
  return { onSave, rerender: (language: Settings['language']) => act(() => view.root.render(<Options {...props(language)} />)) };
}

const byTestId = <T extends HTMLElement>(id: string) => {
  const element = view.container.querySelector<T>(`[data-testid="${id}"]`);
  if (!element) throw new Error(`no [data-testid="${id}"]`);
  return element;
};

/** Types into a React-controlled field: the native setter, then the input event React listens to. */
function type(id: string, value: string) {
  const element = byTestId<HTMLInputElement | HTMLTextAreaElement>(id);
  const prototype = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function save() {
  await act(async () => byTestId('option-save').click());
}

const text = (id: string) => byTestId(id).textContent ?? '';
const ENGLISH: Settings = { ...DEFAULT_SETTINGS, language: 'en' };

describe('the options form', () => {
  it('with the English UI, shows the synonym errors in English', async () => {
    const { onSave } = render(ENGLISH);
    type('option-synonyms', 'hạn: Ngày hẹn\ndue:');
    await save();
    expect(text('option-synonyms-error')).toBe(
      'Line 1: write "field: column name | column name", where the field is one of code, procedure, sector, applicant, received, due, closed, status, unit, handler, overdue. ' +
        'Line 2: no column name given.',
    );
    expect(text('option-message')).toBe('Not saved: fix the fields marked in red.');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('with the Vietnamese UI, shows them in Vietnamese, and rewords them when the language changes', async () => {
    const { rerender } = render(DEFAULT_SETTINGS);
    type('option-synonyms', 'hạn: Ngày hẹn');
    await save();
    expect(text('option-synonyms-error')).toMatch(/^Dòng 1: cần dạng "trường: tên cột \| tên cột"/);
    rerender('en');
    expect(text('option-synonyms-error')).toMatch(/^Line 1: write "field: column name \| column name"/);
    expect(text('option-message')).toBe('Not saved: fix the fields marked in red.');
  });

  it('refuses bad settings with a message beside each field, and saves nothing', async () => {
    const { onSave } = render(ENGLISH);
    type('option-unit', 'UBND xã Đắk Cấm');
    type('option-window', '45');
    type('option-overrides', '31/02/2026 nghỉ\nngày mai nghỉ');
    await save();
    expect(text('option-window-error')).toBe('The number of days must be a whole number from 0 to 30.');
    expect(text('option-overrides-error')).toBe(
      'Line 1: "31/02/2026" is not a real day. ' +
        'Line 2: no date found in "ngày mai nghỉ"; write e.g. "02/01/2026 nghỉ" (day off) or "10/01/2026 làm bù" (working day).',
    );
    expect(byTestId('option-window').getAttribute('aria-invalid')).toBe('true');
    expect(view.container.querySelector('[data-testid="option-synonyms-error"]')).toBeNull();
    expect(onSave).not.toHaveBeenCalled();
  });

  it.each([[''], ['abc'], ['-1'], ['1.5']])('refuses %j as a number of days', async (window) => {
    const { onSave } = render(DEFAULT_SETTINGS);
    type('option-window', window);
    await save();
    expect(text('option-window-error')).toBe('Số ngày phải là số nguyên từ 0 đến 30.');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves good settings as the schema reads them (trimmed, parsed)', async () => {
    const { onSave } = render(ENGLISH);
    type('option-unit', '  UBND xã Đắk Cấm  ');
    type('option-window', '3');
    type('option-synonyms', 'due: Hạn trả | Ngày hẹn');
    type('option-overrides', '02/01/2026 nghỉ\n10/01/2026 làm bù');
    await save();
    expect(onSave).toHaveBeenCalledWith({
      ...ENGLISH,
      unitName: 'UBND xã Đắk Cấm',
      monitorWindowDays: 3,
      headerSynonyms: { due: ['Hạn trả', 'Ngày hẹn'] },
      holidayOverrides: { daysOff: ['2026-01-02'], workingDays: ['2026-01-10'] },
    });
    expect(text('option-message')).toBe('Settings saved.');
    expect(view.container.querySelector('[role="alert"]')).toBeNull();
  });
});
