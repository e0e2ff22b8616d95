import { useTranslation } from 'react-i18next';

/** Configurações' way to the "Dispositivos" screen (the shop network and paired devices). */
export function DevicesLink() {
  const { t } = useTranslation();
  return (
    <section className="panel">
      <p className="muted small">{t('settings.devicesText')}</p>
      <div>
        <a href="#/dispositivos" className="button button-secondary" data-testid="settings-devices">
          {t('settings.devicesOpen')}
        </a>
      </div>
    </section>
  );
}
