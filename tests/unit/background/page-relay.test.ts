import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startPageRelay } from '../../../entrypoints/background/page-relay';
import { startMessages } from '../../../entrypoints/background/messages';
import { DEFAULT_SETTINGS } from '../../../lib/settings/settings';
import { isBuiltInPortalUrl } from '../../../lib/portal/hosts';
import { PAGE_SOURCE_PORT, PANEL_STATE_PORT } from '../../../lib/messaging/page-ports';
import { installFakeApis } from './fake-apis';
import { readDossier } from '../../support/factories';

const PORTAL_URL = 'https://motcua.kontum.gov.vn/ho-so';
// Chromium serves the panel at a per-session address (use_dynamic_url): another host than the id.
const PANEL_URL = 'chrome-extension://6b1f0e2d-3c4a-4b5c-9d8e-7f6a5b4c3d2e/panel.html';

type Sender = { id?: string; url?: string; tab?: { id: number }; frameId?: number };

function fakePort(name: string, sender: Sender) {
  const onMessage = new Set<(message: unknown) => void>();
  const onDisconnect = new Set<() => void>();
  return {
    name,
    sender,
    postMessage: vi.fn(),
    disconnect: vi.fn(),
    onMessage: { addListener: (listener: (message: unknown) => void) => void onMessage.add(listener) },
    onDisconnect: { addListener: (listener: () => void) => void onDisconnect.add(listener) },
    /** The other end posts. */
    receive: (message: unknown) => onMessage.forEach((listener) => listener(message)),
    /** The other end closes. */
    close: () => onDisconnect.forEach((listener) => listener()),
  };
}

const source = (tabId: number, frameId = 0, url = PORTAL_URL, id = fakeBrowser.runtime.id) => fakePort(PAGE_SOURCE_PORT, { id, url, tab: { id: tabId }, frameId });
const panel = (tabId: number | undefined, url = PANEL_URL, id = fakeBrowser.runtime.id) =>
  fakePort(PANEL_STATE_PORT, { id, url, tab: tabId === undefined ? undefined : { id: tabId }, frameId: 2 });

