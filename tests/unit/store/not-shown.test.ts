import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { freshDb } from './fresh-db';
import { REQUESTS } from '../../../lib/messaging/requests';
import { shapes } from '../../../lib/messaging/schemas';
import { upsertDossiers } from '../../../lib/store/dossiers';
import { setTag } from '../../../lib/store/tags';
import type { ReadDossier } from '../../../lib/dossier/model';
import { day, readDossier } from '../../support/factories';

/**
 * A field the page did not show (a column scrolled out of view: the reader leaves the property out) is
 * not an empty field: the way from the page to the store never writes it over a stored value. A field
 * shown empty (a closing date really blank) is one, and is stored as such.
 */

const PAGE = 'https://motcua.kontum.gov.vn/vi/ho-so/dang-xu-ly';
const CODE = '000.00.23.H34-261110-0001';
const closedRead = readDossier({ code: CODE, closed: day('2026-11-21', '16:30'), status: 'Đã trả kết quả', applicant: 'Nguyễn Văn An' });

/** The upsert request as the background parses it from a message (absent properties stay absent in JSON). */
function parsedUpsert(dossiers: object[]): ReadDossier[] {
  const schema = REQUESTS['dossiers/upsert'].request(shapes());
  const message = JSON.parse(JSON.stringify({ pageUrl: PAGE, dossiers }));
  return z.parse(schema, message).dossiers;
}

function without<K extends keyof ReadDossier>(dossier: ReadDossier, ...fields: K[]): Omit<ReadDossier, K> {
  const copy = { ...dossier };
  for (const field of fields) delete copy[field];
  return copy;
}

async function storedAfter(...reads: object[][]) {
  const db = await freshDb();
  let now = 1_000;
  for (const read of reads) await upsertDossiers(db, parsedUpsert(read), PAGE, (now += 2 * 60 * 60 * 1000));
  return { db, stored: (await db.dossiers.get(CODE))! };
}

describe('a field not shown never overwrites a stored value', () => {
  it('the request schema accepts a read whose optional fields are absent, and marks them not shown', () => {
    const [parsed] = parsedUpsert([without(closedRead, 'closed', 'applicant')]);
    expect(parsed!.closed).toBeNull();
    expect(parsed!.applicant).toBe('');
    expect(parsed!.unmapped).toEqual(['applicant', 'closed', 'handler']);
  });

  it('the code and the appointment stay required', () => {
    const schema = REQUESTS['dossiers/upsert'].request(shapes());
    expect(z.safeParse(schema, { pageUrl: PAGE, dossiers: [without(closedRead, 'due')] }).success).toBe(false);
    expect(z.safeParse(schema, { pageUrl: PAGE, dossiers: [without(closedRead, 'code')] }).success).toBe(false);
  });

  it('a closing date scrolled out of view keeps the stored closing date', async () => {
    const { stored } = await storedAfter([closedRead], [without(closedRead, 'closed')]);
    expect(stored.closed).toEqual(day('2026-11-21', '16:30'));
  });

  it('text fields scrolled out of view keep their stored text while the fields shown are updated', async () => {
    const later = { ...without(closedRead, 'applicant', 'procedure', 'unit'), status: 'Đã trả kết quả (bổ sung)' };
    const { stored } = await storedAfter([closedRead], [later]);
    expect(stored.applicant).toBe('Nguyễn Văn An');
    expect(stored.procedure).toBe(closedRead.procedure);
    expect(stored.unit).toBe(closedRead.unit);
    expect(stored.status).toBe('Đã trả kết quả (bổ sung)');
    expect(stored).not.toHaveProperty('unmapped');
  });

  it('every optional field out of view at once: the stored record keeps them all', async () => {
    const bare = without(closedRead, 'procedure', 'sector', 'applicant', 'received', 'closed', 'status', 'unit');
    const { stored } = await storedAfter([closedRead], [bare]);
    expect(stored).toMatchObject({ ...closedRead, code: CODE });
  });

  it('a dossier first read with fields out of view stores them empty, and a later read that shows them fills them', async () => {
    const first = await storedAfter([without(closedRead, 'closed', 'applicant')]);
    expect(first.stored.closed).toBeNull();
    expect(first.stored.applicant).toBe('');
    const { stored } = await storedAfter([without(closedRead, 'closed', 'applicant')], [closedRead]);
    expect(stored.closed).toEqual(day('2026-11-21', '16:30'));
    expect(stored.applicant).toBe('Nguyễn Văn An');
  });

  it('a tagged dossier whose closing scrolled out of view gets no read kept aside', async () => {
    const db = await freshDb();
    await upsertDossiers(db, parsedUpsert([closedRead]), PAGE, 1_000);
    await setTag(db, CODE, { realReturn: '2026-11-21', reason: '', note: '' }, 'Lan', 2_000, '2026-11-25');
    await upsertDossiers(db, parsedUpsert([without(closedRead, 'closed')]), PAGE, 3_000);
    const stored = (await db.dossiers.get(CODE))!;
    expect(stored.closed).toEqual(day('2026-11-21', '16:30'));
    expect(stored.pendingRead).toBeUndefined();
  });
});

describe('a field shown empty is empty', () => {
  it('a closing date really blank clears the stored closing date (the dossier was reopened)', async () => {
    const { stored } = await storedAfter([closedRead], [{ ...closedRead, closed: null }]);
    expect(stored.closed).toBeNull();
  });

  it('an applicant shown blank is stored blank', async () => {
    const { stored } = await storedAfter([closedRead], [{ ...closedRead, applicant: '' }]);
    expect(stored.applicant).toBe('');
  });

  it('a blank closing date on a tagged dossier is kept aside, not written over the tag’s dates', async () => {
    const db = await freshDb();
    await upsertDossiers(db, parsedUpsert([closedRead]), PAGE, 1_000);
    await setTag(db, CODE, { realReturn: '2026-11-21', reason: '', note: '' }, 'Lan', 2_000, '2026-11-25');
    await upsertDossiers(db, parsedUpsert([{ ...closedRead, closed: null }]), PAGE, 3_000);
    const stored = (await db.dossiers.get(CODE))!;
    expect(stored.closed).toEqual(day('2026-11-21', '16:30'));
    expect(stored.pendingRead).toEqual({ due: closedRead.due, closed: null, at: 3_000 });
  });
});
