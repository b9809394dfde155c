import { mkdirSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { isLateOnSystem } from '../../lib/dossier/classify';
import { vietnamNow, type Now } from '../../lib/calendar/day';
import { parsePortalDate } from '../../lib/portal/portal-date';
import { normalizeText } from '../../lib/portal/text';
import { rowVerdict } from '../../lib/portal/verdict';
import { gridRows, PAGE_SIZE, VIRTUAL_ROW_COUNT, type GridLibrary, type GridRow } from '../fixtures/grids/data.mjs';
import { gridPageUrl, installGridRoutes } from '../fixtures/grids/routes.mjs';
import { expect, listedCodes, openPanel, openPopup, panel, panelCount, popupCount, sendFromExtensionPage, test } from './fixtures';

/**
 * The dossier lists of the portal as the real grid libraries draw them (bundled from
 * tests/fixtures/grids/ before the run, served at the portal's own address): the panel lists exactly
 * the late dossiers of the view, paging or scrolling with the library's own controls reaches every
 * late dossier, the popup counts them all, and each is stored once with its own row's cells. What is
 * late is decided here by the product's own rules on the texts each cell shows, never by a list.
 */

const SHOTS = 'tests/artifacts/grids';

type Verdict = 'late' | 'not-late' | 'unreadable';

/**
 * The product's classification of one row, from the texts the grid prints (docs/domain.md), at the
 * Vietnam minute of the call: callers that wait re-classify on each try, so a timed appointment passing
 * during the test cannot make the expectation stale.
 */
function classify(row: GridRow, now: Now = vietnamNow()): Verdict {
  const due = parsePortalDate(row.due);
  const closed = parsePortalDate(row.closed);
  if (due.kind !== 'ok' || closed.kind === 'invalid') return 'unreadable';
  const verdict = rowVerdict([normalizeText(row.status)]);
  const read = { due: due.value, closed: closed.kind === 'ok' ? closed.value : null, verdict };
  return isLateOnSystem(read, now) ? 'late' : 'not-late';
}

/** The codes of the late dossiers among `rows`, sorted, at this minute. */
const lateCodes = (rows: readonly GridRow[]) => {
  const now = vietnamNow();
  return rows
    .filter((row) => classify(row, now) === 'late')
    .map((row) => row.code)
    .sort();
};

/** The fixture rows whose code the grid shows now, read from the page's own DOM (not the extension). */
async function rowsOnGrid(page: Page, rows: readonly GridRow[]): Promise<GridRow[]> {
  const text = await page.locator('#app').innerText();
  return rows.filter((row) => text.includes(row.code));
}

/** Waits until the panel lists exactly the late dossiers among `rows`. */
async function expectListed(page: Page, rows: readonly GridRow[]) {
  await expect
    .poll(async () => {
      const listed = (await listedCodes(page)).sort();
      const expected = lateCodes(rows);
      return JSON.stringify(listed) === JSON.stringify(expected) ? 'match' : { listed, expected };
    })
    .toBe('match');
}

/**
 * Every code the panel lists, found through its filter one receipt day (`-yyMMdd-`) at a time: the
 * panel renders a long list in steps, and its filter renders every match. Each day's listed codes must
 * be exactly the expected ones of that day.
 */
async function everyListedCode(page: Page, expected: readonly string[]): Promise<Set<string>> {
  const filter = panel(page).getByTestId('panel-filter');
  const found = new Set<string>();
  for (const day of new Set(expected.map((code) => /-\d{6}-/.exec(code)![0]))) {
    await filter.fill(day);
    await expect.poll(async () => (await listedCodes(page)).sort()).toEqual(expected.filter((code) => code.includes(day)));
    for (const code of await listedCodes(page)) found.add(code);
  }
  await filter.fill('');
  return found;
}

async function screenshot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/**
 * Everything read is stored once, under its own code, with its own row's appointment and closing (a
 * pinned or fixed column joined to the wrong row would show here), and the popup counts every late one.
 */
async function expectStoredOnce(context: BrowserContext, extensionId: string, seen: readonly GridRow[], fields: ('applicant' | 'procedure')[]) {
  const [all] = await sendFromExtensionPage(context, extensionId, [{ type: 'dossiers/all' }]);
  const stored = (all as { dossiers: { code: string; due: unknown; closed: unknown; applicant: string; procedure: string }[] }).dossiers;
  const codes = stored.map((d) => d.code).sort();
  expect(new Set(codes).size).toBe(codes.length);
  expect(codes).toEqual(seen.filter((row) => classify(row) !== 'unreadable').map((row) => row.code).sort());
  const byCode = new Map(seen.map((row) => [row.code, row]));
  for (const dossier of stored) {
    const row = byCode.get(dossier.code)!;
    const date = (text: string) => {
      const parsed = parsePortalDate(text);
      return parsed.kind === 'ok' ? parsed.value : null;
    };
    const mine = { code: row.code, due: date(row.due), closed: date(row.closed), ...Object.fromEntries(fields.map((f) => [f, normalizeText(row[f])])) };
    expect({ code: dossier.code, due: dossier.due, closed: dossier.closed, ...Object.fromEntries(fields.map((f) => [f, dossier[f]])) }).toEqual(mine);
  }
  const popup = await openPopup(context, extensionId);
  await expect
    .poll(async () => {
      const [count, expected] = [await popupCount(popup, 'count-late'), lateCodes(seen).length];
      return count === expected ? 'match' : { count, expected };
    })
    .toBe('match');
  await popup.close();
}

/** The paged grids, each with its paginator's own "next page" control. */
const PAGED: { library: GridLibrary; name: string; next: (page: Page) => Locator }[] = [
  { library: 'angular', name: 'Angular Material <table mat-table> with mat-paginator', next: (p) => p.getByRole('button', { name: 'Trang tiếp theo' }) },
  { library: 'angular-flex', name: 'Angular Material <mat-table> elements with mat-paginator', next: (p) => p.getByRole('button', { name: 'Trang tiếp theo' }) },
  { library: 'element-plus', name: 'Element Plus el-table with a height and fixed columns, el-pagination', next: (p) => p.getByRole('button', { name: 'Đến trang sau' }) },
  { library: 'antd', name: 'Ant Design Table with scroll.y, fixed columns and sorters, its pagination', next: (p) => p.getByTitle('Trang Kế') },
  // DataTables gives its paging buttons the role of links.
  { library: 'datatables', name: 'DataTables with scrollY and its paging', next: (p) => p.getByRole('link', { name: 'Trang tiếp theo' }) },
];

test.beforeEach(async ({ context }) => {
  await installGridRoutes(context);
});

for (const { library, name, next } of PAGED) {
  test(`${name}: each page lists exactly its late dossiers, paging reaches all, each stored once`, async ({ context, extensionId }) => {
    const rows = gridRows();
    const pages = Math.ceil(rows.length / PAGE_SIZE);
    const page = await context.newPage();
    await page.goto(gridPageUrl(library));
    await openPanel(page);

    // The first view: the grid's own first page, and exactly its late dossiers in the panel.
    await expect.poll(async () => (await rowsOnGrid(page, rows)).map((r) => r.code)).toEqual(rows.slice(0, PAGE_SIZE).map((r) => r.code));
    // The screenshot is taken whether or not the panel matches: it is what to look at when it does not.
    await expectListed(page, rows.slice(0, PAGE_SIZE)).finally(() => screenshot(page, library));

    const seen = new Map(rows.slice(0, PAGE_SIZE).map((r) => [r.code, r]));
    const listed = new Set(await listedCodes(page));
    for (let index = 1; index < pages; index++) {
      const shown = rows.slice(index * PAGE_SIZE, (index + 1) * PAGE_SIZE);
      await next(page).click();
      await expect.poll(async () => (await rowsOnGrid(page, rows)).map((r) => r.code)).toEqual(shown.map((r) => r.code));
      // After a page change the panel lists the new page's late dossiers, not a running total.
      await expectListed(page, shown);
      for (const row of shown) seen.set(row.code, row);
      for (const code of await listedCodes(page)) listed.add(code);
    }

    // Paging reached every late dossier of the list, and each was stored once.
    expect(seen.size).toBe(rows.length);
    expect([...listed].sort()).toEqual(lateCodes(rows));
    expect(listed.size).toBeGreaterThan(0);
    await expectStoredOnce(context, extensionId, [...seen.values()], ['applicant', 'procedure']);
  });
}

test('ag-Grid with virtualised rows and pinned columns: the rows in view are listed, scrolling accumulates every late one, each stored once', async ({
  context,
  extensionId,
}) => {
  const rows = gridRows(Date.now(), { virtual: true });
  const page = await context.newPage();
  await page.goto(gridPageUrl('ag-grid'));
  await openPanel(page);

  // Only the rows near the viewport exist; the panel lists exactly the late ones among them.
  await expect.poll(async () => (await rowsOnGrid(page, rows)).length).toBeGreaterThan(0);
  const first = await rowsOnGrid(page, rows);
  expect(first.length).toBeLessThan(VIRTUAL_ROW_COUNT / 4);
  await expectListed(page, first).finally(() => screenshot(page, 'ag-grid'));

  // Scroll the grid's own viewport with the wheel to the bottom, each step shorter than the band of rows
  // it draws (the viewport and its buffer rows), so that every row is drawn at some step.
  const seen = new Map(first.map((r) => [r.code, r]));
  const viewport = page.locator('.ag-body-viewport');
  await page.locator('.ag-center-cols-viewport').hover();
  for (let step = 0; step < 60; step++) {
    const before = await viewport.evaluate((el) => el.scrollTop);
    await page.mouse.wheel(0, 600);
    await expect.poll(() => viewport.evaluate((el) => el.scrollTop)).not.toBe(before);
    for (const row of await rowsOnGrid(page, rows)) seen.set(row.code, row);
    // Rows read while scrolling stay listed: the panel counts at least every late dossier seen so far
    // (it renders a long list in steps, so the codes themselves are checked through its filter below).
    await expect
      .poll(async () => {
        const [count, expected] = [await panelCount(page), lateCodes([...seen.values()]).length];
        return count >= expected ? 'enough' : { count, expected };
      })
      .toBe('enough');
    const atBottom = await viewport.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 1);
    if (atBottom) break;
  }

  // Scrolling drew every row once; the panel now holds exactly the late dossiers of the whole list.
  expect(seen.size).toBe(rows.length);
  await expect.poll(() => panelCount(page)).toBe(lateCodes(rows).length);
  expect([...(await everyListedCode(page, lateCodes(rows)))].sort()).toEqual(lateCodes(rows));
  await expectStoredOnce(context, extensionId, rows, []);
});
