#!/usr/bin/env node
/**
 * The dashboard's first render with 20,000 stored dossiers over 24 months (target: at most 300 ms of
 * main-thread time after the data is read).
 *
 *   npm run build && node tests/bench/dashboard.mjs [--runs=7] [--count=20000] [--write]
 *
 * With --write, the figures replace the dashboard section at the end of docs/benchmarks.md (between its
 * two `dashboard` comment lines; tests/bench/run.mjs rewrites the rest of that file).
 *
 * Fills the production build's store through the protocol (from an extension page, as the popup would),
 * then opens /dashboard.html several times. The page marks `dashboard:data` when the stored dossiers are
 * in hand and `dashboard:rendered` in a task after the first frame that shows them: the span holds
 * building every list, the trend and the handler table, React's render and commit, style, layout and
 * paint, and nothing but that (no network, no other page). Prints the median and the worst run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension } from '../support/browser.mjs';
import { addDays, vietnamToday } from '../fixtures/portal/dossiers.mjs';
import { median, max, ROOT, withTimeout } from './common.mjs';

const argv = process.argv.slice(2);
const arg = (name, fallback) => Number(argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const RUNS = arg('runs', 7);
const COUNT = arg('count', 20_000);
const TARGET_MS = 300;

const UNITS = [
  'UBND phường Quyết Thắng', 'UBND phường Thắng Lợi', 'UBND phường Duy Tân', 'UBND xã Đắk Cấm', 'UBND xã Vinh Quang',
  'UBND thành phố Kon Tum - Phòng Tư pháp', 'UBND thành phố Kon Tum - Phòng Quản lý đô thị',
  'UBND thành phố Kon Tum - Phòng Tài chính - Kế hoạch', 'Chi nhánh Văn phòng đăng ký đất đai thành phố Kon Tum',
  'UBND huyện Đắk Hà - Phòng Tài nguyên và Môi trường', 'UBND huyện Đắk Hà - Phòng Kinh tế và Hạ tầng', 'UBND xã Ngọk Bay',
];
const SECTORS = ['Hộ tịch', 'Chứng thực', 'Đất đai', 'Xây dựng', 'Bảo trợ xã hội'];
const HANDLERS = ['Trần Thị Hạnh', 'Lê Văn Quang', 'Nguyễn Thị Mai', 'Y Hlen', 'Phạm Quốc Dũng', 'Đinh Văn Tú', 'Hồ Thị Lan', 'A Thuận'];

/**
 * `count` dossiers with appointments spread over the 24 months before today (and a few days after):
 * mostly closed (a quarter of those late), the rest open; half of the late ones tagged on time.
 */
function dossiers(count, today) {
  let seed = 7;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const list = [];
  for (let i = 0; i < count; i++) {
    const due = addDays(today, 10 - Math.floor(random() * 730));
    const received = addDays(due, -5);
    const r = random();
    const closedDay = r < 0.7 ? addDays(due, -1) : r < 0.93 ? addDays(due, 1 + Math.floor(random() * 5)) : null;
    const closed = closedDay && closedDay <= today ? { day: closedDay } : null;
    list.push({
      code: `000.00.23.H34-${due.slice(2, 4)}${due.slice(5, 7)}${due.slice(8, 10)}-${String(i).padStart(5, '0')}`,
      procedure: 'Đăng ký khai sinh',
      sector: SECTORS[i % SECTORS.length],
      applicant: `Nguyễn Văn ${i}`,
      received: { day: received },
      due: { day: due, time: '17:00' },
      closed,
      status: closed ? 'Đã trả kết quả' : 'Đang xử lý',
      unit: UNITS[i % UNITS.length],
      ...(i % 2 ? { handler: HANDLERS[i % HANDLERS.length] } : {}),
    });
  }
  return list;
}

/** The trace's events (Tracing.end, then the stream read to its end). */
async function stopTracing(cdp) {
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text);
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/**
 * Main-thread CPU time between the two marks, in ms: both are trace events of the page's main thread,
 * stamped with that thread's own clock (`tts`), which does not run while the thread waits or is
 * descheduled by other processes.
 */
function mainThreadCpu(events) {
  const mark = (name) => events.find((e) => e.name === name && e.cat.includes('blink.user_timing'));
  const from = mark('dashboard:data');
  const to = mark('dashboard:rendered');
  if (!from || !to || from.tid !== to.tid || typeof from.tts !== 'number' || typeof to.tts !== 'number') return NaN;
  return (to.tts - from.tts) / 1000;
}

