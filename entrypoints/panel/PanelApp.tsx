import { useCallback, useEffect, useMemo, useState } from 'react';
import { Panel, type PanelProps } from '@/components/panel/Panel';
import type { TagOutcome, TagRequest } from '@/components/panel/LateDossierRow';
import { useSettings } from '@/components/shared/use-extension';
import { createWorkingCalendar, withWorkingDays } from '@/lib/calendar/working-calendar';
import { vietnamDay, vietnamNow } from '@/lib/calendar/day';
import { renderProblem, type Translate } from '@/lib/i18n/translate';
import type { Problem } from '@/lib/i18n/problem';
import type { DossierTag } from '@/lib/dossier/model';
import { COMMON_REASONS } from '@/lib/dossier/reasons';
import { validateRealReturn } from '@/lib/dossier/tag-validation';
import { isPanelShortcut, panelOpenItem } from '../content/panel-state';
import { usePageState } from './use-page-state';
import { BULK_CHUNK, requestFromPanel, tagInChunks } from './requests';
import { UnmappedTables } from '@/components/panel/UnmappedTables';
import type { DossierField } from '@/lib/dossier/model';
import { mappingKey } from '@/lib/portal/column-mappings';

/** A short notice after an action; worded in the UI language when shown. */
type Notice =
  | { kind: 'error'; problem: Problem }
  | { kind: 'restarting' }
  | { kind: 'bulk-progress'; done: number; total: number }
  | { kind: 'tagged-many'; count: number; refused: { code: string; problem: Problem }[] }
  | { kind: 'tag-removed'; code: string; event: string | null };

/**
 * Binds the page's state (from the content script) and the background's answers to the panel view.
 * Over 80 lines: the actions share the page state, the notice and the language; the view itself is
 * components/panel.
 */
