import type { BrowserContext, Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension } from '../support/browser.mjs';
import { DEMO_PAGES } from '../fixtures/portal/routes.mjs';
import { SCHEMA_VERSIONS } from '../../lib/store/db';
import { BADGE_DELAY_MS } from '../../entrypoints/background/badge';
import { expect, listedCodes, openPanel, openPopup, panel, popupCount, saveArtifacts, sendFromExtensionPage, test } from './fixtures';

/**
 * The upgrade end to end: a profile holding the database as the release before decisions (Dexie
 * version 2: dossiers and tag history, tags without a time of day, no decision ids) opens with this
 * build. The fixture is written by Dexie itself, with the old release's schema, in the extension's
 * origin (its service worker), then the browser is closed and started again on the same profile.
 */

const SEARCH = DEMO_PAGES.find((page) => page.key === 'search')!.url;
const DEXIE_UMD = readFileSync(createRequire(import.meta.url).resolve('dexie/dist/dexie.js'), 'utf8');

interface PortalDate {
  day: string;
  time?: string;
}
interface Stored {
  code: string;
  due: PortalDate;
  closed: PortalDate | null;
  received: PortalDate | null;
  lastSeen: number;
  tag?: { realReturn: string; time?: string; reason: string; note: string; by: string; at: number };
  decision?: { id: string; at: number };
  pendingRead?: unknown;
}

async function allStored(context: BrowserContext, extensionId: string): Promise<Stored[]> {
  const [answer] = (await sendFromExtensionPage(context, extensionId, [{ type: 'dossiers/all' }])) as { dossiers: Stored[] }[];
  return answer!.dossiers;
}

function row(page: Page, code: string) {
  return panel(page).locator(`[data-testid="dossier-row"][data-code="${code}"]`);
}

const bareDay = (date: PortalDate | null) => (date ? { day: date.day } : null);