const session = await launchWithExtension({ viewport: { width: 1366, height: 768 } });
try {
  const { context, extensionId } = session;
  const origin = `chrome-extension://${extensionId}`;
  const today = vietnamToday();
  const seedPage = await context.newPage();
  await seedPage.goto(`${origin}/popup.html`);
  const list = dossiers(COUNT, today);
  const tags = list.filter((d, i) => i % 2 === 0 && d.due.day < today && (!d.closed || d.closed.day > d.due.day));
  await withTimeout(
    seedPage.evaluate(
      async ({ list, tags }) => {
        const send = (message) => globalThis.chrome.runtime.sendMessage(message);
        const stored = await send({ type: 'dossiers/upsert', pageUrl: 'https://dichvucong.kontum.gov.vn/vi/dossier/search', dossiers: list });
        if (!stored.ok) throw new Error(JSON.stringify(stored));
        for (let i = 0; i < tags.length; i += 500) {
          const chunk = tags.slice(i, i + 500);
          await Promise.all(chunk.map((d) => send({ type: 'tag/set', code: d.code, input: { realReturn: d.due.day } })));
        }
      },
      { list, tags },
    ),
    300_000,
    'seeding the store',
  );
  await seedPage.close();

  const spans = [];
  const cpu = [];
  let shown = '';
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  for (let run = 0; run < RUNS; run++) {
    await cdp.send('Tracing.start', { categories: 'blink.user_timing', transferMode: 'ReturnAsStream' });
    await page.goto(`${origin}/dashboard.html`);
    const span = await withTimeout(
      page.waitForFunction(() => {
        const data = performance.getEntriesByName('dashboard:data')[0];
        const rendered = performance.getEntriesByName('dashboard:rendered')[0];
        return data && rendered ? rendered.startTime - data.startTime : null;
      }, undefined, { timeout: 120_000 }),
      130_000,
      'the dashboard render',
    );
    spans.push(await span.jsonValue());
    cpu.push(mainThreadCpu(await stopTracing(cdp)));
    shown = (await page.getByTestId('dashboard-scope').textContent()) ?? '';
  }
  const items = await page.getByTestId('followup-item').count();
  const months = await page.getByTestId('trend-table').locator('tbody tr').count();
  console.log(`dashboard: ${COUNT} dossiers (${shown.trim()}), ${tags.length} tagged, ${items} follow-up rows, ${months} months`);
  console.log(`first render after the data is read: median ${median(spans).toFixed(0)} ms, worst ${max(spans).toFixed(0)} ms over ${RUNS} runs (target ≤ ${TARGET_MS} ms)`);
  console.log(`runs (wall): ${spans.map((s) => s.toFixed(0)).join(', ')} ms`);
  console.log(`main-thread CPU time between the marks: median ${median(cpu).toFixed(0)} ms, worst ${max(cpu).toFixed(0)} ms (runs: ${cpu.map((c) => c.toFixed(0)).join(', ')})`);
  if (argv.includes('--write')) {
    const file = join(ROOT, 'docs/benchmarks.md');
    const section = [
      '<!-- dashboard -->',
      '## Dashboard first render (`node tests/bench/dashboard.mjs --write`)',
      '',
      `${COUNT.toLocaleString('en-US')} stored dossiers over 24 months, ${tags.length.toLocaleString('en-US')} tagged; ${items} follow-up rows, ${months} months in the trend. Median of ${RUNS} loads, ${new Date().toISOString().slice(0, 10)}.`,
      '',
      '| figure | median | worst | target |',
      '|---|---|---|---|',
      `| main-thread CPU time from the data in hand to the first frame shown | ${median(cpu).toFixed(0)} ms | ${max(cpu).toFixed(0)} ms | ≤ ${TARGET_MS} ms: ${median(cpu) <= TARGET_MS ? 'pass' : 'FAIL'} |`,
      `| wall time over the same span (includes waiting for the frame and other processes) | ${median(spans).toFixed(0)} ms | ${max(spans).toFixed(0)} ms | info |`,
      '<!-- /dashboard -->',
    ].join('\n');
    const old = readFileSync(file, 'utf8');
    const kept = old.replace(/\n*<!-- dashboard -->[\s\S]*<!-- \/dashboard -->\n?/, '');
    writeFileSync(file, `${kept.trimEnd()}\n\n${section}\n`);
  }
  // The target is on main-thread time: the thread's own clock, which a loaded machine does not inflate.
  process.exitCode = median(cpu) <= TARGET_MS ? 0 : 1;
} finally {
  await session.close();
}
