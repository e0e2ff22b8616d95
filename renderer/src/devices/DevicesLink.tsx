import { useTranslation } from 'react-i18next';
import { ScreenLink } from '../components/ScreenLink';

/** Configurações' way to the "Dispositivos" screen (the shop network and paired devices). */
export function DevicesLink() {
  const { t } = useTranslation();
  return (
    <section className="panel">
      <ScreenLink text={t('settings.devicesText')} href="#/dispositivos" label={t('settings.devicesOpen')} testId="settings-devices" />
    </section>
  );
}
