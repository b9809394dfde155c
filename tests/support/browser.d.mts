// Types for browser.mjs.
import type { BrowserContext, Worker } from 'playwright-core';

export interface LaunchOptions {
  extensionDir?: string;
  headless?: boolean;
  userDataDir?: string;
  viewport?: { width: number; height: number } | null;
  routes?: boolean;
  today?: string;
  timeout?: number;
  args?: string[];
}
export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  blocked: string[];
  serviceWorker: Worker | null;
  close: () => Promise<void>;
}
export function findChromium(): string;
/** Flags for a headless Chromium in a closed network. */
export const QUIET_CHROMIUM_ARGS: readonly string[];
export function chromiumArgs(extensionDir: string): string[];
export function unpackedExtensionId(extensionDir: string): string;
export function launchWithExtension(options?: LaunchOptions): Promise<ExtensionSession>;
