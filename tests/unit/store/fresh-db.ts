import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { afterEach } from 'vitest';
import { openDossierDatabase, type DossierDatabase } from '../../../lib/store/db';

/**
 * A new, empty dossier database in fake IndexedDB for each call (a unique name), opened and closed
 * again after the test. Importing this module registers the clean-up.
 */
let counter = 0;
const opened: DossierDatabase[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

export async function freshDb(prefix = 'test'): Promise<DossierDatabase> {
  const db = openDossierDatabase(`${prefix}-${Date.now()}-${++counter}`, { indexedDB, IDBKeyRange });
  await db.open();
  opened.push(db);
  return db;
}
