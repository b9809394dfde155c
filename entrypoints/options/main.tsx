import '../popup/style.css';
import './style.css';
import { createRoot } from 'react-dom/client';
import { useRef } from 'react';
import { browser } from 'wxt/browser';
import { Options } from '@/components/options/Options';
import { PortalsSection } from '@/components/options/PortalsSection';
import { DataSection } from '@/components/options/DataSection';
import { HostAccessNotice } from '@/components/shared/HostAccessNotice';
import { useHostAccess } from '@/components/shared/use-host-access';
import { MappingsSection } from '@/components/options/MappingsSection';
import { replaceMapping } from '@/lib/portal/column-mappings';
import { client, downloadText, useSettings } from '@/components/shared/use-extension';
import { checkExtraOrigin, originPattern } from '@/lib/portal/extra-portals';
import { compactDay, vietnamDay } from '@/lib/calendar/day';
import { renderProblem } from '@/lib/i18n/translate';
import type { Failure } from '@/lib/messaging/protocol';

const DAY_MS = 86_400_000;
/**
 * A backup file larger than this is refused before it is read: a year of a busy office is far less,
 * and the browser caps one extension message (which carries the backup to the store) at 64 MiB.
 */
const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

function OptionsPage() {
  const { settings, loaded, save, t } = useSettings();
  const pendingRestore = useRef<unknown>(null);
  const hostAccess = useHostAccess();
  const pick = (error: Failure['error']) => renderProblem(t, error.problem);
  if (!loaded) return <p>{t('popup.loading')}</p>;
  return (
    <main className="popup options">
      <h1>{t('options.title')}</h1>
      <HostAccessNotice t={t} {...hostAccess} onGrant={hostAccess.request} />
      <Options
        t={t}
        settings={settings}
        // The form's draft was taken when the page opened: the column mappings are the ones stored now
        // (saved from a panel, or edited below, since).
        onSave={(next) => save({ ...next, columnMappings: settings.columnMappings })}
        onRequestReminderPermission={() => browser.permissions.request({ permissions: ['alarms', 'notifications'] })}
      />
      <PortalsSection
        t={t}
        extraOrigins={settings.extraOrigins}
        onAdd={async (input) => {
          const checked = checkExtraOrigin(input, settings.extraOrigins);
          if (!checked.ok) return renderProblem(t, checked.problem);
          // Asked at the moment the user adds it, in the click's user gesture.
          const granted = await browser.permissions.request({ origins: [originPattern(checked.origin)] });
          if (!granted) return t('options.originRefused', { origin: checked.origin });
          await save({ ...settings, extraOrigins: [...settings.extraOrigins, checked.origin] });
          return null;
        }}
        onRemove={async (origin) => {
          await save({ ...settings, extraOrigins: settings.extraOrigins.filter((item) => item !== origin) });
          await browser.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
        }}
      />
      <MappingsSection
        t={t}
        mappings={settings.columnMappings ?? []}
        onChange={(target, next) => save({ ...settings, columnMappings: replaceMapping(settings.columnMappings ?? [], target, next) })}
      />
      <DataSection
        t={t}
        onBackup={async () => {
          const response = await client.request({ type: 'backup/export' });
          if (!response.ok) return pick(response.error);
          downloadText(`sao-luu-phu-luc-${compactDay(vietnamDay())}.json`, JSON.stringify(response.backup), 'application/json');
          return null;
        }}
        onPlanRestore={async (file) => {
          if (file.size > MAX_BACKUP_BYTES) return { error: t('options.backupTooLarge') };
          let backup: unknown;
          try {
            backup = JSON.parse(await file.text());
          } catch {
            return { error: t('options.backupNotJson') };
          }
          const response = await client.request({ type: 'backup/plan', backup });
          if (!response.ok) return { error: pick(response.error) };
          pendingRestore.current = backup;
          return { plan: response.plan };
        }}
        onRestore={async () => {
          const response = await client.request({ type: 'backup/restore', backup: pendingRestore.current });
          pendingRestore.current = null;
          return response.ok ? { plan: response.plan } : { error: pick(response.error) };
        }}
        onUndoRestore={async () => {
          const response = await client.request({ type: 'backup/undo-restore' });
          return response.ok ? { reverted: response.reverted, kept: response.kept } : { error: pick(response.error) };
        }}
        onPrunePlan={async (days) => {
          const response = await client.request({ type: 'dossiers/prune', before: Date.now() - days * DAY_MS, dryRun: true });
          return response.ok ? { count: response.count, tagged: response.tagged } : { error: pick(response.error) };
        }}
        onPrune={async (days) => {
          const response = await client.request({ type: 'dossiers/prune', before: Date.now() - days * DAY_MS, dryRun: false });
          return response.ok ? null : pick(response.error);
        }}
      />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<OptionsPage />);
