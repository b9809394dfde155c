// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"disableIframePageLoading":true}}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createFrameHost } from '../../../entrypoints/content/frame-host';

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

let ctx: ContentScriptContext;

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('Phụ lục hồ sơ trễ hạn');
  ctx = new ContentScriptContext('content', { noScriptStartedPostMessage: true });
});

afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
  document.documentElement.removeAttribute('data-mcpl-docked');
});

const state = { type: 'page' as const, model: { lateRows: [], readCount: 0, unreadable: [], tableCount: 1, derivedYears: [] }, storeError: null, saving: false, unknown: [] };

/** Records every port the content script opens to the background; `close` is the background going. */
function mockConnect() {
  const ports: {
    name: string;
    postMessage: ReturnType<typeof vi.fn>;
    disconnect: ReturnType<typeof vi.fn>;
    close: () => void;
    receive: (message: unknown) => void;
  }[] = [];
  vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(((info: { name: string }) => {
    const onDisconnect: (() => void)[] = [];
    const onMessage: ((message: unknown) => void)[] = [];
    const port = {
      name: info.name,
      postMessage: vi.fn(),
      disconnect: vi.fn(),
      onDisconnect: { addListener: (listener: () => void) => void onDisconnect.push(listener) },
      onMessage: { addListener: (listener: (message: unknown) => void) => void onMessage.push(listener) },
      close: () => onDisconnect.forEach((listener) => listener()),
      /** The background posts. */
      receive: (message: unknown) => onMessage.forEach((listener) => listener(message)),
    };
    ports.push(port);
    return port;
  }) as never);
  return ports;
}

const frames = () => [...document.querySelectorAll('iframe[data-mcpl-panel]')] as HTMLIFrameElement[];

describe('createFrameHost', () => {
  it('adds the panel page in a frame only while a list is shown, and removes it with the list', () => {
    const host = createFrameHost(ctx, document);
    expect(frames()).toHaveLength(0);
    host.setWanted(true);
    expect(frames()).toHaveLength(1);
    expect(frames()[0]!.src).toMatch(/\/panel\.html$/);
    expect(frames()[0]!.parentElement).toBe(document.documentElement);
    host.setWanted(false);
    expect(frames()).toHaveLength(0);
  });

  it('sizes the frame as the toggle when closed and as the side panel when open, docking the page', () => {
    const host = createFrameHost(ctx, document);
    host.setWanted(true);
    const frame = frames()[0]!;
    expect(frame.style.getPropertyValue('width')).toBe('44px');
    expect(document.documentElement.hasAttribute('data-mcpl-docked')).toBe(false);
    host.setOpen(true);
    expect(frame.style.getPropertyValue('width')).toBe('380px');
    expect(frame.style.getPropertyValue('height')).toBe('100%');
    expect(frame.style.getPropertyPriority('width')).toBe('important');
    expect(document.documentElement.hasAttribute('data-mcpl-docked')).toBe(true);
    host.setOpen(false);
    expect(document.documentElement.hasAttribute('data-mcpl-docked')).toBe(false);
  });

  it('puts the frame back when the page removes it, at most once per half second', async () => {
    const host = createFrameHost(ctx, document);
    host.setWanted(true);
    const frame = frames()[0]!;
    frame.remove();
    await flush();
    expect(frames()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(500);
    expect(frames()).toEqual([frame]);
    frame.remove();
    await flush();
    await vi.advanceTimersByTimeAsync(100);
    expect(frames()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(400);
    expect(frames()).toEqual([frame]);
  });

  it("posts the page's state and focus requests to the background on its page-state port", () => {
    const ports = mockConnect();
    const host = createFrameHost(ctx, document);
    host.setWanted(true);
    host.send(state);
    host.send({ ...state, saving: true });
    expect(ports).toHaveLength(1);
    expect(ports[0]!.name).toBe('page-state-source');
    host.focus();
    expect(ports[0]!.postMessage.mock.calls).toEqual([[state], [{ ...state, saving: true }], [{ type: 'focus' }]]);
  });

  it('opens the port again when the background goes away, posting the latest state, a bounded number of times', async () => {
    const ports = mockConnect();
    const host = createFrameHost(ctx, document);
    host.send(state);
    host.send({ ...state, saving: true });
    ports[0]!.close();
    expect(ports).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(300);
    expect(ports).toHaveLength(2);
    expect(ports[1]!.postMessage).toHaveBeenCalledExactlyOnceWith({ ...state, saving: true });
    // A background that keeps closing the port at once is not asked forever.
    for (let i = 0; i < 40; i++) {
      ports.at(-1)!.close();
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(ports.length).toBeLessThanOrEqual(22);
    // A new state still tries again.
    const before = ports.length;
    host.send(state);
    expect(ports).toHaveLength(before + 1);
  });

  it('closes its port and opens no other once the extension is gone', async () => {
    const ports = mockConnect();
    const host = createFrameHost(ctx, document);
    host.send(state);
    ctx.abort();
    expect(ports[0]!.disconnect).toHaveBeenCalled();
    ports[0]!.close();
    await vi.advanceTimersByTimeAsync(1_000);
    host.send(state);
    expect(ports).toHaveLength(1);
  });

  it('leaves the page as it found it once the extension is gone', () => {
    const host = createFrameHost(ctx, document);
    host.setWanted(true);
    host.setOpen(true);
    ctx.abort();
    expect(frames()).toHaveLength(0);
    expect(document.documentElement.hasAttribute('data-mcpl-docked')).toBe(false);
  });

  it('in a frame inside the portal page: posts its state but never adds a panel or docks the page', () => {
    const ports = mockConnect();
    const host = createFrameHost(ctx, document, { mount: false });
    host.setWanted(true);
    host.setOpen(true);
    expect(frames()).toHaveLength(0);
    expect(document.documentElement.hasAttribute('data-mcpl-docked')).toBe(false);
    host.send(state);
    expect(ports[0]!.postMessage).toHaveBeenCalledWith(state);
  });

  it("hears how many lists the page's frames show, and believes only a well-formed count", () => {
    const ports = mockConnect();
    const heard: number[] = [];
    const host = createFrameHost(ctx, document, { mount: true, onFrameLists: (lists) => heard.push(lists) });
    host.send(state);
    for (const message of [{ type: 'frames', lists: 2 }, { type: 'frames', lists: -1 }, { type: 'frames', lists: '3' }, { type: 'page' }, null, { type: 'frames', lists: 0 }]) {
      ports[0]!.receive(message);
    }
    expect(heard).toEqual([2, 0]);
  });
});
