/**
 * Reads appendix files off the consolidation page's main thread: a file of many bad lines must not
 * freeze the page. Loaded by the page as a module worker from the extension's own origin, which the
 * extension pages' CSP (`script-src 'self'`) allows; Papa Parse's own worker mode builds its worker from
 * a blob: URL, which that CSP refuses.
 */
import { parseAppendixFile } from '@/lib/appendix/consolidate';
import type { ParseReply, ParseRequest } from './parse-client';

self.onmessage = (event: MessageEvent<ParseRequest>) => {
  const { id, name, bytes } = event.data;
  const reply: ParseReply = { id, parsed: parseAppendixFile(name, new Uint8Array(bytes)) };
  self.postMessage(reply);
};
