// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchPage, type PageWatcher } from '../../../entrypoints/content/page-watcher';

const QUIET = 150;
const MAX = 600;

/** MutationObserver callbacks run as microtasks: let them run before moving the clock. */
const tick = async () => {
  for (let i = 0; i < 3; i++) await Promise.resolve();
  await new Promise<void>((resolve) => queueMicrotask(resolve));
};

let watcher: PageWatcher | undefined;
let onSettled: ReturnType<typeof vi.fn<() => void>>;

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = `
    <header id="clock">10:00</header>
    <div id="app">
      <table id="list"><tbody><tr><td>H01-260101-0001</td></tr></tbody></table>
    </div>
    <aside id="side"></aside>`;
  onSettled = vi.fn<() => void>();
});

afterEach(() => {
  watcher?.stop();
  watcher = undefined;
  vi.useRealTimers();
});

const list = () => document.getElementById('list') as HTMLTableElement;
function addRow(text = 'H01-260101-0002') {
  const tr = document.createElement('tr');
  tr.innerHTML = `<td>${text}</td>`;
  list().tBodies[0]!.append(tr);
}


function start(options = { quietMs: QUIET, maxWaitMs: MAX }) {
  watcher = watchPage(document, onSettled, options);
  return watcher;
}

/** Runs a DOM change and lets the observers see it. */
async function mutate(change: () => void) {
  change();
  await tick();
}

type Change = [label: string, change: () => void];

const OUTSIDE_NO_TABLE: Change[] = [
  ['a paragraph added elsewhere', () => document.getElementById('side')!.append(document.createElement('p'))],
  ['the clock text replaced', () => (document.getElementById('clock')!.textContent = '10:01')],
  ['the clock text node edited', () => ((document.getElementById('clock')!.firstChild as Text).data = '10:02')],
  ['a tooltip with nested markup', () => document.body.insertAdjacentHTML('beforeend', '<div class="tip"><span><b>Gợi ý</b></span></div>')],
  ['an element removed elsewhere', () => document.getElementById('side')!.remove()],
];

const NEW_LIST: Change[] = [
  ['a table added elsewhere', () => document.getElementById('side')!.append(document.createElement('table'))],
  ['a wrapper holding a table', () => document.body.insertAdjacentHTML('beforeend', '<section><div><table><tr><td>x</td></tr></table></div></section>')],
  ['a role="grid" element', () => document.getElementById('side')!.insertAdjacentHTML('beforeend', '<div role="grid"></div>')],
  ['a role="table" inside a wrapper', () => document.body.insertAdjacentHTML('beforeend', '<div><div role="table"></div></div>')],
];

const REMOVE_LIST: Change[] = [
  ['the table removed', () => list().remove()],
  ['its container emptied', () => (document.getElementById('app')!.innerHTML = '<p>Đang tải…</p>')],
  ['its container removed', () => document.getElementById('app')!.remove()],
  ['the table replaced by a new one', () => list().replaceWith(document.createElement('table'))],
];

const INSIDE_LIST: Change[] = [
  ['a row added', () => addRow()],
  ['a row removed', () => list().rows[0]!.remove()],
  ['a cell text replaced', () => (list().rows[0]!.cells[0]!.textContent = 'H01-260101-0009')],
  ['a cell text node edited', () => ((list().rows[0]!.cells[0]!.firstChild as Text).data = 'H01-260101-0008')],
  ['the body re-rendered', () => (list().tBodies[0]!.innerHTML = '<tr><td>a</td></tr><tr><td>b</td></tr>')],
];

const ATTRIBUTES: Change[] = [
  ['a class on the table', () => list().classList.add('hover')],
  ['a style on a row', () => list().rows[0]!.setAttribute('style', 'background: red')],
  ['a data attribute on a cell', () => list().rows[0]!.cells[0]!.setAttribute('data-x', '1')],
  ['a class on the body', () => document.body.classList.add('busy')],
  ['an attribute elsewhere', () => document.getElementById('side')!.setAttribute('aria-hidden', 'true')],
];

