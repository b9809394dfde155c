import '../popup/style.css';
import { createRoot } from 'react-dom/client';
import { Options } from '@/components/Options';
import { useSettings } from '@/components/use-extension';

function OptionsPage() {
  const { settings, loaded, save, t } = useSettings();
  document.documentElement.lang = settings.language;
  if (!loaded) return <p>{t('popup.loading')}</p>;
  return <Options t={t} settings={settings} onSave={save} />;
}

createRoot(document.getElementById('root')!).render(<OptionsPage />);