test("a profile holding the previous release's database opens with every tag intact and its days still days", async ({}, testInfo) => {
  test.setTimeout(120_000);
  const profile = mkdtempSync(join(tmpdir(), 'motcua-upgrade-'));
  let old: Stored[] = [];
  let onPage: string[] = [];
  try {
    const first = await launchWithExtension({ userDataDir: profile });
    try {
      // What the page shows, as this build reads it (so that the old records match the page).
      const page = await first.context.newPage();
      await page.goto(SEARCH);
      await openPanel(page);
      await expect(panel(page).getByTestId('dossier-row').first()).toBeVisible();
      onPage = (await listedCodes(page)).slice(0, 3);
      await expect.poll(async () => (await allStored(first.context, first.extensionId)).length).toBeGreaterThan(5);
      // Every message of the page's save stored, and the badge's recount after the last write done (it
      // opens the database, and would make this build's database again once it is deleted below).
      let storedBefore = -1;
      await expect
        .poll(
          async () => {
            const count = (await allStored(first.context, first.extensionId)).length;
            const settled = count === storedBefore;
            storedBefore = count;
            return settled;
          },
          { intervals: [1_000] },
        )
        .toBe(true);
      await page.close();
      await new Promise((resolve) => setTimeout(resolve, BADGE_DELAY_MS + 1_000));
      const read = await allStored(first.context, first.extensionId);

      // The old release's records: three of the page's late dossiers tagged, and two it no longer
      // lists with bare days only; tags without a time, no decision ids, one history row per tag.
      const template = read.find((dossier) => dossier.code === onPage[0])!;
      const offPage = ['000.00.23.H34-251001-0001', '000.00.23.H34-251001-0002'].map((code, index) => ({
        ...template,
        code,
        received: bareDay(template.received),
        due: bareDay(template.due)!,
        closed: index === 0 ? null : { day: template.due.day },
      }));
      old = [...read.filter((dossier) => onPage.includes(dossier.code)), ...offPage].map((dossier, index) => {
        const { decision: _decision, pendingRead: _pending, tag: _tag, ...fields } = dossier;
        const realReturn = dossier.received && dossier.received.day > dossier.due.day ? dossier.received.day : dossier.due.day;
        return { ...fields, tag: { realReturn, reason: index === 1 ? 'Công dân hẹn lại' : '', note: `ghi chú ${index}`, by: 'Cán bộ cũ', at: 1_700_000_000_000 + index } };
      });
      const untouched = read.filter((dossier) => !onPage.includes(dossier.code)).map(({ decision: _d, tag: _t, pendingRead: _p, ...fields }) => fields);

      // Written by Dexie with the old schema, after the current database is gone.
      await first.serviceWorker!.evaluate(DEXIE_UMD);
      const version = await first.serviceWorker!.evaluate(
        async ({ schema, dossiers }) => {
          await new Promise((resolve, reject) => {
            const request = indexedDB.deleteDatabase('motcua-phu-luc');
            request.onsuccess = resolve;
            request.onerror = () => reject(request.error);
          });
          const { Dexie } = globalThis as unknown as { Dexie: new (name: string) => import('dexie').Dexie };
          const db = new Dexie('motcua-phu-luc');
          db.version(1).stores(schema[1]);
          db.version(2).stores(schema[2]);
          await db.open();
          await db.table('dossiers').bulkPut(dossiers);
          const tagged = dossiers.filter((dossier) => dossier.tag);
          await db.table('tagHistory').bulkAdd(tagged.map((dossier) => ({ code: dossier.code, at: dossier.tag!.at, by: dossier.tag!.by, before: null, after: dossier.tag })));
          db.close();
          const found = (await indexedDB.databases()).find((database) => database.name === 'motcua-phu-luc');
          return found?.version;
        },
        { schema: { 1: SCHEMA_VERSIONS[1], 2: SCHEMA_VERSIONS[2] }, dossiers: [...old, ...untouched] as (Stored & { tag?: Stored['tag'] })[] },
      );
      // Dexie keeps version n as IndexedDB version 10n: the profile now holds version 2, not this build's 3.
      expect(version).toBe(20);
    } catch (error) {
      await saveArtifacts(first.context, testInfo.outputPath.bind(testInfo));
      throw error;
    } finally {
      await first.close();
    }

    const second = await launchWithExtension({ userDataDir: profile });
    try {
      const stored = await allStored(second.context, second.extensionId);
      for (const before of old) {
        const after = stored.find((dossier) => dossier.code === before.code)!;
        // Every tag as it was; the upgrade only adds each one's decision.
        expect(after.tag).toEqual(before.tag);
        expect(after.decision?.id).toEqual(expect.any(String));
        // Days stay days: no time of day was invented for a bare day.
        expect(after.due).toEqual(before.due);
        expect(after.closed).toEqual(before.closed);
        expect(after.received).toEqual(before.received);
      }
      for (const code of ['000.00.23.H34-251001-0001', '000.00.23.H34-251001-0002']) {
        const after = stored.find((dossier) => dossier.code === code)!;
        expect(JSON.stringify(after)).not.toMatch(/"time"/);
      }

      const page = await second.context.newPage();
      await page.goto(SEARCH);
      await openPanel(page);
      for (const code of onPage) {
        await expect(row(page, code)).toHaveAttribute('data-tagged', 'true');
        // The real return shows as a day, without an invented time.
        await expect(row(page, code).locator('.mcpl-tagged-line')).not.toContainText(':');
        await row(page, code).locator('summary').click();
        await expect(row(page, code).locator('.mcpl-details input[type="text"]').last()).toHaveValue(old.find((dossier) => dossier.code === code)!.tag!.note);
      }
      const popup = await openPopup(second.context, second.extensionId);
      await expect.poll(() => popupCount(popup, 'count-tagged')).toBe(old.length);
    } catch (error) {
      await saveArtifacts(second.context, testInfo.outputPath.bind(testInfo));
      throw error;
    } finally {
      await second.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
