import { useSyncExternalStore } from 'react';
import { Panel } from '@/components/Panel';
import type { PanelController } from './controller';

/** Binds the controller's snapshot to the panel view. */
export function PanelApp({ controller }: { controller: PanelController }) {
  const state = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  return (
    <div lang={state.language}>
      <Panel
        t={state.t}
        open={state.open}
        onToggle={controller.toggle}
        focusRequest={state.focusRequest}
        model={state.model}
        today={state.today}
        storeError={state.storeError}
        notice={state.notice}
        onDismissNotice={controller.dismissNotice}
        onTag={controller.tag}
        onTagMany={controller.tagMany}
        onRemoveTag={controller.removeTag}
        bulkDefault={state.bulkDefault}
        reasonChoices={state.reasonChoices}
      />
    </div>
  );
}
