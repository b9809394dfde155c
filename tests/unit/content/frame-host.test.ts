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
type ConnectListener = (port: unknown) => void;
let connectListeners: ConnectListener[];

beforeEach(() => {
  vi.useFakeTimers();
  connectListeners = [];
  // The fake browser has no ports: record the content script's listener and call it with fake ones.
  vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation((listener) => {
    connectListeners.push(listener as ConnectListener);
  });
  vi.spyOn(fakeBrowser.runtime.onConnect, 'removeListener').mockImplementation(() => {});
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('Phụ lục hồ sơ trễ hạn');
  ctx = new ContentScriptContext('content', { noScriptStartedPostMessage: true });
});

afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
  document.documentElement.removeAttribute('data-mcpl-docked');
});

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

  it("answers only the extension's own port of the panel, with the page's latest state", () => {
    const host = createFrameHost(ctx, document);
    const state = { type: 'page' as const, model: { lateRows: [], readCount: 0, unreadable: [], tableCount: 1, derivedYears: [] }, storeError: null, saving: false, unknown: [] };
    host.send(state);
    const port = (name: string, id: string) => ({
      name,
      sender: { id },
      postMessage: vi.fn(),
      disconnect: vi.fn(),
      onDisconnect: { addListener: vi.fn() },
    });
    const foreign = port('panel-page-state', 'another-extension');
    const otherName = port('dossier-changes', fakeBrowser.runtime.id);
    const ours = port('panel-page-state', fakeBrowser.runtime.id);
    for (const candidate of [foreign, otherName, ours]) connectListeners[0]!(candidate);
    expect(foreign.postMessage).not.toHaveBeenCalled();
    expect(otherName.postMessage).not.toHaveBeenCalled();
    expect(ours.postMessage).toHaveBeenCalledExactlyOnceWith(state);
    host.send({ ...state, saving: true });
    expect(ours.postMessage).toHaveBeenLastCalledWith({ ...state, saving: true });
    expect(foreign.postMessage).not.toHaveBeenCalled();
  });

  it('leaves the page as it found it once the extension is gone', () => {
    const host = createFrameHost(ctx, document);
    host.setWanted(true);
    host.setOpen(true);
    ctx.abort();
    expect(frames()).toHaveLength(0);
    expect(document.documentElement.hasAttribute('data-mcpl-docked')).toBe(false);
  });
});