export function PanelApp() {
  const { settings, t } = useSettings();
  const language = settings.language;
  const { page, focusRequest, bumpFocus, whenSaved, send } = usePageState();
  // Unknown until read from storage: the panel is not shown before, so that neither a first render
  // nor a click can act on a guess.
  const [open, setOpen] = useState<boolean | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [bulkDefault, setBulkDefault] = useState(() => vietnamDay());
  const today = vietnamDay();

  useEffect(() => {
    void panelOpenItem.getValue().then(setOpen);
    return panelOpenItem.watch(setOpen);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const toggle = useCallback(() => {
    const next = !open;
    setOpen(next);
    void panelOpenItem.setValue(next);
  }, [open]);

  // The shortcut works inside the frame too (the portal page never sees these keys).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.isTrusted || !isPanelShortcut(event)) return;
      event.preventDefault();
      toggle();
      bumpFocus();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [toggle, bumpFocus]);

  const calendar = useMemo(() => createWorkingCalendar(settings.holidayOverrides), [settings.holidayOverrides]);
  const model = useMemo(() => (page ? withWorkingDays(page.model, today, calendar) : null), [page, today, calendar]);
  const unknown = useMemo(() => new Set(page?.unknown), [page]);
  const storeError = page?.storeError ? renderProblem(t, page.storeError) : null;
  const onRetry = useCallback(() => setNotice({ kind: 'restarting' }), []);

  const tag = useCallback(
    async (code: string, request: TagRequest, expected: string | null): Promise<TagOutcome> => {
      // Tagging a dossier whose stored tag is unknown could overwrite its reason and note.
      if (unknown.has(code)) return { ok: false, problem: { code: 'tag-state-unknown', reason: storeError ?? '' } };
      const dossier = page?.model.lateRows.find((row) => row.dossier.code === code)?.dossier;
      if (dossier) {
        const checked = validateRealReturn(request.realReturn, dossier, vietnamNow(), request.time);
        if (!checked.ok) return { ok: false, problem: checked.problem };
      }
      // A dossier tagged right after the page loads is stored by the content script first.
      await whenSaved();
      // Conditional on the decision the row started from: a tag saved meanwhile elsewhere is a conflict.
      const { response, restarting } = await requestFromPanel({ type: 'tag/set', code, input: request, expected }, onRetry);
      setNotice((current) => (current?.kind === 'restarting' ? null : current));
      if (!response.ok) {
        if (restarting) return { ok: false, problem: { code: 'extension-restarting' } };
        const conflict = response.error.code === 'conflict';
        // A retry of a save whose answer was lost meets its own decision: that is no conflict.
        if (conflict && sameTag((await storedTags([code])).get(code), request)) return { ok: true };
        return { ok: false, problem: response.error.problem, conflict };
      }
      setBulkDefault(request.realReturn);
      return { ok: true, event: response.event };
    },
    [page, whenSaved, unknown, storeError, onRetry],
  );

  const tagMany = useCallback(
    async (codes: string[], realReturn: string) => {
      await whenSaved();
      // Rows whose stored tag is unknown are left alone: they may be tagged already.
      const skipped = codes
        .filter((code) => unknown.has(code))
        .map((code): { code: string; problem: Problem } => ({ code, problem: { code: 'tag-state-unknown', reason: storeError ?? '' } }));
      const wanted = codes.filter((code) => !unknown.has(code));
      // Each row names the decision the panel saw (none, for an untagged row): one tagged meanwhile in
      // another tab is refused as a conflict instead of overwritten.
      const seen = new Map(page?.model.lateRows.map((row) => [row.dossier.code, row.decided?.decision ?? null]));
      const result = await tagInChunks(
        wanted,
        (done, total) => {
          if (total > BULK_CHUNK) setNotice({ kind: 'bulk-progress', done, total });
        },
        (chunk) => {
          const expected = Object.fromEntries(chunk.filter((code) => seen.has(code)).map((code) => [code, seen.get(code) ?? null]));
          return requestFromPanel({ type: 'tag/set-many', codes: chunk, input: { realReturn, reason: '', note: '' }, expected }, onRetry);
        },
      );
      if (result.failure) {
        const { response, restarting } = result.failure;
        setNotice(restarting || response.ok ? { kind: 'restarting' } : { kind: 'error', problem: response.error.problem });
        return;
      }
      const refused = [...skipped, ...result.refused];
      setBulkDefault(realReturn);
      setNotice({ kind: 'tagged-many', count: result.saved, refused });
    },
    [page, whenSaved, unknown, storeError, onRetry],
  );

  const removeTag = useCallback(
    async (code: string, expected: string | null) => {
      const { response, restarting } = await requestFromPanel({ type: 'tag/remove', code, expected }, onRetry);
      if (response.ok) setNotice({ kind: 'tag-removed', code, event: response.event });
      // A retry of a removal whose answer was lost meets its own decision: the tag is gone all the same.
      else if (response.error.code === 'conflict' && (await storedTags([code])).get(code) === null) setNotice({ kind: 'tag-removed', code, event: null });
      else setNotice(restarting ? { kind: 'restarting' } : { kind: 'error', problem: response.error.problem });
    },
    [onRetry],
  );

  const undo = useCallback(
    (code: string, event: string) => {
      setNotice(null);
      // The undo names the removal it undoes: if the dossier was decided on since (another tab), the
      // background answers with a conflict, shown here, rather than overwriting the newer decision.
      void requestFromPanel({ type: 'tag/undo', code, event }, onRetry).then(({ response, restarting }) => {
        if (!response.ok) setNotice(restarting ? { kind: 'restarting' } : { kind: 'error', problem: response.error.problem });
      });
    },
    [onRetry],
  );

  /** Saves "this heading (or label) is that field" for the page's origin and pattern, from this frame only. */
  const saveMapping = useCallback(
    async (entry: { heading?: string; label?: string }, field: DossierField): Promise<string | null> => {
      const where = page?.where;
      if (!where) return renderProblem(t, { code: 'request-invalid' });
      const headings = entry.heading ? { [mappingKey(entry.heading)]: field } : {};
      const labels = entry.label ? { [mappingKey(entry.label)]: field } : {};
      const { response, restarting } = await requestFromPanel({ type: 'column-mappings/save', ...where, headings, labels }, onRetry);
      if (response.ok) return null;
      return renderProblem(t, restarting ? { code: 'extension-restarting' } : response.error.problem);
    },
    [page?.where, t, onRetry],
  );

  if (!model || !page || open === null) return null;
  const unmapped = page.unmapped?.length ? (
    <UnmappedTables
      t={t}
      tables={page.unmapped}
      where={page.where ?? null}
      pointing={page.pointing ?? null}
      onPoint={(table) => send({ type: 'point', table })}
      onStop={() => send({ type: 'point-stop' })}
      onSave={saveMapping}
    />
  ) : undefined;
  return (
    <Panel
      t={t}
      open={open}
      onToggle={toggle}
      focusRequest={focusRequest}
      model={model}
      today={today}
      storeError={page?.storeError ? storeAlert(t, page.storeError, page.retrying ?? false) : null}
      notice={notice && wordNotice(notice, t, undo)}
      onDismissNotice={() => setNotice(null)}
      onTag={tag}
      onTagMany={tagMany}
      onRemoveTag={removeTag}
      bulkDefault={bulkDefault}
      reasonChoices={COMMON_REASONS}
      unknown={unknown}
      unmapped={unmapped}
    />
  );
}

/** The stored tag of each code (null: untagged; absent: not stored or not answered). */
async function storedTags(codes: string[]): Promise<Map<string, DossierTag | null>> {
  const { response } = await requestFromPanel({ type: 'dossiers/get', codes });
  return new Map(response.ok ? response.dossiers.map((dossier) => [dossier.code, dossier.tag ?? null]) : []);
}

/** Whether the stored tag is the one this request saves (the store trims staff-typed text). */
/**
 * What the panel says of a page that could not be saved. While the content script will try again, it
 * says so rather than asking for a reload: a broken connection is the worker restarting.
 */
function storeAlert(t: Translate, problem: Problem, retrying: boolean): string {
  if (!retrying) return t('panel.storeError', { message: renderProblem(t, problem) });
  if (problem.code === 'extension-unreachable') return renderProblem(t, { code: 'extension-restarting' });
  return t('panel.storeRetrying', { message: renderProblem(t, problem) });
}

function sameTag(stored: DossierTag | null | undefined, request: TagRequest): boolean {
  return (
    !!stored &&
    stored.realReturn === request.realReturn &&
    (stored.time ?? '') === (request.time ?? '') &&
    stored.reason === request.reason.trim() &&
    stored.note === request.note.trim()
  );
}

function wordNotice(notice: Notice, t: Translate, undo: (code: string, event: string) => void): PanelProps['notice'] {
  switch (notice.kind) {
    case 'error':
      return { text: renderProblem(t, notice.problem) };
    case 'restarting':
      return { text: renderProblem(t, { code: 'extension-restarting' }) };
    case 'bulk-progress':
      return { text: t('panel.bulkProgress', { done: notice.done, total: notice.total }) };
    case 'tagged-many': {
      // Rows decided meanwhile elsewhere are named together: staff review them rather than retag.
      const conflicts = notice.refused.filter((item) => item.problem.code === 'tag-conflict').map((item) => item.code);
      const refused = notice.refused
        .filter((item) => item.problem.code !== 'tag-conflict')
        .map((item) => `${item.code}: ${renderProblem(t, item.problem)}`);
      const conflicted = conflicts.length ? [t('panel.bulkConflicts', { count: conflicts.length, codes: conflicts.join(', ') })] : [];
      return { text: [t('panel.tagSavedMany', { count: notice.count }), ...conflicted, ...refused].join(' ') };
    }
    case 'tag-removed': {
      const event = notice.event;
      return { text: t('panel.tagRemoved', { code: notice.code }), undo: event ? () => undo(notice.code, event) : undefined };
    }
  }
}