describe('settling', () => {
  it.each<[label: string, count: number, spacingMs: number]>([
    ['one mutation', 1, 0],
    ['a burst of 20 at once', 20, 0],
    ['5 mutations 50 ms apart', 5, 50],
    ['4 mutations 140 ms apart', 4, 140],
  ])('%s → exactly one onSettled, quietMs after the last', async (_label, count, spacingMs) => {
    start();
    for (let i = 0; i < count; i++) {
      await mutate(() => document.getElementById('side')!.append(document.createElement('p')));
      if (i < count - 1) await vi.advanceTimersByTimeAsync(spacingMs);
    }
    expect(onSettled).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(QUIET - 1);
    expect(onSettled).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(onSettled).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(onSettled).toHaveBeenCalledTimes(1);
  });

  it.each<[label: string, intervalMs: number, durationMs: number, byEnd: number]>([
    ['every 100 ms for 1 s', 100, 1_000, 1],
    ['every 100 ms for 1.3 s', 100, 1_300, 2],
    ['every 149 ms for 1.2 s', 149, 1_200, 1],
    ['every 10 ms for 2 s', 10, 2_000, 3],
  ])('continuous mutations (%s) still fire every maxWaitMs', async (_label, intervalMs, durationMs, byEnd) => {
    start();
    for (let t = 0; t < durationMs; t += intervalMs) {
      await mutate(() => addRow());
      await vi.advanceTimersByTimeAsync(Math.min(intervalMs, durationMs - t));
    }
    expect(onSettled).toHaveBeenCalledTimes(byEnd);
    await vi.advanceTimersByTimeAsync(QUIET);
    expect(onSettled).toHaveBeenCalledTimes(byEnd + 1);
  });

  it('a first fire at maxWaitMs, then the quiet timer of the tail', async () => {
    start();
    for (let i = 0; i < 7; i++) {
      await mutate(() => addRow());
      await vi.advanceTimersByTimeAsync(100);
    }
    // Mutations at 0…600: the max timer fired at 600, the 600 ms mutation starts a new wait.
    expect(onSettled).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(QUIET - 100);
    expect(onSettled).toHaveBeenCalledTimes(2);
  });

  it('poke asks for a re-read after quietMs', async () => {
    start().poke();
    await vi.advanceTimersByTimeAsync(QUIET - 1);
    expect(onSettled).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(onSettled).toHaveBeenCalledTimes(1);
  });
});

describe('before any list is tracked', () => {
  // Untracked, the body is watched for child lists only: a bare text-node edit is not a list appearing.
  it.each([...OUTSIDE_NO_TABLE, ...NEW_LIST, ...INSIDE_LIST].filter(([label]) => !label.includes('text node')))(
    '%s fires',
    async (_label, change) => {
      start();
      await mutate(change);
      await vi.advanceTimersByTimeAsync(MAX);
      expect(onSettled).toHaveBeenCalledTimes(1);
    },
  );
});

describe('once a list is tracked', () => {
  it.each(OUTSIDE_NO_TABLE)('%s does not fire', async (_label, change) => {
    start().track([list()]);
    await mutate(change);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(onSettled).not.toHaveBeenCalled();
  });

  it.each(NEW_LIST)('%s fires', async (_label, change) => {
    start().track([list()]);
    await mutate(change);
    await vi.advanceTimersByTimeAsync(MAX);
    expect(onSettled).toHaveBeenCalledTimes(1);
  });

  it.each(REMOVE_LIST)('%s fires', async (_label, change) => {
    start().track([list()]);
    await mutate(change);
    await vi.advanceTimersByTimeAsync(MAX);
    expect(onSettled).toHaveBeenCalledTimes(1);
  });

  it.each(INSIDE_LIST)('%s inside the table fires once', async (_label, change) => {
    start().track([list()]);
    await mutate(change);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(onSettled).toHaveBeenCalledTimes(1);
  });

  it('tracking a second list watches it too', async () => {
    const w = start();
    const second = document.createElement('table');
    second.innerHTML = '<tbody><tr><td>x</td></tr></tbody>';
    await mutate(() => document.getElementById('side')!.append(second));
    await vi.advanceTimersByTimeAsync(MAX);
    onSettled.mockClear();
    w.track([list(), second]);
    await mutate(() => second.tBodies[0]!.append(document.createElement('tr')));
    await vi.advanceTimersByTimeAsync(MAX);
    expect(onSettled).toHaveBeenCalledTimes(1);
  });

  it('a list no longer tracked is no longer watched in detail', async () => {
    const w = start();
    const old = list();
    w.track([old]);
    const replacement = document.createElement('table');
    document.getElementById('side')!.append(replacement);
    await tick();
    await vi.advanceTimersByTimeAsync(MAX);
    onSettled.mockClear();
    w.track([replacement]);
    await mutate(() => old.tBodies[0]!.append(document.createElement('tr')));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(onSettled).not.toHaveBeenCalled();
  });
});

