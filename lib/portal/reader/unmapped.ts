/**
 * The list-like tables of a page that the reader does not read as dossier lists, with what it saw in
 * them: what the panel explains, and what staff map by pointing (docs/domain.md, "When no list is read").
 * Called only when no list was read, so it stays a pass over headers and a few rows per table.
 */
import type { DossierField } from '../../dossier/model';
import { findGrids, isHeaderRow } from './grids';
import { headerCandidates, headerMatcher, readHeaderAt } from './header-choice';
import { assessHeader, planList } from './list-plan';
import type { ReadRoot } from './table-rows';
import type { ReadOptions } from './index';

export interface UnmappedTable {
  element: Element;
  /** The headings seen, cleaned and normalised, in column order (empty ones left out). */
  headings: string[];
  /** The fields the list gives (by heading, by label inside its cells, the code inside its rows). */
  found: DossierField[];
  /** What a dossier list needs and this one does not give: the code, the appointment. */
  missing: DossierField[];
}

/** How many body rows make a table list-like. */
const MIN_BODY_ROWS = 2;

export function unmappedCandidates(root: ReadRoot, options: ReadOptions = {}): UnmappedTable[] {
  const matcher = headerMatcher(options.synonyms, options.mapping);
  const out: UnmappedTable[] = [];
  for (const grid of findGrids(root)) {
    if (planList(grid, matcher, options.mapping)) continue;
    // The lowest real header row (in <thead>, or made of header cells) with body rows below it.
    const index = headerCandidates(grid).find((i) => isHeaderRow(grid, grid.rows[i]!, grid.markup));
    if (index === undefined) continue;
    const assessed = assessHeader(grid, readHeaderAt(grid, index, matcher), options.mapping);
    if (assessed.bodyRows < MIN_BODY_ROWS) continue;
    out.push({
      element: grid.element,
      headings: assessed.header.headers.filter((text) => text !== ''),
      found: assessed.found,
      missing: assessed.missing,
    });
  }
  return out;
}
