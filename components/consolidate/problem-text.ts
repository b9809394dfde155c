import type { ConsolidationProblem } from '@/lib/appendix/consolidate';
import type { Translate } from '@/lib/i18n/translate';

/** A consolidation problem in the page's language: the catalog's `problem.<code>` with its fields. */
export function problemText(t: Translate, problem: ConsolidationProblem): string {
  const { code, ...fields } = problem;
  return t(`problem.${code}`, fields);
}

/** All problems of one bad row, as one sentence. */
export function problemsText(t: Translate, problems: readonly ConsolidationProblem[]): string {
  return problems.map((p) => problemText(t, p)).join('; ');
}
