import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorsByField } from '../api';
import { Field, FormError } from '../components/Field';
import { useSession } from '../session';
import { customerDisplayUrl } from './displaySession';

/**
 * Configurações › Tela do cliente (admin): the shop's colour on the display, the folder of the idle
 * slides on this computer, and the desktop app's window on the second monitor.
 */
export function DisplaySettings() {
  const { t } = useTranslation();
  const { notify } = useSession();
  const [color, setColor] = useState<string | null>(null);
  const [folder, setFolder] = useState('');
  const [secondWindow, setSecondWindow] = useState(false);
  const [slides, setSlides] = useState<number | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const countSlides = useCallback(() => void api.call('display.slides', {}).then((outcome) => setSlides(outcome.ok ? outcome.result.names.length : null)), []);
  useEffect(() => {
    void Promise.all([api.call('display.config', {}), api.call('settings.get', {})]).then(([config, settings]) => {
      if (!config.ok) return setErrors({ _form: config.error.message });
      if (!settings.ok) return setErrors({ _form: settings.error.message });
      setFolder(config.result.slidesFolder ?? '');
      setSecondWindow(config.result.secondWindow);
      setColor(settings.result.displayColor);
    });
    countSlides();
  }, [countSlides]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (color === null) return;
    setBusy(true);
    const configured = await api.call('display.configure', { slidesFolder: folder.trim() || null, secondWindow });
    const colored = configured.ok ? await api.call('settings.update', { displayColor: color }) : configured;
    setBusy(false);
    if (!configured.ok) return setErrors(errorsByField(configured.error, ['slidesFolder', 'secondWindow']));
    if (!colored.ok) return setErrors(errorsByField(colored.error, ['displayColor']));
    setErrors({});
    countSlides();
    notify(t('display.settings.saved'));
  };

  if (color === null) return <FormError message={errors._form} />;
  return (
    <section className="panel" data-testid="display-settings">
      <h2 className="section-title">{t('display.settings.title')}</h2>
      <p className="muted small">{t('display.settings.text')}</p>
      <FormError message={errors._form} />
      <form className="form-grid" onSubmit={(e) => void save(e)} noValidate>
        <Field label={t('display.settings.color')} name="displayColor" error={errors.displayColor}>
          {(control) => <input {...control} type="color" className="input" value={color} onChange={(e) => setColor(e.target.value)} data-testid="display-color" />}
        </Field>
        <Field
          label={t('display.settings.slidesFolder')}
          name="slidesFolder"
          error={errors.slidesFolder}
          hint={`${t('display.settings.slidesHint')}${slides ? ` ${t('display.settings.slidesCount', { count: slides })}` : ''}`}
          className="span-2"
        >
          {(control) => <input {...control} className="input" maxLength={500} value={folder} onChange={(e) => setFolder(e.target.value)} data-testid="display-slides-folder" />}
        </Field>
        <label className="checkbox span-2">
          <input type="checkbox" checked={secondWindow} onChange={(e) => setSecondWindow(e.target.checked)} data-testid="display-second-window" /> {t('display.settings.secondWindow')}
        </label>
        <div className="form-actions span-2">
          <button type="button" className="button button-ghost" onClick={() => window.open(customerDisplayUrl(), '_blank')} data-testid="display-open-window">
            {t('display.settings.openWindow')}
          </button>
          <button type="submit" className="button button-secondary" disabled={busy} data-testid="display-save">
            {t('display.settings.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
