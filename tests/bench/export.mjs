/**
 * Benchmark 6 — the appendix export of 10,000 tagged dossiers.
 *
 * What: `appendixCsv(buildAppendixRows(dossiers, {today}), {delimiter: ','})` (lib/appendix/rows.ts and csv.ts, bundled
 * by esbuild with its Papa Parse) on 10,000 stored dossiers that are all late on the system and all
 * tagged early or on time, so every one of them is an appendix row. Baseline: the same Papa Parse
 * `unparse` with the same options (CRLF, no forced quotes, formula escaping) on the same 14-column rows
 * precomputed as string arrays: the cost of writing the CSV alone. The difference is what the product
 * adds: grouping, classification, date formatting, NFC normalisation, sorting, numbering.
 * Both run in the same blank page of a browser without the extension, interleaved, after warm-up.
 * Target: at most 1.3x.
 */
import { bundleForPage, fmt, launchPlain, median, result, taggedLateDossiers, withTimeout } from './common.mjs';
import { vietnamToday } from '../fixtures/portal/dossiers.mjs';

const COUNT = 10_000;
const SAMPLES = 7;
const WARMUP = 2;

function measureInPage({ dossiers, today, samples, warmup }) {
  const { appendixCsv, buildAppendixRows, APPENDIX_HEADINGS, APPENDIX_KEYS, FORMULA_START, Papa } = globalThis.__benchAppendix;
  const product = () => appendixCsv(buildAppendixRows(dossiers, { today }), { delimiter: ',' });
  // The same rows as plain string arrays, computed once outside the timing.
  const rows = buildAppendixRows(dossiers, { today });
  const data = rows.map((row) => APPENDIX_KEYS.map((key) => row[key]));
  const baseline = () =>
    Papa.unparse({ fields: [...APPENDIX_HEADINGS], data }, { delimiter: ',', newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START });
  const time = (fn) => {
    const t0 = performance.now();
    const out = fn();
    return { ms: performance.now() - t0, length: out.length };
  };
  for (let i = 0; i < warmup; i++) {
    product();
    baseline();
  }
  const p = [];
  const b = [];
  let lengths = null;
  for (let i = 0; i < samples; i++) {
    const first = i % 2 ? baseline : product;
    const second = i % 2 ? product : baseline;
    const r1 = time(first);
    const r2 = time(second);
    (i % 2 ? b : p).push(r1.ms);
    (i % 2 ? p : b).push(r2.ms);
    lengths = i % 2 ? { baseline: r1.length, product: r2.length } : { product: r1.length, baseline: r2.length };
  }
  return { product: p, baseline: b, appendixRows: rows.length, lengths };
}

export async function benchExport({ log = console.log } = {}) {
  const script = await bundleForPage(
    "export { buildAppendixRows, APPENDIX_HEADINGS, APPENDIX_KEYS } from '@/lib/appendix/rows';\nexport { appendixCsv, FORMULA_START } from '@/lib/appendix/csv';\nexport { default as Papa } from 'papaparse';",
    '__benchAppendix',
  );
  const today = vietnamToday();
  const dossiers = taggedLateDossiers(COUNT, today);
  const session = await launchPlain();
  try {
    const page = await session.context.newPage();
    await page.goto('about:blank');
    await page.addScriptTag({ content: script });
    const m = await withTimeout(page.evaluate(measureInPage, { dossiers, today, samples: SAMPLES, warmup: WARMUP }), 120_000, 'export benchmark');
    if (m.appendixRows !== COUNT) throw new Error(`expected ${COUNT} appendix rows, got ${m.appendixRows}`);
    const value = median(m.product);
    const baseline = median(m.baseline);
    log(
      `  export ${COUNT} rows: appendixCsv(buildAppendixRows) ${fmt(value)} ms, Papa.unparse ${fmt(baseline)} ms ` +
        `(CSV ${fmt(m.lengths.product / 1048576)} MiB)`,
    );
    return {
      rows: [
        result({
          bench: '6. Export 10,000 tagged dossiers',
          figure: `appendixCsv(buildAppendixRows()) vs Papa.unparse of the same rows, median ms of ${SAMPLES}`,
          value,
          baseline,
          unit: 'ms',
          target: '≤ 1.3x',
          pass: value / baseline <= 1.3,
        }),
      ],
      samples: m,
    };
  } finally {
    await session.close();
  }
}
