// Types for firefox.mjs.
import type { Browser, Page } from 'puppeteer-core';

export const FIREFOX_EXTENSION_UUID: string;
export function findFirefox(): string;
export interface FirefoxSession {
  browser: Browser;
  geckoId: string;
  extensionOrigin: string;
  blocked: string[];
  downloads: string;
  proxied: string[];
  portalPage(url: string): Promise<Page>;
  extensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}
export function launchFirefoxWithExtension(options?: {
  extensionDir?: string;
  today?: string;
  prefs?: Record<string, string | number | boolean>;
  portalAliases?: Record<string, string>;
}): Promise<FirefoxSession>;
