import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { DEMO_PAGES } from '../fixtures/portal/routes.mjs';
import {
  buildAriaDossiers,
  buildLegacyDossiers,
  buildSearchDossiers,
  vietnamToday,
  type FixtureDossier,
} from '../fixtures/portal/dossiers.mjs';
import { expect, firstNumber, openPopup, sendFromExtensionPage, test } from './fixtures';

/**
 * The dashboard on the demo portal's data: the store is filled by visiting the demo pages (the content
 * script stores what it reads), some dossiers are tagged through the protocol, and the page is opened
 * from the popup. Every expected figure is counted here from the fixture data, not by the extension.
 */

const url = (key: string) => DEMO_PAGES.find((page) => page.key === key)!.url;
const today = vietnamToday();
const all: FixtureDossier[] = [...buildSearchDossiers(today), ...buildAriaDossiers(today), ...buildLegacyDossiers(today)].filter(
  (d) => d.expected !== 'unreadable',
);
const search = new Set(buildSearchDossiers(today).map((d) => d.code));

/** Tagged in the test: every late search dossier closed late (returned on its day), two open ones (a). */
const lateClosed = all.filter((d) => d.expected === 'late-closed' && search.has(d.code));
const returnedOpen = all.filter((d) => d.expected === 'late-unclosed' && search.has(d.code)).slice(0, 2);
const tags = new Map([...lateClosed, ...returnedOpen].map((d) => [d.code, d.due.day!]));

async function seed(context: BrowserContext, extensionId: string) {
  for (const key of ['search', 'aria', 'legacy']) {
    const page = await context.newPage();
    await page.goto(url(key));
    if (key === 'search') await page.getByLabel('Số dòng').selectOption('50');
    await expect
      .poll(async () => {
        const [status] = (await sendFromExtensionPage(context, extensionId, [{ type: 'status/get' }])) as { stored: number }[];
        return status!.stored;
      })
      .toBeGreaterThanOrEqual(key === 'search' ? 47 : key === 'aria' ? 62 : 72);
    await page.close();
  }
  const answers = await sendFromExtensionPage(
    context,
    extensionId,
    [...tags].map(([code, day]) => ({ type: 'tag/set', code, input: { realReturn: day } })),
  );
  for (const answer of answers) expect(answer).toMatchObject({ ok: true });
}

async function openDashboard(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await openPopup(context, extensionId);
  const [dashboard] = await Promise.all([context.waitForEvent('page'), popup.getByTestId('open-dashboard').click()]);
  await dashboard.waitForLoadState();
  expect(dashboard.url()).toBe(`chrome-extension://${extensionId}/dashboard.html`);
  return dashboard;
}

/** The trend as counted from the fixture: by appointment month, decided = closed or due before today. */
function expectedTrend(dossiers: FixtureDossier[]) {
  const months = new Map<string, { decided: number; late: number; reallyLate: number }>();
  for (const d of dossiers) {
    const due = d.due.day!;
    if (!d.closed && due >= today) continue;
    const month = `${due.slice(5, 7)}/${due.slice(0, 4)}`;
    const entry = months.get(month) ?? { decided: 0, late: 0, reallyLate: 0 };
    entry.decided++;
    const late = d.expected === 'late-closed' || d.expected === 'late-unclosed';
    if (late) entry.late++;
    const tagged = tags.get(d.code);
    if (late && !(tagged !== undefined && tagged <= due)) entry.reallyLate++;
    months.set(month, entry);
  }
  return months;
}

async function trendRows(page: Page) {
  return page
    .getByTestId('trend-table')
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => Array.from((row as HTMLTableRowElement).cells).map((cell) => cell.textContent ?? '')));
}

