/**
 * Shared helpers of the benchmark: statistics, bundling lib/ modules for the page, the browser without
 * the extension, the benchmark data, and the result-row shape that run.mjs turns into the table.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { findChromium, QUIET_CHROMIUM_ARGS } from '../support/browser.mjs';
import { installPortalRoutes } from '../fixtures/portal/routes.mjs';
import { addDays, buildGeneratedDossiers, vietnamToday } from '../fixtures/portal/dossiers.mjs';

export const ROOT = resolve(new URL('../..', import.meta.url).pathname);

/* ---------------- statistics ---------------- */

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return NaN;
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

export function max(values) {
  return values.reduce((m, v) => Math.max(m, v), -Infinity);
}

/** Rounds for display: 3 significant digits below 100, integers above. */
export function fmt(value, digits = 3) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (typeof value === 'string') return value;
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return Number(value.toPrecision(digits)).toString();
}

/**
 * One line of the result table.
 * @param {object} row
 * @param {string} row.bench   benchmark name (first column)
 * @param {string} row.figure  what is measured
 * @param {number|string} row.value  the measured figure
 * @param {string} row.unit
 * @param {number|string|null} [row.baseline] the same-run baseline, in the same unit
 * @param {number|null} [row.ratio] value/baseline (computed when both are numbers and not given)
 * @param {string} [row.target] human-readable target, '' when informational
 * @param {boolean|null} [row.pass] null = no target
 */
export function result(row) {
  const ratio =
    row.ratio !== undefined ? row.ratio : typeof row.value === 'number' && typeof row.baseline === 'number' && row.baseline > 0 ? row.value / row.baseline : null;
  return { baseline: null, target: '', pass: null, ...row, ratio };
}

/* ---------------- timeouts ---------------- */

/** Rejects when `promise` takes longer than `ms` (every wait in the benchmark is bounded). */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/* ---------------- bundling lib/ for the page ---------------- */

/** Resolves the `@/` alias of the project (tsconfig paths) to the repository root. */
const aliasPlugin = {
  name: 'at-alias',
  setup(b) {
    b.onResolve({ filter: /^@\// }, (args) => b.resolve(`./${args.path.slice(2)}`, { resolveDir: ROOT, kind: args.kind }));
  },
};

/**
 * Bundles `source` (ES module text, may import '@/lib/...') as an IIFE that assigns its exports to
 * `globalThis[globalName]`, for `page.addScriptTag({ content })`. Minified like the production build.
 */
export async function bundleForPage(source, globalName) {
  const out = await build({
    stdin: { contents: source, resolveDir: ROOT, loader: 'ts', sourcefile: `${globalName}.ts` },
    bundle: true,
    write: false,
    format: 'iife',
    globalName,
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    plugins: [aliasPlugin],
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

/* ---------------- browsers ---------------- */

const PLAIN_ARGS = QUIET_CHROMIUM_ARGS;

/**
 * The same Chromium, profile kind, viewport, locale and routes as launchWithExtension, but with no
 * extension at all: the "without" side of every comparison.
 */
export async function launchPlain() {
  const profile = mkdtempSync(join(tmpdir(), 'motcua-bench-plain-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: PLAIN_ARGS,
    viewport: { width: 1440, height: 900 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  await installPortalRoutes(context);
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Copies the built extension to a private folder, so that a rebuild by someone else during the run
 * (several engineers share the repository) cannot change or remove it under the benchmark.
 */
export function snapshotExtension(from = join(ROOT, '.output/chrome-mv3')) {
  if (!existsSync(join(from, 'manifest.json'))) throw new Error(`No extension build at ${from}: run npm run build first.`);
  const dir = join(mkdtempSync(join(tmpdir(), 'motcua-bench-ext-')), 'chrome-mv3');
  cpSync(from, dir, { recursive: true });
  return { dir, remove: () => rmSync(resolve(dir, '..'), { recursive: true, force: true }) };
}

/** Waits until the fixture portal has rendered its table. */
export async function waitPortalReady(page, timeout = 60_000) {
  await page.waitForSelector('html[data-portal-ready="true"]', { state: 'attached', timeout });
}

/* ---------------- data ---------------- */

/** A ReadDossier (lib/dossier/model.ts) from a fixture dossier; `suffix` makes new codes for a fresh run. */
export function toReadDossier(d, suffix = '') {
  return {
    code: suffix ? d.code.replace(/-(\d{4})$/, `-${suffix}$1`) : d.code,
    procedure: d.procedure,
    sector: d.sector,
    applicant: d.applicant,
    received: { day: d.received.day, time: d.received.time },
    due: { day: d.due.day },
    closed: d.closed ? { day: d.closed.day } : null,
    status: d.status,
    unit: d.unit,
  };
}

/** `count` deterministic ReadDossiers (the generator of the fixture portal, the same on every run). */
export function readDossiers(count, suffix = '', today = vietnamToday()) {
  return buildGeneratedDossiers(today, count).map((d) => toReadDossier(d, suffix));
}

/**
 * `count` StoredDossiers, all late on the system and all tagged with an early or on-time real return
 * day, so every one of them lands in the appendix (the worst case of the export).
 */
export function taggedLateDossiers(count, today = vietnamToday()) {
  const now = Date.now();
  return buildGeneratedDossiers(today, count).map((d, i) => {
    const read = toReadDossier(d);
    // Late on the system: the appointment day is in the past and the file was closed after it (or not at all).
    const due = read.due.day < today ? read.due.day : addDays(today, -3 - (i % 20));
    const received = read.received.day <= due ? read.received : { day: addDays(due, -15), time: read.received.time };
    const closed = i % 2 === 0 ? { day: addDays(due, 1 + (i % 3)) } : null;
    return {
      ...read,
      received,
      due: { day: due },
      closed,
      firstSeen: now,
      lastSeen: now,
      pageUrl: 'https://dichvucong.kontum.gov.vn/vi/dossier/search',
      tag: {
        realReturn: i % 3 === 0 ? addDays(due, -1) : due,
        reason: i % 4 === 0 ? 'Công dân đã nhận kết quả; chuyên viên chưa kết thúc trên Hệ thống' : '',
        note: i % 5 === 0 ? `Ghi chú ${i}` : '',
        by: 'Nguyễn Văn Bench',
        at: now,
      },
    };
  });
}
