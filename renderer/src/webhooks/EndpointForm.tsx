import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Output } from '../api';
import { Field } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { useFocusFirstInvalid } from '../hooks/useFocusFirstInvalid';
import { useFormState, type FieldErrors } from '../hooks/useFormState';
import { EVENT_TYPES, eventLabel, type EventType } from './events';

export type Endpoint = Output<'webhooks.list'>[number];

const FIELDS = ['url', 'events', 'description', 'allowLocal', 'enabled'] as const;

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
  const form = useFormState();
  const { errors, setErrors, clearError } = form;
  const formRef = useFocusFirstInvalid<HTMLFormElement>(errors);

  const toggle = (type: EventType, on: boolean) => {
    setEvents((current) => (on ? EVENT_TYPES.filter((e) => e === type || current.includes(e)) : current.filter((e) => e !== type)));
    setErrors((current) => ({ ...current, events: undefined }));
  };

  const submit = async () => {
    const local: FieldErrors = {};
    if (url.trim().length < 8) local.url = t('webhooks.form.errors.url');
    if (events.length === 0) local.events = t('webhooks.form.errors.events');
    if (Object.keys(local).length) return setErrors(local);
    const chosen = events as EventType[];
    if (endpoint) {
      const input = { id: endpoint.id, url: url.trim(), events: chosen, description: description.trim() || null, allowLocal, ...(enabled !== endpoint.enabled ? { enabled } : {}) };
      return form.send(() => api.call('webhooks.update', input), FIELDS, onSaved);
    }
    const input = { url: url.trim(), events: chosen, ...(description.trim() ? { description: description.trim() } : {}), ...(allowLocal ? { allowLocal: true } : {}) };
    await form.send(() => api.call('webhooks.create', input), FIELDS, (created) => onCreated({ ...created, url: url.trim() }));
  };

  return (
    <FormDialog
      title={endpoint ? t('webhooks.form.editTitle') : t('webhooks.form.createTitle')}
      onClose={onClose}
      size="large"
      testId="webhook-form"
      form={form}
      formRef={formRef}
      onSubmit={submit}
      submitLabel={endpoint ? t('webhooks.form.submitEdit') : t('webhooks.form.submitCreate')}
      submitTestId="webhook-save"
    >
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
              clearError('url');
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
    </FormDialog>
  );
}