test('the dashboard opened from the popup lists follow-ups per unit, prints one unit to PDF, and its trend matches the fixture', async ({
  context,
  extensionId,
}, testInfo) => {
  test.setTimeout(120_000);
  await seed(context, extensionId);
  const page = await openDashboard(context, extensionId);

  // No filter: every stored dossier, and every open late dossier is in its unit's list.
  await expect(page.getByTestId('dashboard-scope')).toContainText(`${all.length} / ${all.length}`);
  const overdue = all.filter((d) => d.expected === 'late-unclosed' && !tags.has(d.code));
  await expect(page.locator('[data-testid="followup-item"][data-kind="overdue"]')).toHaveCount(overdue.length);
  for (const d of returnedOpen) {
    await expect(page.locator(`[data-testid="followup-item"][data-code="${d.code}"]`)).toHaveAttribute('data-kind', 'returned-not-closed');
  }

  // The trend table: one row per month from the first to the last, figures as counted above.
  const expected = expectedTrend(all);
  const rows = await trendRows(page);
  expect(rows.length).toBeGreaterThanOrEqual(expected.size);
  for (const cells of rows) {
    expect(cells[0]).toMatch(/^\d{2}\/\d{4}$/);
    const month = expected.get(cells[0]!) ?? { decided: 0, late: 0, reallyLate: 0 };
    expect(firstNumber(cells[1]!), `${cells[0]} decided`).toBe(month.decided);
    if (month.decided === 0) continue;
    expect(firstNumber(cells[2]!), `${cells[0]} late on the system`).toBe(month.late);
    expect(firstNumber(cells[3]!), `${cells[0]} really late`).toBe(month.reallyLate);
  }
  expect(rows.map((cells) => cells[0])).toEqual(expect.arrayContaining([...expected.keys()]));

  // Who closes late: the tagged late-closed search dossiers, counted by the handler the page showed.
  const byHandler = new Map<string, number>();
  for (const d of lateClosed) byHandler.set(d.handler, (byHandler.get(d.handler) ?? 0) + 1);
  const handlerCounts = await page
    .getByTestId('handler-row')
    .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-handler') ?? '', Number(tr.lastElementChild?.textContent)] as const));
  const counted = new Map<string, number>();
  for (const [handler, count] of handlerCounts) counted.set(handler, (counted.get(handler) ?? 0) + count);
  expect(counted).toEqual(byHandler);

  // Filter to the unit with the most open late dossiers: the address keeps it, only its block is left.
  const perUnit = new Map<string, FixtureDossier[]>();
  for (const d of overdue) perUnit.set(d.unit, [...(perUnit.get(d.unit) ?? []), d]);
  const [unit, unitOverdue] = [...perUnit].sort((a, b) => b[1].length - a[1].length)[0]!;
  await page.getByTestId('dashboard-unit').selectOption(unit);
  await expect(page.getByTestId('followup-unit')).toHaveCount(1);
  await expect(page.getByTestId('followup-unit')).toHaveAttribute('data-unit', unit);
  expect(new URL(page.url()).searchParams.get('unit')).toBe(unit);
  const unitCodes = await page.getByTestId('followup-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-code')));
  expect(unitCodes).toEqual(expect.arrayContaining(unitOverdue.map((d) => d.code)));

  // A reload (or a bookmark) shows the same view.
  await page.reload();
  await expect(page.getByTestId('dashboard-unit')).toHaveValue(unit);
  await expect(page.getByTestId('followup-unit')).toHaveCount(1);

  // Print to PDF and read it back: one A4 page, the title, the unit, the date, every code of the list.
  const pdf = testInfo.outputPath('followup.pdf');
  writeFileSync(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  expect(pages).toBe(1);
  expect(text).toContain('DANH SÁCH HỒ SƠ CẦN ĐÔN ĐỐC');
  expect(text.replace(/\s+/g, ' ')).toContain(`Đơn vị xử lý: ${unit}`);
  expect(text).toContain(`Ngày ${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)}`);
  for (const code of unitCodes) expect(text).toContain(code!);
  // The screen's filters and charts are not printed.
  expect(text).not.toContain('Xu hướng theo tháng');

  // The trend follows the chosen unit.
  const unitExpected = expectedTrend(all.filter((d) => d.unit === unit));
  for (const cells of await trendRows(page)) {
    const month = unitExpected.get(cells[0]!) ?? { decided: 0, late: 0, reallyLate: 0 };
    expect(firstNumber(cells[1]!), `${unit} ${cells[0]} decided`).toBe(month.decided);
  }
});

test('a follow-up link from the reminder opens on lists (a) and (b) only', async ({ context, extensionId }) => {
  await seed(context, extensionId);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/dashboard.html?kind=returned-not-closed&kind=overdue`);
  await expect(page.getByTestId('dashboard-kinds')).toBeVisible();
  await expect(page.locator('[data-testid="followup-item"][data-kind="returned-not-closed"]')).toHaveCount(returnedOpen.length);
  await expect(page.locator('[data-testid="followup-item"][data-kind="due-soon"]')).toHaveCount(0);
  const overdue = all.filter((d) => d.expected === 'late-unclosed' && !tags.has(d.code));
  await expect(page.locator('[data-testid="followup-item"][data-kind="overdue"]')).toHaveCount(overdue.length);
});
