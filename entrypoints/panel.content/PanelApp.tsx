import { useMemo, useSyncExternalStore } from 'react';
import { Panel, type PanelProps } from '@/components/panel/Panel';
import { createWorkingCalendar, withWorkingDays } from '@/lib/calendar/working-calendar';
import { createTranslator, renderProblem, type Translate } from '@/lib/i18n/translate';
import { COMMON_REASONS } from '@/lib/dossier/reasons';
import type { PanelController, PanelNotice } from '../content/controller';

/** Binds the controller's snapshot to the panel view, in the UI language and with working days. */
export function PanelApp({ controller }: { controller: PanelController }) {
  const state = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const t = useMemo(() => createTranslator(state.language), [state.language]);
  const calendar = useMemo(() => createWorkingCalendar(state.holidayOverrides), [state.holidayOverrides]);
  const model = useMemo(() => withWorkingDays(state.model, state.today, calendar), [state.model, state.today, calendar]);
  return (
    <div lang={state.language}>
      <Panel
        t={t}
        open={state.open}
        onToggle={controller.toggle}
        focusRequest={state.focusRequest}
        model={model}
        today={state.today}
        storeError={state.storeError && t('panel.storeError', { message: renderProblem(t, state.storeError) })}
        notice={state.notice && wordNotice(state.notice, t)}
        onDismissNotice={controller.dismissNotice}
        onTag={controller.tag}
        onTagMany={controller.tagMany}
        onRemoveTag={controller.removeTag}
        bulkDefault={state.bulkDefault}
        reasonChoices={COMMON_REASONS}
      />
    </div>
  );
}

function wordNotice(notice: PanelNotice, t: Translate): PanelProps['notice'] {
  switch (notice.kind) {
    case 'error':
      return { text: renderProblem(t, notice.error) };
    case 'tagged-many': {
      const refused = notice.refused.map((item) => `${item.code}: ${renderProblem(t, item.problem)}`);
      return { text: [t('panel.tagSavedMany', { count: notice.count }), ...refused].join(' ') };
    }
    case 'tag-removed':
      return { text: t('panel.tagRemoved', { code: notice.code }), undo: notice.undo };
  }
}
