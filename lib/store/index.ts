/**
 * The store's operations, as the request handlers of lib/messaging/requests.ts call them. The
 * background passes this module to the dispatcher; the requests table only imports its type, so the
 * content script, which loads the table for its response schemas, never bundles Dexie.
 */
export { upsertDossiers, getDossiers, allDossiers, pruneDossiers, isQuotaError } from './dossiers';
export { setTag, setTagMany, removeTag, undoTag, tagHistory } from './tags';
export { exportBackup, planBackupRestore, restoreBackup, undoLastRestore } from './restore';
export { parseBackupValue, screenBackupMappings, withColumnMappings, type Backup } from './backup';