function pageState(readCount: number) {
  return { type: 'page', model: { lateRows: [], readCount, unreadable: [], tableCount: 1, derivedYears: [] }, storeError: null, saving: false, unknown: [] };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let onConnect: ReturnType<typeof installFakeApis>['onConnect'];
let relay: ReturnType<typeof startPageRelay>;

async function connect(port: ReturnType<typeof fakePort>) {
  await onConnect.trigger(port);
  await settle();
  return port;
}

beforeEach(() => {
  fakeBrowser.reset();
  ({ onConnect } = installFakeApis());
  const { policy } = startMessages({
    database: async () => ({ db: null, databaseError: 'none in this test' }),
    settings: async () => DEFAULT_SETTINGS,
    isPortalUrl: isBuiltInPortalUrl,
    onWrite: () => {},
  });
  relay = startPageRelay({ policy, ready: async () => {} });
});

describe('the page-state relay', () => {
  it("passes the page's state from a tab's content script to the panel frame of that tab only", async () => {
    const page1 = await connect(source(1));
    const page2 = await connect(source(2));
    const frame1 = await connect(panel(1));
    const frame2 = await connect(panel(2));
    page1.receive(pageState(3));
    page1.receive({ type: 'focus' });
    expect(frame1.postMessage.mock.calls).toEqual([[pageState(3)], [{ type: 'focus' }]]);
    expect(frame2.postMessage).not.toHaveBeenCalled();
    page2.receive(pageState(7));
    expect(frame2.postMessage).toHaveBeenCalledExactlyOnceWith(pageState(7));
    // Both listeners see every port: neither closes the relay's ports, nor the relay the changes port.
    for (const port of [page1, page2, frame1, frame2]) expect(port.disconnect).not.toHaveBeenCalled();
  });

  it('gives a frame that connects later the latest state at once, and a message that does not parse to no one', async () => {
    const page = await connect(source(1));
    page.receive(pageState(1));
    page.receive(pageState(2));
    page.receive({ type: 'page', model: '<img src=x onerror=alert(1)>' });
    page.receive({ type: 'focus' });
    const frame = await connect(panel(1));
    expect(frame.postMessage).toHaveBeenCalledExactlyOnceWith(pageState(2));
  });

  it("accepts the panel's port as Firefox names its sender: the extension's own origin, a large frame id", async () => {
    const page = await connect(source(1));
    page.receive(pageState(6));
    const frame = await connect(fakePort(PANEL_STATE_PORT, { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/panel.html'), tab: { id: 1 }, frameId: 12884901889 }));
    expect(frame.disconnect).not.toHaveBeenCalled();
    expect(frame.postMessage).toHaveBeenCalledExactlyOnceWith(pageState(6));
  });

  it('keeps what a content script posts while its port is being checked', async () => {
    const page = source(1);
    void onConnect.trigger(page);
    page.receive(pageState(4));
    await settle();
    const frame = await connect(panel(1));
    expect(frame.postMessage).toHaveBeenCalledExactlyOnceWith(pageState(4));
  });

  it('refuses a source without a frame id, on a page that is no portal (a frame included), of another extension, or under the panel name', async () => {
    const refused = [
      fakePort(PAGE_SOURCE_PORT, { id: fakeBrowser.runtime.id, url: PORTAL_URL, tab: { id: 1 } }),
      source(1, 0, 'https://example.com/ho-so'),
      source(1, 3, 'https://example.com/ho-so'),
      source(1, 0, PORTAL_URL, 'another-extension'),
      fakePort(PANEL_STATE_PORT, { id: fakeBrowser.runtime.id, url: PORTAL_URL, tab: { id: 1 }, frameId: 0 }),
    ];
    for (const port of refused) await connect(port);
    for (const port of refused) expect(port.disconnect).toHaveBeenCalled();
    for (const port of refused) port.receive(pageState(9));
    const frame = await connect(panel(1));
    expect(frame.postMessage).not.toHaveBeenCalled();
  });

  it('refuses a panel port from a web page, another extension, another extension page, or outside a tab', async () => {
    const page = await connect(source(1));
    page.receive(pageState(5));
    const refused = [
      panel(1, PORTAL_URL),
      panel(1, 'chrome-extension://another-extension/panel.html', 'another-extension'),
      panel(1, fakeBrowser.runtime.getURL('/popup.html')),
      panel(undefined),
    ];
    for (const port of refused) await connect(port);
    for (const port of refused) {
      expect(port.disconnect).toHaveBeenCalled();
      expect(port.postMessage).not.toHaveBeenCalled();
    }
  });

  it('a reloaded page replaces the old source; the old one closing late changes nothing', async () => {
    const old = await connect(source(1));
    old.receive(pageState(1));
    const fresh = await connect(source(1));
    old.receive(pageState(99));
    fresh.receive(pageState(2));
    old.close();
    const frame = await connect(panel(1));
    expect(frame.postMessage).toHaveBeenCalledExactlyOnceWith(pageState(2));
  });

  it('forgets a tab when it is closed and when its content script goes, keeping nothing per tab', async () => {
    const page1 = await connect(source(1));
    page1.receive(pageState(1));
    const frame1 = await connect(panel(1));
    const page2 = await connect(source(2));
    page2.receive(pageState(2));
    expect(relay.size).toBe(2);

    await fakeBrowser.tabs.onRemoved.trigger(1, { windowId: 1, isWindowClosing: false });
    expect(relay.size).toBe(1);
    expect((await connect(panel(1))).postMessage).not.toHaveBeenCalled();
    frame1.close();

    page2.close();
    expect((await connect(panel(2))).postMessage).not.toHaveBeenCalled();
    // Only the two late frames are left; once they close, nothing is.
    expect(relay.size).toBe(2);
  });

  it('holds nothing once every port of a tab has closed', async () => {
    const page = await connect(source(1));
    page.receive(pageState(1));
    const frame = await connect(panel(1));
    frame.close();
    page.close();
    expect(relay.size).toBe(0);
  });

  describe('frames inside the portal page', () => {
    function withRows(state: ReturnType<typeof pageState>, codes: string[], tableCount = 1) {
      const lateRows = codes.map((code) => ({ dossier: readDossier({ code }), state: 'late-unclosed', daysLate: 1, workingDaysLate: null, minutesLate: null, check: null, tag: null }));
      return { ...state, model: { ...state.model, lateRows, tableCount } };
    }
    const codesSent = (port: ReturnType<typeof fakePort>) =>
      (port.postMessage.mock.calls.at(-1)?.[0] as { model: { lateRows: { dossier: { code: string } }[] } }).model.lateRows.map((row) => row.dossier.code);

    it("the panel lists the top page's late dossiers and those of its same-origin frames, each once", async () => {
      const top = await connect(source(1, 0));
      const child = await connect(source(1, 5, 'https://motcua.kontum.gov.vn/ho-so/khung-ds'));
      const frame = await connect(panel(1));
      top.receive(withRows(pageState(0), [], 0));
      child.receive(withRows(pageState(3), ['A', 'B']));
      expect(codesSent(frame)).toEqual(['A', 'B']);
      top.receive(withRows(pageState(2), ['B', 'C']));
      expect(codesSent(frame)).toEqual(['B', 'C', 'A']);
      const last = frame.postMessage.mock.calls.at(-1)![0] as { model: { readCount: number; tableCount: number } };
      expect(last.model).toMatchObject({ readCount: 5, tableCount: 2 });
    });

    it('tells the top frame how many lists its frames show, so that it hosts the panel; and when they go', async () => {
      const top = await connect(source(1, 0));
      top.receive(pageState(0));
      expect(top.postMessage).toHaveBeenLastCalledWith({ type: 'frames', lists: 0 });
      const child = await connect(source(1, 4, 'https://motcua.kontum.gov.vn/ho-so/ds'));
      child.receive(withRows(pageState(3), ['A']));
      expect(top.postMessage).toHaveBeenLastCalledWith({ type: 'frames', lists: 1 });
      child.receive(withRows(pageState(3), ['A', 'B']));
      expect(top.postMessage).toHaveBeenCalledTimes(2);
      child.close();
      expect(top.postMessage).toHaveBeenLastCalledWith({ type: 'frames', lists: 0 });
    });

    it('a frame of another origin, or frames without a portal top frame, reach no panel', async () => {
      const child = await connect(source(1, 5, 'https://motcua.kontum.gov.vn/ho-so/ds'));
      child.receive(withRows(pageState(3), ['A']));
      const frame = await connect(panel(1));
      expect(frame.postMessage).not.toHaveBeenCalled();

      const top = await connect(source(1, 0, 'https://dichvucong.kontum.gov.vn/vi/dossier/search'));
      top.receive(withRows(pageState(1), ['T']));
      expect(codesSent(frame)).toEqual(['T']);
      expect(top.postMessage).toHaveBeenLastCalledWith({ type: 'frames', lists: 0 });
    });

    it("only the top frame's content script passes anything but its state (the shortcut's focus)", async () => {
      const top = await connect(source(1, 0));
      const child = await connect(source(1, 5, 'https://motcua.kontum.gov.vn/ho-so/ds'));
      top.receive(pageState(1));
      const frame = await connect(panel(1));
      child.receive({ type: 'focus' });
      expect(frame.postMessage).toHaveBeenCalledTimes(1);
      top.receive({ type: 'focus' });
      expect(frame.postMessage).toHaveBeenLastCalledWith({ type: 'focus' });
    });

    it('a frame that goes is dropped from the list; the tab holds nothing once every port closed', async () => {
      const top = await connect(source(1, 0));
      const child = await connect(source(1, 5, 'https://motcua.kontum.gov.vn/ho-so/ds'));
      const frame = await connect(panel(1));
      top.receive(withRows(pageState(1), ['T']));
      child.receive(withRows(pageState(1), ['A']));
      expect(codesSent(frame)).toEqual(['T', 'A']);
      child.close();
      expect(codesSent(frame)).toEqual(['T']);
      top.close();
      frame.close();
      expect(relay.size).toBe(0);
    });
  });
});