describe('attributes never fire', () => {
  it.each(ATTRIBUTES.flatMap(([label, change]): [string, () => void, boolean][] => [
    [label, change, false],
    [label, change, true],
  ]))('%s (tracked: %s)', async (_label, change, tracked) => {
    const w = start();
    if (tracked) w.track([list()]);
    await mutate(change);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(onSettled).not.toHaveBeenCalled();
  });
});

describe('stop', () => {
  it.each([
    ['after stop, a mutation', false],
    ['a pending timer cancelled by stop', true],
  ])('%s: no call', async (_label, pendingFirst) => {
    const w = start();
    w.track([list()]);
    if (pendingFirst) {
      await mutate(() => addRow());
      await vi.advanceTimersByTimeAsync(QUIET - 10);
    }
    w.stop();
    await mutate(() => addRow());
    await mutate(() => document.body.append(document.createElement('table')));
    await mutate(() => list().remove());
    await vi.advanceTimersByTimeAsync(5_000);
    expect(onSettled).not.toHaveBeenCalled();
  });

  it('a mutation in the same task as stop is not delivered', async () => {
    const w = start();
    addRow();
    w.stop();
    await tick();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(onSettled).not.toHaveBeenCalled();
  });
});

describe('a list inside an open shadow root', () => {
  function shadowList(host: Element = document.getElementById('side')!) {
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<div class="wrap"><table><tbody><tr><td>H01-260101-0001</td></tr></tbody></table></div>';
    return { root, table: root.querySelector('table')!, wrap: root.querySelector('.wrap')! };
  }

  async function tracked(lists: Element[]) {
    const w = start();
    w.track(lists);
    await tick();
    await vi.advanceTimersByTimeAsync(5_000);
    onSettled.mockClear();
    return w;
  }

  it.each<[label: string, change: (shadow: ReturnType<typeof shadowList>) => void]>([
    ['the table removed from the root', ({ table }) => table.remove()],
    ['the table replaced by a new one (paging)', ({ table }) => table.replaceWith(document.createElement('table'))],
    ['its wrapper re-rendered', ({ wrap }) => (wrap.innerHTML = '<table><tbody><tr><td>H01-260101-0002</td></tr></tbody></table>')],
    ['a second list added to the root', ({ root }) => root.append(document.createElement('table'))],
  ])('%s fires once', async (_label, change) => {
    const shadow = shadowList();
    await tracked([shadow.table]);
    await mutate(() => change(shadow));
    await vi.advanceTimersByTimeAsync(MAX);
    expect(onSettled).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(onSettled).toHaveBeenCalledTimes(1);
  });

  it('a row added inside the table fires (the list observer)', async () => {
    const shadow = shadowList();
    await tracked([shadow.table]);
    await mutate(() => shadow.table.tBodies[0]!.append(document.createElement('tr')));
    await vi.advanceTimersByTimeAsync(MAX);
    expect(onSettled).toHaveBeenCalledTimes(1);
  });

  it('other changes in the root do not fire', async () => {
    const shadow = shadowList();
    await tracked([shadow.table]);
    await mutate(() => shadow.root.append(document.createElement('p')));
    await mutate(() => (shadow.wrap as HTMLElement).setAttribute('class', 'wrap hover'));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(onSettled).not.toHaveBeenCalled();
  });

  it('a list in a root nested in another root: its host replaced in the outer root fires', async () => {
    const outerHost = document.getElementById('side')!;
    const outer = outerHost.attachShadow({ mode: 'open' });
    const innerHost = document.createElement('div');
    outer.append(innerHost);
    const shadow = shadowList(innerHost);
    await tracked([shadow.table]);
    await mutate(() => innerHost.remove());
    await vi.advanceTimersByTimeAsync(MAX);
    expect(onSettled).toHaveBeenCalledTimes(1);
  });

  it('a root no longer holding a tracked list is no longer observed', async () => {
    const shadow = shadowList();
    const w = await tracked([shadow.table]);
    w.track([list()]);
    await mutate(() => shadow.table.remove());
    await mutate(() => shadow.root.append(document.createElement('table')));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(onSettled).not.toHaveBeenCalled();
  });

  it('without the root observed (a document list only), the same change goes unseen', async () => {
    // The control for the tests above: the body observer alone cannot see inside the root.
    const shadow = shadowList();
    await tracked([list()]);
    await mutate(() => shadow.table.replaceWith(document.createElement('table')));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(onSettled).not.toHaveBeenCalled();
  });

  it('stop disconnects the root observer', async () => {
    const shadow = shadowList();
    const w = await tracked([shadow.table]);
    w.stop();
    await mutate(() => shadow.table.remove());
    await vi.advanceTimersByTimeAsync(5_000);
    expect(onSettled).not.toHaveBeenCalled();
  });
});
