import './style.css';
import { useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { vietnamDay } from '@/lib/calendar/day';
import { createWorkingCalendar } from '@/lib/calendar/working-calendar';
import { createTranslator } from '@/lib/i18n/translate';
import { buildDashboard } from '@/lib/reports/dashboard';
import { filterFromQuery, filterToQuery, type DashboardFilter } from '@/lib/reports/dashboard-filter';
import { vietnamMinutes } from '@/lib/reports/followup';
import { followupCsv, followupFileName } from '@/lib/reports/followup-export';
import { followupDocument, followupDocumentName } from '@/lib/reports/followup-document';
import { followupOfficeFile } from '@/lib/reports/followup-office';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { downloadFile, downloadText, useSettings, useStoredDossiers } from '@/components/shared/use-extension';

const vietnamese = createTranslator('vi');

/** Marks for the bench (tests/bench/dashboard.mjs): data in hand, then the first full render painted. */
let firstRenderMarked = false;

function DashboardPage() {
  const { settings, loaded, t } = useSettings();
  const { dossiers, error } = useStoredDossiers();
  const [filter, setFilter] = useState<DashboardFilter>(() => filterFromQuery(window.location.search));
  const [printUnit, setPrintUnit] = useState<string | null>(null);
  const [exportMessage, setExportMessage] = useState<string | null>(null);
  const now = Date.now();
  const today = vietnamDay(now);
  const minutes = vietnamMinutes(now);
  const calendar = useMemo(() => createWorkingCalendar(settings.holidayOverrides), [settings.holidayOverrides]);

  // Marked in the render that first has the data (before the lists are built), not in an effect, which
  // would run after the work being measured; a second mark before the effect is harmless (the first counts).
  if (dossiers && loaded && !firstRenderMarked) performance.mark('dashboard:data');
  const data = useMemo(
    () => (dossiers && loaded ? buildDashboard(dossiers, filter, { today, minutes }, calendar, settings.monitorWindowDays) : null),
    // The minute is left out on purpose: the lists are not rebuilt every minute, only with new data.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [dossiers, loaded, filter, today, calendar, settings.monitorWindowDays],
  );

  useEffect(() => {
    if (!data || firstRenderMarked) return;
    firstRenderMarked = true;
    requestAnimationFrame(() => setTimeout(() => performance.mark('dashboard:rendered')));
  }, [data]);

  useEffect(() => {
    // The filter lives in the address: a reload or a bookmark shows the same view.
    window.history.replaceState(null, '', `${window.location.pathname}${filterToQuery(filter)}${window.location.hash}`);
  }, [filter]);

  useEffect(() => {
    document.documentElement.lang = settings.language;
    document.title = createTranslator(settings.language)('dashboard.title');
  }, [settings.language]);

  useEffect(() => {
    const reset = () => setPrintUnit(null);
    window.addEventListener('afterprint', reset);
    return () => window.removeEventListener('afterprint', reset);
  }, []);

  function print(unit: string | null) {
    // The print shows the chosen unit's sheet alone; render that before the dialog opens.
    flushSync(() => setPrintUnit(unit));
    window.print();
  }

  function exportCsv(unit: string | null) {
    if (!data) return;
    const units = unit === null ? data.units : data.units.filter((entry) => entry.unit === unit);
    const rows = units.flatMap((entry) => entry.rows);
    downloadText(followupFileName(today, unit ?? ''), followupCsv(rows, vietnamese, settings.delimiter));
  }

  // The workbook and the Word document: their writers load only now (chunks of their own).
  async function exportOffice(unit: string | null, kind: 'xlsx' | 'docx') {
    if (!data) return;
    const units = unit === null ? data.units : data.units.filter((entry) => entry.unit === unit);
    if (units.length === 0) return;
    setExportMessage(t('dashboard.exportPreparing'));
    try {
      const content = followupDocument(units, vietnamese, { ...settings, today });
      const file = await followupOfficeFile(kind, content, followupDocumentName(today, unit, kind));
      downloadFile(file);
      setExportMessage(t('dashboard.exportDone', { file: file.fileName }));
    } catch (error) {
      setExportMessage(t('dashboard.exportFailed', { message: error instanceof Error ? error.message : String(error) }));
    }
  }

  return (
    <Dashboard
      t={t}
      doc={vietnamese}
      data={data}
      error={error ? t('error.database', { message: error }) : null}
      filter={filter}
      onFilterChange={setFilter}
      officeName={settings.unitName}
      today={today}
      windowDays={settings.monitorWindowDays}
      printUnit={printUnit}
      onPrint={print}
      onCsv={exportCsv}
      onOffice={(unit, kind) => void exportOffice(unit, kind)}
      exportMessage={exportMessage}
    />
  );
}

createRoot(document.getElementById('root')!).render(<DashboardPage />);
