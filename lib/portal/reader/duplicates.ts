/**
 * One read per dossier per grid (docs/domain.md, "Split tables and pinned columns"): grid libraries that
 * keep some columns still while the rest scroll may draw those columns a second time, in a table of their
 * own over the main one (older Element UI, and the like). Both read as lists; the same code then shows in
 * two tables of one grid, and only the fullest read of it is kept. A header-only table left over beside
 * a read table of its grid (the still header of a list whose body repeats its headings) is dropped too.
 */
import type { ReadDossier } from '../../dossier/model';
import type { DossierTable } from './index';

/** How many levels above each table their shared container may be for the two to be one grid. */
const GRID_DEPTH = 3;

function depthBelow(ancestor: Element, element: Element): number {
  let depth = 0;
  for (let node: Element | null = element; node !== null && node !== ancestor; node = node.parentElement) depth++;
  return depth;
}

function oneGrid(a: Element, b: Element): boolean {
  let node: Element | null = a;
  for (let depth = 0; node !== null && depth <= GRID_DEPTH; depth++, node = node.parentElement) {
    if (node.contains(b)) return depthBelow(node, b) <= GRID_DEPTH;
  }
  return false;
}

/** How much of a dossier a read shows. */
function fullness(dossier: ReadDossier): number {
  let filled = 0;
  for (const text of [dossier.procedure, dossier.sector, dossier.applicant, dossier.status, dossier.unit, dossier.handler]) {
    if (text) filled++;
  }
  for (const date of [dossier.received, dossier.due, dossier.closed]) if (date) filled++;
  if (dossier.verdict) filled++;
  return filled - (dossier.unmapped?.length ?? 0);
}

/** A table read from a header table and a body table: its element is their container. */
function isSplit(table: DossierTable): boolean {
  return table.markup === 'table' && table.element.localName !== 'table';
}

function isEmpty(table: DossierTable): boolean {
  return table.dossiers.length === 0 && table.unreadable.length === 0 && table.skippedRows === 0;
}

export function keepFullestReads(tables: DossierTable[]): DossierTable[] {
  if (tables.length < 2) return tables;
  const dropped = new Set<DossierTable>();
  for (let i = 0; i < tables.length; i++) {
    for (let j = i + 1; j < tables.length; j++) {
      const a = tables[i]!;
      const b = tables[j]!;
      if (!oneGrid(a.element, b.element)) continue;
      if (isEmpty(a) !== isEmpty(b)) {
        dropped.add(isEmpty(a) ? a : b);
        continue;
      }
      // Copies of pinned columns come as split tables; two whole tables side by side are two lists.
      if (!isSplit(a) && !isSplit(b)) continue;
      const inA = new Map(a.dossiers.map((read) => [read.dossier.code, read]));
      const dropA = new Set<string>();
      const dropB = new Set<string>();
      for (const read of b.dossiers) {
        const other = inA.get(read.dossier.code);
        if (!other) continue;
        // The earlier table keeps a tie: the main grid comes before its pinned copies.
        if (fullness(read.dossier) > fullness(other.dossier)) dropA.add(read.dossier.code);
        else dropB.add(read.dossier.code);
      }
      if (dropA.size) a.dossiers = a.dossiers.filter((read) => !dropA.has(read.dossier.code));
      if (dropB.size) b.dossiers = b.dossiers.filter((read) => !dropB.has(read.dossier.code));
    }
  }
  return dropped.size ? tables.filter((table) => !dropped.has(table)) : tables;
}
