/**
 * Reads appendix files off the consolidation page's main thread: a file of many bad lines, or a large
 * workbook, must not freeze the page. Loaded by the page as a module worker from the extension's own
 * origin, which the extension pages' CSP (`script-src 'self'`) allows; Papa Parse's own worker mode
 * builds its worker from a blob: URL, which that CSP refuses.
 */
import type { ParseReply, ParseRequest } from './parse-client';
import { parseAnyAppendixFile } from './parse-any';

self.onmessage = async (event: MessageEvent<ParseRequest>) => {
  const { id, name, bytes } = event.data;
  const reply: ParseReply = { id, parsed: await parseAnyAppendixFile(name, new Uint8Array(bytes)) };
  self.postMessage(reply);
};
