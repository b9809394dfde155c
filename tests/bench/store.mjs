/* global indexedDB */
/**
 * Benchmark 4 — the store.
 *
 * What: upserting 10,000 dossiers through the real message path, exactly as the content script does it
 * (`chrome.runtime.sendMessage({type: 'dossiers/upsert', pageUrl, dossiers})` in slices of 2,000, one
 * after the other), timed end to end in an extension page: structured clone to the service worker, zod
 * validation, Dexie bulkGet + bulkPut in one transaction per slice, the response and its parsing.
 * Baseline, in the same service worker: the same 10,000 records written with raw IndexedDB in ONE
 * readwrite transaction into a scratch database with the product's key and indexes
 * (`&code, lastSeen, due.day`), timed inside the worker from the first put to `complete`.
 *
 * Two lines: fresh codes (new dossiers, the first visit of a page) and existing codes (a page read again:
 * every dossier is already stored). Each is the median of several runs, baseline and product alternated.
 * Target: at most 1.5x the baseline.
 *
 * The extension page is the extension's manifest.json: an extension-origin document (a trusted sender)
 * that runs none of the extension's own scripts, so no change listener reloads the store during the
 * measurement (the popup would re-read all dossiers after every write).
 */
import { launchWithExtension } from '../support/browser.mjs';
import { fmt, median, readDossiers, result, withTimeout } from './common.mjs';

const COUNT = 10_000;
const SLICE = 2_000;
const FRESH_RUNS = 3;
const EXISTING_RUNS = 2;
const PAGE_URL = 'https://dichvucong.kontum.gov.vn/vi/dossier/search';

/** In the extension page: the content script's upsert loop, timed end to end. */
async function upsertThroughMessages({ dossiers, slice, pageUrl }) {
  const t0 = performance.now();
  let stored = 0;
  for (let start = 0; start < dossiers.length; start += slice) {
    const response = await chrome.runtime.sendMessage({ type: 'dossiers/upsert', pageUrl, dossiers: dossiers.slice(start, start + slice) });
    if (!response || !response.ok) throw new Error(`upsert failed: ${JSON.stringify(response).slice(0, 300)}`);
    stored += response.stored;
  }
  return { ms: performance.now() - t0, stored };
}

/** In the service worker: raw IndexedDB, one readwrite transaction, the same records. */
async function rawIndexedDbPut({ records, fresh }) {
  const request = (r) =>
    new Promise((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  if (fresh) await request(indexedDB.deleteDatabase('bench-baseline'));
  const open = indexedDB.open('bench-baseline', 1);
  open.onupgradeneeded = () => {
    const store = open.result.createObjectStore('dossiers', { keyPath: 'code' });
    store.createIndex('lastSeen', 'lastSeen');
    store.createIndex('due.day', 'due.day');
  };
  const db = await request(open);
  try {
    const now = Date.now();
    const t0 = performance.now();
    const tx = db.transaction('dossiers', 'readwrite');
    const store = tx.objectStore('dossiers');
    for (const r of records) store.put({ ...r, firstSeen: now, lastSeen: now, pageUrl: 'https://dichvucong.kontum.gov.vn/vi/dossier/search' });
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    return { ms: performance.now() - t0, stored: records.length };
  } finally {
    db.close();
  }
}

export async function benchStore({ extensionDir, log = console.log } = {}) {
  const ext = await launchWithExtension({ extensionDir });
  try {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/manifest.json`);
    const sw = ext.serviceWorker;
    const lines = { fresh: { product: [], baseline: [] }, existing: { product: [], baseline: [] } };
    const plan = [];
    for (let i = 1; i <= FRESH_RUNS; i++) plan.push({ kind: 'fresh', suffix: String(i) });
    for (let i = 1; i <= EXISTING_RUNS; i++) plan.push({ kind: 'existing', suffix: String(FRESH_RUNS) });
    for (const [index, step] of plan.entries()) {
      // New codes per fresh run (the suffix goes into the counter: still a valid dossier code).
      const dossiers = readDossiers(COUNT, step.suffix);
      const fresh = step.kind === 'fresh';
      const runProduct = () =>
        withTimeout(page.evaluate(upsertThroughMessages, { dossiers, slice: SLICE, pageUrl: PAGE_URL }), 120_000, 'message-path upsert');
      const runBaseline = () => withTimeout(sw.evaluate(rawIndexedDbPut, { records: dossiers, fresh }), 120_000, 'raw IndexedDB put');
      // Alternate which goes first, so warm-up and drift do not favour one side.
      let product;
      let baseline;
      if (index % 2) {
        baseline = await runBaseline();
        product = await runProduct();
      } else {
        product = await runProduct();
        baseline = await runBaseline();
      }
      if (product.stored !== COUNT || baseline.stored !== COUNT) throw new Error(`stored ${product.stored} / ${baseline.stored} of ${COUNT}`);
      lines[step.kind].product.push(product.ms);
      lines[step.kind].baseline.push(baseline.ms);
      log(`  store ${step.kind} run ${index + 1}: message path ${fmt(product.ms)} ms, raw IndexedDB ${fmt(baseline.ms)} ms`);
    }
    return {
      rows: ['fresh', 'existing'].map((kind) => {
        const value = median(lines[kind].product);
        const baseline = median(lines[kind].baseline);
        return result({
          bench: '4. Store upsert 10,000 (5 messages of 2,000)',
          figure: `${kind === 'fresh' ? 'new codes' : 'existing codes'}: median ms of ${lines[kind].product.length} (baseline: raw IndexedDB, 1 transaction)`,
          value,
          baseline,
          unit: 'ms',
          target: '≤ 1.5x',
          pass: value / baseline <= 1.5,
        });
      }),
      lines,
    };
  } finally {
    await ext.close();
  }
}
