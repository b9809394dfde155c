import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * WXT's fakeBrowser has no `permissions`, `scripting` or `runtime.onConnect`: these add in-memory ones
 * with the same shapes, enough for the background modules. Call in beforeEach after fakeBrowser.reset().
 */
type Listener = (...args: never[]) => unknown;
function event() {
  const listeners = new Set<Listener>();
  return {
    addListener: (listener: Listener) => void listeners.add(listener),
    removeListener: (listener: Listener) => void listeners.delete(listener),
    hasListener: (listener: Listener) => listeners.has(listener),
    async trigger(...args: unknown[]) {
      return Promise.all([...listeners].map((listener) => (listener as (...a: unknown[]) => unknown)(...args)));
    },
  };
}

export function installFakeApis(granted: string[] = []) {
  const origins = [...granted];
  const permissions = {
    getAll: vi.fn(async () => ({ origins: [...origins], permissions: [] })),
    contains: vi.fn(async ({ origins: asked = [] }: { origins?: string[] }) => asked.every((o) => origins.includes(o))),
    onAdded: event(),
    onRemoved: event(),
    /** Grants or revokes as the browser would, firing the event. */
    async grant(pattern: string) {
      origins.push(pattern);
      await permissions.onAdded.trigger({ origins: [pattern] });
    },
    async revoke(pattern: string) {
      origins.splice(origins.indexOf(pattern), 1);
      await permissions.onRemoved.trigger({ origins: [pattern] });
    },
  };
  const registered = new Map<string, unknown>();
  const scripting = {
    registered,
    getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => ids.filter((id) => registered.has(id)).map((id) => ({ id }))),
    unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => void ids.forEach((id) => registered.delete(id))),
    executeScript: vi.fn(async () => []),
  };
  const onConnect = event();
  Object.assign(fakeBrowser, { permissions, scripting });
  Object.assign(fakeBrowser.runtime, { onConnect });
  return { permissions, scripting, onConnect };
}
