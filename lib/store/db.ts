import Dexie, { type EntityTable } from 'dexie';
import type { DossierTag, StoredDossier } from '../dossier/model';

/**
 * The dossier database. It lives in the extension's origin and only the background opens it; the
 * content script reaches it through lib/messaging/protocol.ts. Every schema change is a new version below with
 * its upgrade step, and each step has a test that opens a fixture of the older version.
 */

export const DATABASE_NAME = 'motcua-phu-luc';

export interface TagHistoryRow {
  id?: number;
  code: string;
  at: number;
  by: string;
  before: DossierTag | null;
  after: DossierTag | null;
}

export type DossierDatabase = Dexie & {
  dossiers: EntityTable<StoredDossier, 'code'>;
  tagHistory: EntityTable<TagHistoryRow, 'id'>;
};

/** Schema of each version, kept so that tests can build a database as an older release left it. */
export const SCHEMA_VERSIONS = {
  /** 0.1 walking skeleton: dossiers only, the tag inline. */
  1: { dossiers: '&code, lastSeen' },
  /** Tag history, and an index on the appointment day for period queries. */
  2: { dossiers: '&code, lastSeen, due.day', tagHistory: '++id, code, at' },
} as const;

export const CURRENT_DATABASE_VERSION = 2;

export function openDossierDatabase(name = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]): DossierDatabase {
  const db = new Dexie(name, options) as DossierDatabase;
  db.version(1).stores(SCHEMA_VERSIONS[1]);
  db.version(2)
    .stores(SCHEMA_VERSIONS[2])
    .upgrade(async (tx) => {
      // Version 1 kept no history: start each existing tag's history with the tag as it stands.
      const rows: TagHistoryRow[] = [];
      await tx
        .table<StoredDossier, string>('dossiers')
        .toCollection()
        .each((dossier) => {
          if (dossier.tag) rows.push({ code: dossier.code, at: dossier.tag.at, by: dossier.tag.by, before: null, after: dossier.tag });
        });
      await tx.table<TagHistoryRow, number>('tagHistory').bulkAdd(rows);
    });
  return db;
}
