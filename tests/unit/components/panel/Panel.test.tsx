// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { rootPerTest } from '../react-root';
import { Panel, type PanelProps } from '@/components/panel/Panel';
import { LateDossierRow, type TagOutcome } from '@/components/panel/LateDossierRow';
import { createTranslator } from '@/lib/i18n/translate';
import type { ReadDossier } from '@/lib/dossier/model';
import type { LateRow, PanelModel } from '@/lib/portal/panel-model';

const TODAY = '2026-11-30';
const t = createTranslator('vi');

function dossier(code: string, due: string): ReadDossier {
  return {
    code,
    procedure: 'Đăng ký khai sinh',
    sector: 'Hộ tịch',
    applicant: 'Nguyễn Văn A',
    received: { day: '2026-11-01' },
    due: { day: due },
    closed: null,
    status: 'Đang xử lý',
    unit: 'UBND xã',
  };
}

function lateRow(code: string, due = '2026-11-20', tag: LateRow['tag'] = null): LateRow {
  return { dossier: dossier(code, due), state: 'late-unclosed', daysLate: 10, workingDaysLate: null, minutesLate: null, check: null, tag };
}

function model(rows: LateRow[]): PanelModel {
  return { lateRows: rows, readCount: rows.length + 2, unreadable: [], tableCount: 1, derivedYears: [] };
}

const view = rootPerTest();

function render(overrides: Partial<PanelProps> = {}) {
  const props: PanelProps = {
    t,
    open: true,
    onToggle: vi.fn(),
    focusRequest: 0,
    model: model([lateRow('H34-261120-0001'), lateRow('H34-261121-0002'), lateRow('H34-261122-0003', '2026-11-22', { realReturn: '2026-11-21', reason: '', note: '', by: 'Hoa', at: 1 })]),
    today: TODAY,
    storeError: null,
    notice: null,
    onDismissNotice: vi.fn(),
    onTag: vi.fn(async () => ({ ok: true as const })),
    onTagMany: vi.fn(async () => {}),
    onRemoveTag: vi.fn(async () => {}),
    bulkDefault: TODAY,
    reasonChoices: ['Công dân hẹn lại'],
    ...overrides,
  };
  act(() => view.root.render(<Panel {...props} />));
  return props;
}

const $ = (selector: string) => view.container.querySelector<HTMLElement>(selector);
const $$ = (selector: string) => [...view.container.querySelectorAll<HTMLElement>(selector)];
const codes = () => $$('[data-testid="dossier-row"]').map((row) => row.dataset.code);

