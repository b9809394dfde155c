/**
 * Benchmark 1b — the reader on each markup family real grid libraries draw.
 *
 * What: `readDossierTables(document)` on a page holding one list of N rows in one family — a plain
 * table, a split header/body (two tables in one grid container), a div grid with pinned left / centre /
 * right parts joined by row index, composite cells (labelled values, no code or date column), and a
 * two-row header — against a plain loop reading every body cell's `textContent` once (the baseline,
 * the same cells). Built in the page's main world of a browser without the extension.
 *
 * Why: the reader must stay within 2x of that loop for each family, and flat per row (the content
 * script re-reads after every change of the list).
 *
 * How: 500 and 2,000 rows per family; baseline and reader samples interleaved after warm-up runs. At
 * 2,000 rows the next samples on the same page are reported too (info): the code is then optimised and
 * the heap grown, while the judged samples include the reader's first reads, as a page gets them.
 */
import { DEMO_PAGES } from '../fixtures/portal/routes.mjs';
import { bundleForPage, fmt, median, result, withTimeout } from './common.mjs';

const FAMILIES = ['plain', 'split', 'pinned', 'composite', 'two-row'];
const SIZES = [500, 2_000];
const PLAN = { samples: 15, warmup: 4 };

/** Runs in the page: builds one family's list of `rows` rows and returns the selector of its body cells. */
export function buildFamily({ family, rows }) {
  const pad = (n) => String(n).padStart(4, '0');
  const code = (i) => `000.00.23.H34-260105-${pad(i)}`;
  const day = (i) => `${String((i % 28) + 1).padStart(2, '0')}/01/2026`;
  const cells = (i) => [String(i + 1), code(i), 'Đăng ký khai sinh', 'Hộ tịch', 'Nguyễn Văn An', `${day(i)} 08:00`, day(i), i % 3 ? '' : day(i), 'Đang xử lý', 'UBND xã'];
  const titles = ['STT', 'Mã hồ sơ', 'Thủ tục hành chính', 'Lĩnh vực', 'Chủ hồ sơ', 'Ngày tiếp nhận', 'Ngày hẹn trả', 'Ngày kết thúc', 'Trạng thái', 'Đơn vị xử lý'];
  const tr = (values) => `<tr>${values.map((v) => `<td>${v}</td>`).join('')}</tr>`;
  const body = [];
  let html = '';
  let cellSelector = 'tbody td';
  if (family === 'plain') {
    for (let i = 0; i < rows; i++) body.push(tr(cells(i)));
    html = `<table><thead><tr>${titles.map((t) => `<th>${t}</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table>`;
  } else if (family === 'split') {
    for (let i = 0; i < rows; i++) body.push(tr(cells(i)));
    const cols = `<colgroup>${titles.map(() => '<col>').join('')}</colgroup>`;
    html = `<div class="el-table"><div class="el-table__header-wrapper"><table>${cols}<thead><tr>${titles
      .map((t) => `<th><div class="cell">${t}<span class="caret-wrapper"><i class="sort-caret"></i></span></div></th>`)
      .join('')}</tr></thead></table></div><div class="el-table__body-wrapper"><div class="el-scrollbar"><div class="el-scrollbar__wrap"><table>${cols}<tbody>${body.join('')}</tbody></table></div></div></div></div>`;
    cellSelector = '.el-table__body-wrapper td';
  } else if (family === 'pinned') {
    const parts = { left: [0, 1], center: [2, 3, 4, 5, 6, 7], right: [8, 9] };
    const head = (cols) => `<div role="row" aria-rowindex="1">${cols.map((c) => `<div role="columnheader" aria-colindex="${c + 1}"><span class="ag-header-cell-text">${titles[c]}</span></div>`).join('')}</div>`;
    const rowsOf = (cols) => {
      const out = [];
      for (let i = 0; i < rows; i++) {
        const values = cells(i);
        out.push(`<div role="row" row-index="${i}" aria-rowindex="${i + 2}">${cols.map((c) => `<div role="gridcell" aria-colindex="${c + 1}">${values[c]}</div>`).join('')}</div>`);
      }
      return out.join('');
    };
    html = `<div role="grid"><div class="ag-header">${Object.values(parts).map((cols) => `<div role="rowgroup">${head(cols)}</div>`).join('')}</div><div class="ag-body">${Object.values(parts)
      .map((cols) => `<div role="rowgroup">${rowsOf(cols)}</div>`)
      .join('')}</div></div>`;
    cellSelector = '[role="gridcell"]';
  } else if (family === 'composite') {
    for (let i = 0; i < rows; i++) {
      const info = `<div><b>${code(i)}</b></div><div>- Đăng ký khai sinh</div><div>- Trạng thái hồ sơ : Đang xử lý</div><div>- Tiếp nhận trực tiếp: ${day(i)} 08:15, hẹn trả: ${day(i)} 17:00</div>`;
      body.push(`<tr><td>${i + 1}</td><td>${info}</td><td>Nguyễn Văn An</td><td>${i % 5}  Ngày</td><td>Lê Thị Hoa</td><td><button>Xem</button></td></tr>`);
    }
    html = `<table><thead><tr>${['STT', 'Thông tin hồ sơ', 'Chủ hồ sơ', 'Số ngày quá hạn', 'Người xử lý', 'Thao tác'].map((t) => `<th><p>${t}</p></th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table>`;
  } else {
    for (let i = 0; i < rows; i++) body.push(tr([String(i + 1), code(i), 'Đăng ký khai sinh', 'Nguyễn Văn An', day(i), day(i), i % 3 ? '' : day(i), '']));
    html = `<table><thead><tr><th rowspan="2">TT</th><th rowspan="2">Mã hồ sơ</th><th rowspan="2">Tên TTHC</th><th rowspan="2">Tổ chức, cá nhân</th><th colspan="3">Ngày, tháng, năm</th><th rowspan="2">Ghi chú</th></tr><tr><th>Nhận hồ sơ</th><th>Hẹn trả kết quả</th><th>Trả kết quả</th></tr></thead><tbody>${body.join('')}</tbody></table>`;
  }
  document.body.innerHTML = `<main id="bench-list">${html}</main>`;
  return cellSelector;
}

/** Runs in the page: interleaved timed samples of the baseline and of the reader. */
function measureFamily({ cellSelector, samples, warmup }) {
  const list = document.getElementById('bench-list');
  let sink = 0;
  const baseline = () => {
    // Every body cell, its textContent: nothing else.
    for (const cell of list.querySelectorAll(cellSelector)) sink += cell.textContent.length;
  };
  let read = 0;
  const reader = () => {
    const tables = globalThis.__benchReader.readDossierTables(document);
    read = tables.reduce((n, t) => n + t.dossiers.length, 0);
    sink += read;
  };
  const time = (fn) => {
    const t0 = performance.now();
    fn();
    return performance.now() - t0;
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
  return { baseline: b, reader: r, read, sink };
}

/** Each family at each size, in a session of `launchPlain()`; result rows for the report. */
export async function benchReaderFamilies(session, { log = console.log, families = [] } = {}) {
  const script = await bundleForPage("export { readDossierTables } from '@/lib/portal/reader';", '__benchReader');
  const about = DEMO_PAGES.find((page) => page.key === 'about').url;
  const rows = [];
  for (const family of families.length ? families : FAMILIES) {
    const sizes = [];
    for (const count of SIZES) {
      const page = await session.context.newPage();
      await page.goto(about);
      await page.addScriptTag({ content: script });
      const cellSelector = await page.evaluate(buildFamily, { family, rows: count });
      const m = await withTimeout(page.evaluate(measureFamily, { cellSelector, ...PLAN }), 120_000, `reader family ${family} at ${count} rows`);
      if (m.read !== count) throw new Error(`reader family ${family}: read ${m.read} of ${count} rows`);
      const size = { rows: count, baseline: median(m.baseline), reader: median(m.reader) };
      if (count === SIZES[SIZES.length - 1]) {
        // The same page again, the code now optimised and the heap grown by the reads above.
        const warm = await withTimeout(page.evaluate(measureFamily, { cellSelector, samples: PLAN.samples, warmup: 0 }), 120_000, `reader family ${family} warm`);
        size.warm = { baseline: median(warm.baseline), reader: median(warm.reader) };
      }
      sizes.push(size);
      log(`  reader ${family} ${count} rows: baseline ${fmt(size.baseline)} ms, reader ${fmt(size.reader)} ms, ratio ${fmt(size.reader / size.baseline)}`);
      await page.close();
    }
    const big = sizes[sizes.length - 1];
    const small = sizes[0];
    const ratio = big.reader / big.baseline;
    rows.push(
      result({
        bench: '1. Reader',
        figure: `${family}, ${big.rows.toLocaleString('en-US')} rows: median ms (µs/row), ${PLAN.samples} runs`,
        value: `${fmt(big.reader)} ms (${fmt((big.reader * 1000) / big.rows)} µs)`,
        baseline: `${fmt(big.baseline)} ms (${fmt((big.baseline * 1000) / big.rows)} µs)`,
        unit: 'ms',
        ratio,
        target: '≤ 2x',
        pass: ratio <= 2,
      }),
    );
    rows.push(
      result({
        bench: '1. Reader',
        figure: `${family}, ${big.rows.toLocaleString('en-US')} rows, warm (the next ${PLAN.samples} runs on the same page): median ms`,
        value: big.warm.reader,
        baseline: big.warm.baseline,
        unit: 'ms',
        ratio: big.warm.reader / big.warm.baseline,
        target: 'info',
      }),
    );
    const growth = big.reader / big.rows / (small.reader / small.rows);
    const baseGrowth = big.baseline / big.rows / (small.baseline / small.rows);
    rows.push(
      result({
        bench: '1. Reader',
        figure: `${family}: per-row cost growth ${small.rows.toLocaleString('en-US')} → ${big.rows.toLocaleString('en-US')} rows`,
        value: growth,
        baseline: baseGrowth,
        unit: 'x',
        target: 'grows ≤ 1.25x the baseline (flat)',
        pass: growth / baseGrowth <= 1.25,
      }),
    );
  }
  return rows;
}
