/**
 * Benchmark 1 — the reader.
 *
 * What: `readDossierTables(document)` (lib/portal/reader/, bundled by esbuild and injected as a page script)
 * on the fixture search page with 200, 2,000 and 20,000 generated rows, against the cheapest thing any
 * reader must do: read every cell's `textContent` once (the baseline). Both run in the page's main world
 * of a browser WITHOUT the extension, after `data-portal-ready`, so nothing else competes for the thread.
 *
 * Why: the content script re-reads the page after every change of the list; its cost must stay close to
 * the DOM's own cost (target: at most 2x) and grow linearly with the rows (flat µs per row).
 *
 * How: baseline and reader samples are interleaved (drift hits both), after warm-up runs; small pages
 * repeat each sample several times so a sample is well above the timer's 0.1 ms resolution.
 */
import { generatedSearchUrl } from '../fixtures/portal/routes.mjs';
import { bundleForPage, fmt, launchPlain, median, result, waitPortalReady, withTimeout } from './common.mjs';
import { benchReaderFamilies } from './reader-families.mjs';

/** rows → samples of each kind, warm-up runs, repetitions inside one sample. */
const PLAN = [
  { rows: 200, samples: 15, warmup: 5, reps: 10 },
  { rows: 2_000, samples: 21, warmup: 5, reps: 2 },
  { rows: 20_000, samples: 3, warmup: 1, reps: 1 },
];

/** Runs in the page: interleaved timed samples of the baseline and of the reader. */
function measureInPage({ samples, warmup, reps }) {
  const table = document.querySelector('table');
  let sink = 0;
  const baseline = () => {
    // Every row, every cell, its textContent: nothing else.
    for (const row of table.rows) for (const cell of row.cells) sink += cell.textContent.length;
  };
  let read = 0;
  const reader = () => {
    const tables = globalThis.__benchReader.readDossierTables(document);
    read = tables.reduce((n, t) => n + t.dossiers.length, 0);
    sink += read;
  };
  const time = (fn) => {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) fn();
    return (performance.now() - t0) / reps;
  };
  for (let i = 0; i < warmup; i++) {
    baseline();
    reader();
  }
  const b = [];
  const r = [];
  for (let i = 0; i < samples; i++) {
    if (i % 2) {
      r.push(time(reader));
      b.push(time(baseline));
    } else {
      b.push(time(baseline));
      r.push(time(reader));
    }
  }
  return { baseline: b, reader: r, read, rows: table.tBodies[0].rows.length, sink };
}

export async function benchReader({ quick = false, log = console.log } = {}) {
  const script = await bundleForPage("export { readDossierTables } from '@/lib/portal/reader';", '__benchReader');
  const plan = quick ? PLAN.filter((p) => p.rows <= 2_000) : PLAN;
  const session = await launchPlain();
  const sizes = [];
  let familyRows = [];
  try {
    for (const step of plan) {
      const page = await session.context.newPage();
      const started = Date.now();
      await page.goto(generatedSearchUrl(step.rows), { timeout: 120_000 });
      await waitPortalReady(page, 120_000);
      const renderMs = Date.now() - started;
      await page.addScriptTag({ content: script });
      const m = await withTimeout(page.evaluate(measureInPage, step), 120_000, `reader benchmark at ${step.rows} rows`);
      if (m.rows !== step.rows) throw new Error(`expected ${step.rows} rows on the page, found ${m.rows}`);
      if (m.read !== step.rows) log(`  warning: the reader read ${m.read} of ${m.rows} rows`);
      const size = { rows: step.rows, baseline: median(m.baseline), reader: median(m.reader), samples: step.samples, read: m.read };
      sizes.push(size);
      log(
        `  reader ${step.rows} rows (page rendered in ${(renderMs / 1000).toFixed(1)} s): baseline ${fmt(size.baseline)} ms, ` +
          `reader ${fmt(size.reader)} ms, ratio ${fmt(size.reader / size.baseline)}`,
      );
      await page.close();
    }
    familyRows = await benchReaderFamilies(session, { log });
  } finally {
    await session.close();
  }

  const rows = [];
  for (const s of sizes) {
    const ratio = s.reader / s.baseline;
    rows.push(
      result({
        bench: '1. Reader',
        figure: `${s.rows.toLocaleString('en-US')} rows: median ms (µs/row), ${s.samples} runs`,
        value: `${fmt(s.reader)} ms (${fmt((s.reader * 1000) / s.rows)} µs)`,
        baseline: `${fmt(s.baseline)} ms (${fmt((s.baseline * 1000) / s.rows)} µs)`,
        unit: 'ms',
        ratio,
        target: '≤ 2x',
        pass: ratio <= 2,
      }),
    );
  }
  // Flat per-row cost: µs/row at the largest size over µs/row at the size before it (1.0 = linear),
  // judged against the same growth of the plain textContent loop in this run: on a 20,000-row page the
  // DOM itself (and the garbage collector) costs more per row, and that is not the reader's doing.
  if (sizes.length >= 2) {
    const big = sizes[sizes.length - 1];
    const prev = sizes[sizes.length - 2];
    const growth = big.reader / big.rows / (prev.reader / prev.rows);
    const baseGrowth = big.baseline / big.rows / (prev.baseline / prev.rows);
    rows.push(
      result({
        bench: '1. Reader',
        figure: `per-row cost growth ${prev.rows.toLocaleString('en-US')} → ${big.rows.toLocaleString('en-US')} rows (µs/row ÷ µs/row)`,
        value: growth,
        baseline: baseGrowth,
        unit: 'x',
        target: 'grows ≤ 1.25x the baseline (flat)',
        pass: growth / baseGrowth <= 1.25,
      }),
    );
  }
  rows.push(...familyRows);
  return { rows, sizes };
}
