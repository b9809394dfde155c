import Dexie, { type EntityTable } from 'dexie';
import type { DossierTag, PortalDate, StoredDossier } from '../dossier/model';

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
  /** The id of the decision this row made; undo names it. Absent on rows older than version 3. */
  event?: string;
  /** On a row recording a read kept aside from a tagged dossier (no tag change). */
  read?: { from: ReadDates; to: ReadDates };
}

export interface ReadDates {
  due: PortalDate | null;
  closed: PortalDate | null;
}

/** What a backup restore changed, kept so that the restore can be undone. */
export interface RestoreSnapshot {
  id?: number;
  at: number;
  /** Each record the restore wrote: as it was before (null: the restore added it) and as written. */
  records: { code: string; before: StoredDossier | null; after: StoredDossier }[];
  /** The history rows the restore added. */
  historyIds: number[];
}

export type DossierDatabase = Dexie & {
  dossiers: EntityTable<StoredDossier, 'code'>;
  tagHistory: EntityTable<TagHistoryRow, 'id'>;
  restores: EntityTable<RestoreSnapshot, 'id'>;
};

/** Schema of each version, kept so that tests can build a database as an older release left it. */
export const SCHEMA_VERSIONS = {
  /** 0.1 walking skeleton: dossiers only, the tag inline. */
  1: { dossiers: '&code, lastSeen' },
  /** Tag history, and an index on the appointment day for period queries. */
  2: { dossiers: '&code, lastSeen, due.day', tagHistory: '++id, code, at' },
  /** Decisions as events (undo names one), and the snapshots that let a restore be undone. */
  3: { dossiers: '&code, lastSeen, due.day', tagHistory: '++id, code, at, event', restores: '++id, at' },
} as const;

export const CURRENT_DATABASE_VERSION = 3;

export function newEventId(): string {
  return crypto.randomUUID();
}

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
  db.version(3)
    .stores(SCHEMA_VERSIONS[3])
    .upgrade(async (tx) => {
      // Every dossier with a tag history gets its latest decision: the tag it holds (stamped at the
      // tag's time) or, when its last change removed the tag, a tombstone at the removal's time, so
      // that a later merge cannot bring the removed tag back.
      const lastChange = new Map<string, TagHistoryRow>();
      await tx
        .table<TagHistoryRow, number>('tagHistory')
        .orderBy('at')
        .each((row) => {
          lastChange.set(row.code, row);
        });
      await tx
        .table<StoredDossier, string>('dossiers')
        .toCollection()
        .modify((dossier) => {
          const last = lastChange.get(dossier.code);
          if (dossier.tag) dossier.decision = { id: newEventId(), at: Math.max(dossier.tag.at, last?.after ? last.at : 0) };
          else if (last && last.after === null) dossier.decision = { id: newEventId(), at: last.at };
        });
    });
  return db;
}
