import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorsByField, type Output } from '../api';
import { Field, FormError } from '../components/Field';
import { Modal } from '../components/Modal';
import { useFocusFirstInvalid } from '../hooks/useFocusFirstInvalid';
import { EVENT_TYPES, eventLabel, type EventType } from './events';

export type Endpoint = Output<'webhooks.list'>[number];

const FIELDS = ['url', 'events', 'description', 'allowLocal', 'enabled'] as const;
type FormField = (typeof FIELDS)[number] | '_form';

/** Creates or edits an endpoint: URL (the core's rule on HTTPS shows under it), events, description, local network, on/off. */
export function EndpointForm({
  endpoint,
  onClose,
  onCreated,
  onSaved,
}: {
  endpoint: Endpoint | null;
  onClose: () => void;
  onCreated: (created: Output<'webhooks.create'> & { url: string }) => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [url, setUrl] = useState(endpoint?.url ?? '');
  const [description, setDescription] = useState(endpoint?.description ?? '');
  const [events, setEvents] = useState<string[]>(endpoint?.events ?? ['order.paid']);
  const [allowLocal, setAllowLocal] = useState(endpoint?.allowLocal ?? false);
  const [enabled, setEnabled] = useState(endpoint?.enabled ?? true);
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [busy, setBusy] = useState(false);
  const formRef = useFocusFirstInvalid<HTMLFormElement>(errors);

  const toggle = (type: EventType, on: boolean) => {
    setEvents((current) => (on ? EVENT_TYPES.filter((e) => e === type || current.includes(e)) : current.filter((e) => e !== type)));
    setErrors((current) => ({ ...current, events: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const local: Partial<Record<FormField, string>> = {};
    if (url.trim().length < 8) local.url = t('webhooks.form.errors.url');
    if (events.length === 0) local.events = t('webhooks.form.errors.events');
    if (Object.keys(local).length) return setErrors(local);
    setBusy(true);
    const chosen = events as EventType[];
    if (endpoint) {
      const outcome = await api.call('webhooks.update', {
        id: endpoint.id,
        url: url.trim(),
        events: chosen,
        description: description.trim() || null,
        allowLocal,
        ...(enabled !== endpoint.enabled ? { enabled } : {}),
      });
      setBusy(false);
      if (!outcome.ok) return setErrors(errorsByField(outcome.error, FIELDS));
      return onSaved();
    }
    const outcome = await api.call('webhooks.create', {
      url: url.trim(),
      events: chosen,
      ...(description.trim() ? { description: description.trim() } : {}),
      ...(allowLocal ? { allowLocal: true } : {}),
    });
    setBusy(false);
    if (!outcome.ok) return setErrors(errorsByField(outcome.error, FIELDS));
    onCreated({ ...outcome.result, url: url.trim() });
  };

  return (
    <Modal title={endpoint ? t('webhooks.form.editTitle') : t('webhooks.form.createTitle')} onClose={onClose} size="large" testId="webhook-form">
      <form ref={formRef} className="form-stack" onSubmit={(e) => void submit(e)} noValidate>
        <FormError message={errors._form} />
        <Field label={t('webhooks.form.url')} name="url" error={errors.url} hint={t('webhooks.form.urlHint')}>
          {(control) => (
            <input
              {...control}
              className="input wh-mono"
              type="url"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              maxLength={2000}
              value={url}
              onChange={(e) => {
                setUrl(e.target.value);
                setErrors((current) => ({ ...current, url: undefined, _form: undefined }));
              }}
              placeholder="https://"
              data-testid="webhook-url"
            />
          )}
        </Field>
        <div className="wh-local">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={allowLocal}
              onChange={(e) => {
                setAllowLocal(e.target.checked);
                setErrors((current) => ({ ...current, url: undefined }));
              }}
              data-testid="webhook-allow-local"
            />
            <span>{t('webhooks.form.allowLocal')}</span>
          </label>
          <p className="field-hint">{t('webhooks.form.allowLocalHint')}</p>
        </div>
        <Field label={t('webhooks.form.description')} name="description" error={errors.description} hint={t('webhooks.form.descriptionHint')}>
          {(control) => <input {...control} className="input" maxLength={120} value={description} onChange={(e) => setDescription(e.target.value)} data-testid="webhook-description" />}
        </Field>
        <fieldset className={`wh-events${errors.events ? ' field-invalid' : ''}`} aria-describedby={errors.events ? 'wh-events-error' : undefined}>
          <legend className="field-label">{t('webhooks.form.events')}</legend>
          <div className="wh-events-tools">
            <button type="button" className="button button-small button-ghost" onClick={() => setEvents([...EVENT_TYPES])}>
              {t('webhooks.form.selectAll')}
            </button>
            <button type="button" className="button button-small button-ghost" onClick={() => setEvents([])}>
              {t('webhooks.form.selectNone')}
            </button>
          </div>
          <div className="wh-event-grid">
            {EVENT_TYPES.map((type) => (
              <label key={type} className="wh-event">
                <input type="checkbox" checked={events.includes(type)} onChange={(e) => toggle(type, e.target.checked)} data-testid={`webhook-event-${type}`} />
                <span>
                  <span className="wh-event-name">{eventLabel(t, type)}</span>
                  <code className="wh-event-code">{type}</code>
                </span>
              </label>
            ))}
          </div>
          {errors.events && (
            <p className="field-error" id="wh-events-error" data-testid="field-error-events">
              {errors.events}
            </p>
          )}
        </fieldset>
        {endpoint && (
          <div>
            <label className="checkbox">
              <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} data-testid="webhook-enabled" />
              <span>{t('webhooks.form.active')}</span>
            </label>
            <p className="field-hint">{t('webhooks.form.activeHint')}</p>
          </div>
        )}
        <div className="form-actions">
          <button type="button" className="button button-ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="webhook-save">
            {busy ? t('common.saving') : endpoint ? t('webhooks.form.submitEdit') : t('webhooks.form.submitCreate')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
