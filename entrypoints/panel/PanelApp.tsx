import { useCallback, useEffect, useMemo, useState } from 'react';
import { Panel, type PanelProps } from '@/components/panel/Panel';
import type { TagOutcome, TagRequest } from '@/components/panel/LateDossierRow';
import { client, useSettings } from '@/components/shared/use-extension';
import { createWorkingCalendar, withWorkingDays } from '@/lib/calendar/working-calendar';
import { vietnamDay } from '@/lib/calendar/day';
import { localMessage, type BilingualMessage, type Language } from '@/lib/i18n/bilingual';
import type { Translate } from '@/lib/i18n/translate';
import { COMMON_REASONS } from '@/lib/dossier/reasons';
import { validateRealReturn } from '@/lib/dossier/tag-validation';
import type { DossierTag } from '@/lib/dossier/model';
import { isPanelShortcut, panelOpenItem } from '../content/panel-state';
import { usePageState } from './use-page-state';

/** A short notice after an action; worded in the UI language when shown. */
type Notice =
  | { kind: 'error'; error: BilingualMessage }
  | { kind: 'tagged-many'; count: number; refused: (BilingualMessage & { code: string })[] }
  | { kind: 'tag-removed'; code: string; previous: DossierTag | null };

/** Binds the page's state (from the content script) and the background's answers to the panel view. */
export function PanelApp() {
  const { settings, t } = useSettings();
  const language = settings.language;
  const { page, focusRequest, bumpFocus, whenSaved } = usePageState();
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

  const tag = useCallback(
    async (code: string, request: TagRequest): Promise<TagOutcome> => {
      const dossier = page?.model.lateRows.find((row) => row.dossier.code === code)?.dossier;
      if (dossier) {
        const checked = validateRealReturn(request.realReturn, dossier, vietnamDay());
        if (!checked.ok) return { ok: false, message: localMessage(checked, language) };
      }
      // A dossier tagged right after the page loads is stored by the content script first.
      await whenSaved();
      const response = await client.request({ type: 'tag/set', code, input: request });
      if (!response.ok) return { ok: false, message: localMessage(response.error, language) };
      setBulkDefault(request.realReturn);
      return { ok: true };
    },
    [page, language, whenSaved],
  );

  const tagMany = useCallback(
    async (codes: string[], realReturn: string) => {
      await whenSaved();
      const response = await client.request({ type: 'tag/set-many', codes, input: { realReturn, reason: '', note: '' } });
      if (!response.ok) {
        setNotice({ kind: 'error', error: response.error });
        return;
      }
      setBulkDefault(realReturn);
      setNotice({ kind: 'tagged-many', count: response.saved.length, refused: response.refused });
    },
    [whenSaved],
  );

  const removeTag = useCallback(async (code: string) => {
    const response = await client.request({ type: 'tag/remove', code });
    if (!response.ok) setNotice({ kind: 'error', error: response.error });
    else setNotice({ kind: 'tag-removed', code, previous: response.previous });
  }, []);

  if (!model || !page || open === null) return null;
  return (
    <Panel
      t={t}
      open={open}
      onToggle={toggle}
      focusRequest={focusRequest}
      model={model}
      today={today}
      storeError={page.storeError && t('panel.storeError', { message: localMessage(page.storeError, language) })}
      notice={notice && wordNotice(notice, t, language, () => {
        if (notice.kind !== 'tag-removed' || !notice.previous) return;
        void client.request({ type: 'tag/restore', code: notice.code, tag: notice.previous });
        setNotice(null);
      })}
      onDismissNotice={() => setNotice(null)}
      onTag={tag}
      onTagMany={tagMany}
      onRemoveTag={removeTag}
      bulkDefault={bulkDefault}
      reasonChoices={COMMON_REASONS}
    />
  );
}

function wordNotice(notice: Notice, t: Translate, language: Language, undo: () => void): PanelProps['notice'] {
  switch (notice.kind) {
    case 'error':
      return { text: localMessage(notice.error, language) };
    case 'tagged-many': {
      const refused = notice.refused.map((item) => `${item.code}: ${localMessage(item, language)}`);
      return { text: [t('panel.tagSavedMany', { count: notice.count }), ...refused].join(' ') };
    }
    case 'tag-removed':
      return { text: t('panel.tagRemoved', { code: notice.code }), undo: notice.previous ? undo : undefined };
  }
}

