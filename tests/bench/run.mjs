#!/usr/bin/env node
/**
 * The benchmark: `npm run bench` (= npm run build && node tests/bench/run.mjs).
 *
 * Runs every benchmark in the system Chromium against the fixture portal (Playwright routing; every other
 * URL is blocked), prints one markdown table and writes it to docs/benchmarks.md. Every figure is compared
 * with a baseline measured in the same run, so the targets are ratios and hold across machines.
 *
 *   node tests/bench/run.mjs            all benchmarks (about 4 minutes on 2 cores)
 *   node tests/bench/run.mjs --quick    skip the 20,000-row page (its rendering alone takes ~30 s)
 *   node tests/bench/run.mjs --only=reader,export   a subset (reader, page, store, tagging, export, sizes);
 *                                       docs/benchmarks.md is only written by a full or --quick run
 *
 * It stops by itself: every wait is bounded, and a watchdog ends the process after 9 minutes.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { findChromium } from '../support/browser.mjs';
import { fmt, ROOT, snapshotExtension } from './common.mjs';
import { benchReader } from './reader.mjs';
import { benchPageCost } from './page-cost.mjs';
import { benchStore } from './store.mjs';
import { benchTagging } from './tagging.mjs';
import { benchExport } from './export.mjs';
import { benchSizes } from './sizes.mjs';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const onlyArg = argv.find((a) => a.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : null;
const OUTPUT = join(ROOT, 'docs/benchmarks.md');
const WATCHDOG_MS = 9 * 60_000;

const watchdog = setTimeout(() => {
  console.error('bench: gave up after 9 minutes (a browser or page hung).');
  process.exit(2);
}, WATCHDOG_MS);
watchdog.unref();

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  let chromium = 'unknown';
  try {
    chromium = execFileSync(findChromium(), ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // Reported as unknown.
  }
  return {
    cpu: model,
    cores: cpus().length,
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    chromium,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}

function cell(text) {
  return String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function table(rows) {
  const lines = [
    '| Benchmark | Figure | Measured | Baseline (same run) | Ratio | Target | Result |',
    '|---|---|---:|---:|---:|---|---|',
  ];
  for (const r of rows) {
    const value = typeof r.value === 'number' ? `${fmt(r.value)}${r.unit && r.unit !== 'x' ? ` ${r.unit}` : ''}` : r.value;
    const baseline = r.baseline === null ? '—' : typeof r.baseline === 'number' ? `${fmt(r.baseline)}${r.unit && r.unit !== 'x' ? ` ${r.unit}` : ''}` : r.baseline;
    const ratio = r.ratio === null || r.ratio === undefined ? '—' : `${fmt(r.ratio)}x`;
    const verdict = r.pass === null ? '—' : r.pass ? 'pass' : '**FAIL**';
    lines.push(`| ${[r.bench, r.figure, value, baseline, ratio, r.target || '—', verdict].map(cell).join(' | ')} |`);
  }
  return lines.join('\n');
}

async function main() {
  const started = Date.now();
  const info = machine();
  const log = (line) => console.log(line);
  const wanted = (name) => !only || only.has(name);
  // A private copy of the build: other people may rebuild .output while this runs.
  const snapshot = snapshotExtension();
  const rows = [];
  const errors = [];
  const step = async (name, fn) => {
    if (!wanted(name)) return;
    const t0 = Date.now();
    log(`bench: ${name}…`);
    try {
      const out = await fn();
      rows.push(...out.rows);
    } catch (error) {
      errors.push(`${name}: ${error.message.split('\n')[0]}`);
      console.error(`bench: ${name} failed: ${error.stack ?? error.message}`);
    }
    log(`bench: ${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  };
  try {
    await step('reader', () => benchReader({ quick, log }));
    await step('page', () => benchPageCost({ extensionDir: snapshot.dir, log }));
    await step('store', () => benchStore({ extensionDir: snapshot.dir, log }));
    await step('tagging', () => benchTagging({ extensionDir: snapshot.dir, log }));
    await step('export', () => benchExport({ log }));
    await step('sizes', async () => benchSizes({ extensionDir: snapshot.dir, log }));
  } finally {
    snapshot.remove();
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const failed = rows.filter((r) => r.pass === false).length;
  const targeted = rows.filter((r) => r.pass !== null).length;
  const markdown = [
    '# Benchmarks',
    '',
    `Generated by \`npm run bench\` (tests/bench/run.mjs${quick ? ' --quick' : ''}) on ${info.date}, in ${seconds} s.`,
    '',
    `- Machine: ${info.cpu}, ${info.cores} cores, ${info.memory} memory`,
    `- Node ${info.node}; ${info.chromium} (headless)`,
    `- Targets met: ${targeted - failed} of ${targeted}${errors.length ? `; benchmarks that could not run: ${errors.join('; ')}` : ''}`,
    '',
    'Each figure is compared with a baseline measured in the same run on the same machine; the targets are',
    'ratios. Details of what each benchmark measures are in the comments of tests/bench/*.mjs.',
    '',
    table(rows),
    '',
  ].join('\n');
  console.log(`\n${markdown}`);
  if (!only) {
    // Sections other benchmarks write between `<!-- name -->` and `<!-- /name -->` (dashboard, office) stay.
    const kept = [...readFileSync(OUTPUT, 'utf8').matchAll(/<!-- ([\w-]+) -->\n[\s\S]*?<!-- \/\1 -->\n?/g)].map((m) => m[0]);
    writeFileSync(OUTPUT, [markdown, ...kept].join('\n'));
    console.log(`bench: written to ${OUTPUT}`);
  }
  return errors.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`bench: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