/** Types into a controlled input the way React listens for it (the native setter, then `input`). */
function type(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('Panel', () => {
  it('lists every late row, marks the tagged one, and counts them whether open or closed', () => {
    render();
    expect(codes()).toEqual(['H34-261120-0001', 'H34-261121-0002', 'H34-261122-0003']);
    expect($('[data-code="H34-261122-0003"]')!.dataset.tagged).toBe('true');
    expect($('[data-code="H34-261120-0001"]')!.dataset.tagged).toBeUndefined();
    expect($('[data-testid="panel-count"]')!.textContent).toContain('3');
    render({ open: false });
    expect(codes()).toEqual([]);
    expect($('[data-testid="panel-count"]')!.textContent).toContain('3');
    expect($('[data-testid="panel-toggle"]')!.getAttribute('aria-expanded')).toBe('false');
  });

  it('says how late within the day in minutes or hours, else in days; times shown beside the days', () => {
    const base = lateRow('H34-261120-0009', '2026-11-20');
    const within = (minutesLate: number): LateRow => ({
      ...base,
      dossier: { ...base.dossier, due: { day: '2026-11-20', time: '17:00' }, closed: { day: '2026-11-20', time: '17:40:12' } },
      state: 'late-closed',
      daysLate: 0,
      minutesLate,
    });
    render({ model: model([within(40)]) });
    expect($('[data-testid="late-by"]')!.textContent).toBe('trễ 40 phút');
    expect($('[data-testid="dossier-row"]')!.textContent).toContain('20/11/2026 17:00');
    expect($('[data-testid="dossier-row"]')!.textContent).toContain('20/11/2026 17:40');
    render({ model: model([within(95)]) });
    expect($('[data-testid="late-by"]')!.textContent).toBe('trễ 1 giờ 35 phút');
    render({ model: model([{ ...base, daysLate: 3, workingDaysLate: 1 }]) });
    expect($('[data-testid="late-by"]')!.textContent).toBe('trễ 3 ngày (1 ngày làm việc)');
  });

  it('shows the check mark with both readings where the portal and the dates disagree', () => {
    render({ model: model([{ ...lateRow('H34-261120-0010'), check: { portal: 'late', computed: 'not-late' } }, lateRow('H34-261120-0011')]) });
    const marks = view.container.querySelectorAll('[data-testid="verdict-check"]');
    expect(marks).toHaveLength(1);
    expect(marks[0]!.textContent).toBe('Cần kiểm tra: cổng ghi trễ hạn, theo ngày giờ thì không trễ hạn');
  });

  it('narrows the list to the codes that contain the filter text', () => {
    render();
    type($('[data-testid="panel-filter"]') as HTMLInputElement, '0002');
    expect(codes()).toEqual(['H34-261121-0002']);
    type($('[data-testid="panel-filter"]') as HTMLInputElement, 'không có');
    expect(codes()).toEqual([]);
    expect(view.container.textContent).toContain('không có');
    type($('[data-testid="panel-filter"]') as HTMLInputElement, '');
    expect(codes()).toHaveLength(3);
  });

  it('tags a row in one click with the date in its input', async () => {
    const props = render();
    const row = $('[data-code="H34-261120-0001"]')!;
    expect((row.querySelector('[data-testid="real-return-date"]') as HTMLInputElement).value).toBe('2026-11-20');
    await act(async () => (row.querySelector('[data-testid="tag-button"]') as HTMLButtonElement).click());
    expect(props.onTag).toHaveBeenCalledExactlyOnceWith('H34-261120-0001', { realReturn: '2026-11-20', reason: '', note: '' }, null);
    expect(row.querySelector('[data-testid="tag-error"]')).toBeNull();
  });

  it('marks rows whose tag state is unknown and offers them for no bulk tag', () => {
    render({ unknown: new Set(['H34-261120-0001']) });
    const row = $('[data-code="H34-261120-0001"]')!;
    expect(row.dataset.unknown).toBe('true');
    expect(row.dataset.tagged).toBeUndefined();
    expect(row.textContent).toContain(t('row.unknown'));
    expect(row.querySelector('.mcpl-select')).toBeNull();
    expect($('[data-code="H34-261121-0002"]')!.querySelector('.mcpl-select')).not.toBeNull();
  });

  it('shows the store error and the toggle closes the panel', () => {
    const props = render({ storeError: 'Không lưu được vào bộ nhớ của tiện ích' });
    expect($('[role="alert"]')!.textContent).toBe('Không lưu được vào bộ nhớ của tiện ích');
    act(() => $('[data-testid="panel-toggle"]')!.click());
    expect(props.onToggle).toHaveBeenCalledTimes(1);
  });
});

describe('LateDossierRow', () => {
  function renderRow(onTag = vi.fn(async (): Promise<TagOutcome> => ({ ok: true }))) {
    const callbacks = { onTag, onRemoveTag: vi.fn(async () => {}) };
    act(() =>
      view.root.render(
        <LateDossierRow t={t} row={lateRow('H34-261120-0001')} today={TODAY} selected={false} onSelect={vi.fn()} reasonChoices={[]} {...callbacks} />,
      ),
    );
    return callbacks;
  }

  it('shows a refused date next to the row until a valid one is saved', async () => {
    let answer: TagOutcome = { ok: false, problem: { code: 'real-date-after-today', day: '31/12/2026', today: '27/11/2026' } };
    const onTag = vi.fn(async (): Promise<TagOutcome> => answer);
    renderRow(onTag);
    const date = $('[data-testid="real-return-date"]') as HTMLInputElement;
    type(date, '2026-12-31');
    await act(async () => $('[data-testid="tag-button"]')!.click());
    expect(onTag).toHaveBeenLastCalledWith('H34-261120-0001', { realReturn: '2026-12-31', reason: '', note: '' }, null);
    expect($('[data-testid="tag-error"]')!.textContent).toBe('Ngày trả thực tế 31/12/2026 sau ngày hôm nay 27/11/2026.');
    expect(date.getAttribute('aria-invalid')).toBe('true');
    answer = { ok: true };
    type(date, '2026-11-25');
    await act(async () => $('[data-testid="tag-button"]')!.click());
    expect($('[data-testid="tag-error"]')).toBeNull();
  });

  it('says why when the save itself throws', async () => {
    renderRow(
      vi.fn(async (): Promise<TagOutcome> => {
        throw new Error('mất kết nối');
      }),
    );
    await act(async () => $('[data-testid="tag-button"]')!.click());
    expect($('[data-testid="tag-error"]')!.textContent).toBe('mất kết nối');
  });
});

describe('LateDossierRow: edits name the decision they started from', () => {
  const TAG = { realReturn: '2026-11-21', reason: '', note: 'ghi chú cũ', by: 'Hoa', at: 1 };
  const NEWER = { realReturn: '2026-11-24', reason: '', note: 'tab khác', by: 'Lan', at: 2 };

  function show(row: LateRow, onTag: (code: string, request: unknown, expected: string | null) => Promise<TagOutcome>) {
    act(() =>
      view.root.render(<LateDossierRow t={t} row={row} today={TODAY} selected={false} onSelect={vi.fn()} reasonChoices={[]} onTag={onTag} onRemoveTag={vi.fn(async () => {})} />),
    );
  }
  const noteInput = () => $$('.mcpl-details input[type="text"]').at(-1) as HTMLInputElement;

  it('sends the decision shown; a newer decision arriving while staff edit keeps their text, and the save is a conflict they can reload from', async () => {
    const onTag = vi.fn(async (): Promise<TagOutcome> => ({ ok: false, conflict: true, problem: { code: 'tag-conflict', dossier: 'H34-261120-0001' } }));
    const row = { ...lateRow('H34-261120-0001', '2026-11-20', TAG), decided: { decision: 'd1' } };
    show(row, onTag);
    type(noteInput(), 'ghi chú của tôi');
    // Another tab saved a newer tag: the row's tagged line follows it, the field being edited does not.
    show({ ...row, tag: NEWER, decided: { decision: 'd2' } }, onTag);
    expect(noteInput().value).toBe('ghi chú của tôi');
    expect($('.mcpl-tagged-line')!.textContent).toContain('24/11/2026');
    await act(async () => $('[data-testid="tag-button"]')!.click());
    expect(onTag).toHaveBeenLastCalledWith('H34-261120-0001', expect.objectContaining({ note: 'ghi chú của tôi' }), 'd1');
    const conflict = $('[data-testid="tag-conflict"]')!;
    expect(conflict.getAttribute('role')).toBe('alert');
    expect(conflict.textContent).toContain('vừa được thay đổi ở nơi khác');
    expect(conflict.textContent).toContain('quyết định mới hơn được giữ nguyên');
    act(() => $('[data-testid="row-reload"]')!.click());
    expect($('[data-testid="tag-conflict"]')).toBeNull();
    expect(noteInput().value).toBe('tab khác');
    expect(($('[data-testid="real-return-date"]') as HTMLInputElement).value).toBe('2026-11-24');
    onTag.mockResolvedValue({ ok: true, event: 'd3' });
    await act(async () => $('[data-testid="tag-button"]')!.click());
    expect(onTag).toHaveBeenLastCalledWith('H34-261120-0001', expect.objectContaining({ note: 'tab khác' }), 'd2');
    // The next save starts from the decision this one made, even before the page state brings it.
    await act(async () => $('[data-testid="tag-button"]')!.click());
    expect(onTag).toHaveBeenLastCalledWith('H34-261120-0001', expect.anything(), 'd3');
  });

  it('follows a decision made elsewhere while nothing was edited; never decided is null', async () => {
    const onTag = vi.fn(async (): Promise<TagOutcome> => ({ ok: true }));
    const row = lateRow('H34-261120-0001');
    show(row, onTag);
    show({ ...row, tag: NEWER, decided: { decision: 'd2' } }, onTag);
    expect(noteInput().value).toBe('tab khác');
    await act(async () => $('[data-testid="tag-button"]')!.click());
    expect(onTag).toHaveBeenLastCalledWith('H34-261120-0001', expect.anything(), 'd2');
  });

  it('shows a read kept aside on a tagged row, in words, with both sets of dates', () => {
    const row: LateRow = {
      ...lateRow('H34-261120-0001', '2026-11-22', TAG),
      decided: {
        decision: 'd1',
        pendingRead: { due: { day: '2026-11-22' }, closed: { day: '2026-11-25', time: '10:15' }, at: Date.UTC(2026, 10, 26, 3), stored: { due: { day: '2026-11-20' }, closed: null } },
      },
    };
    show(row, vi.fn(async () => ({ ok: true as const })));
    const note = $('[data-testid="pending-read"]')!;
    expect(note.getAttribute('role')).toBe('note');
    expect(note.textContent).toContain('hẹn trả 22/11/2026, kết thúc 25/11/2026 10:15');
    expect(note.textContent).toContain('hẹn trả 20/11/2026, chưa kết thúc');
    expect($('[data-testid="dossier-row"]')!.dataset.pendingRead).toBe('true');
  });
});
