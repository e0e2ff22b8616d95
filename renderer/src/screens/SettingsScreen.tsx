import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorsByField, type Input, type Output } from '../api';
import { BoardLinks } from '../board/BoardLinks';
import { DevicesLink } from '../devices/DevicesLink';
import { DisplaySettings } from '../display/DisplaySettings';
import { ScreenLink } from '../components/ScreenLink';
import { Field, FormError } from '../components/Field';
import { Checkbox, PageWaiting } from '../components/ListParts';
import { MoneyInput } from '../components/MoneyInput';
import { formatMoneyInput, parseMoneyInput } from '../format';
import { useFocusFirstInvalid } from '../hooks/useFocusFirstInvalid';
import { useSession } from '../session';
import { UpdatesSection } from '../updates/UpdatesSection';

type Settings = Output<'settings.get'>;
type NumberKey = 'pinMaxAttempts' | 'pinLockMinutes' | 'idleLockMinutes' | 'overrideTtlSeconds' | 'stockExpiryDays' | 'feedbackMaxDays' | 'feedbackContactDays';
type TextKey = 'pixKey' | 'pixMerchantName' | 'pixMerchantCity' | 'printerAddress' | 'shopDocument' | 'shopAddress' | 'shopPhone';
type FlagKey = 'autoPrintReceipt' | 'autoPrintKitchen' | 'cancelAfterKitchenNeedsManager';
/** The settings this screen edits: the shop, security, the counter (discounts, sangrias, cancels, PIX), the printer and the receipt's header. */
type Key = 'shopName' | 'timezone' | 'businessDayStartsAt' | NumberKey | 'discountLimit' | 'sangriaManagerLimit' | 'paperWidth' | TextKey | FlagKey | 'feedbackTags';

const TEXT_KEYS: readonly TextKey[] = ['pixKey', 'pixMerchantName', 'pixMerchantCity', 'printerAddress', 'shopDocument', 'shopAddress', 'shopPhone'];
const PRINT_FLAGS = ['autoPrintReceipt', 'autoPrintKitchen'] as const satisfies readonly FlagKey[];
const FLAG_KEYS: readonly FlagKey[] = [...PRINT_FLAGS, 'cancelAfterKitchenNeedsManager'];
const FIELDS: readonly string[] = [
  'shopName',
  'timezone',
  'businessDayStartsAt',
  'pinMaxAttempts',
  'pinLockMinutes',
  'idleLockMinutes',
  'overrideTtlSeconds',
  'stockExpiryDays',
  'feedbackMaxDays',
  'feedbackContactDays',
  'feedbackTags',
  'discountLimitBps',
  'sangriaManagerLimit',
  'paperWidth',
  ...TEXT_KEYS,
  ...FLAG_KEYS,
];
/** Longest text the core takes for each field. */
const TEXT_MAX: Record<TextKey | 'shopName' | 'feedbackTags', number> = { shopName: 80, feedbackTags: 500, pixKey: 77, pixMerchantName: 25, pixMerchantCity: 15, printerAddress: 60, shopDocument: 30, shopAddress: 120, shopPhone: 30 };

/** Limits the core enforces, repeated here so the form says so before sending. */
const NUMBER_LIMITS: Record<NumberKey, { min: number; max: number }> = {
  pinMaxAttempts: { min: 3, max: 10 },
  pinLockMinutes: { min: 1, max: 1440 },
  idleLockMinutes: { min: 1, max: 120 },
  overrideTtlSeconds: { min: 15, max: 600 },
  stockExpiryDays: { min: 1, max: 90 },
  feedbackMaxDays: { min: 1, max: 60 },
  feedbackContactDays: { min: 1, max: 730 },
};
const NUMBER_KEYS = Object.keys(NUMBER_LIMITS) as NumberKey[];

/** Brazil's zones, by the city people know them by. */
const BRAZIL_ZONES = [
  'America/Sao_Paulo',
  'America/Bahia',
  'America/Fortaleza',
  'America/Recife',
  'America/Maceio',
  'America/Belem',
  'America/Araguaina',
  'America/Santarem',
  'America/Manaus',
  'America/Cuiaba',
  'America/Campo_Grande',
  'America/Porto_Velho',
  'America/Boa_Vista',
  'America/Rio_Branco',
  'America/Eirunepe',
  'America/Noronha',
] as const;

type Draft = Record<Key, string>;

const toDraft = (settings: Settings): Draft => ({
  shopName: settings.shopName,
  timezone: settings.timezone,
  businessDayStartsAt: settings.businessDayStartsAt,
  pinMaxAttempts: String(settings.pinMaxAttempts),
  pinLockMinutes: String(settings.pinLockMinutes),
  idleLockMinutes: String(settings.idleLockMinutes),
  overrideTtlSeconds: String(settings.overrideTtlSeconds),
  stockExpiryDays: String(settings.stockExpiryDays),
  feedbackMaxDays: String(settings.feedbackMaxDays),
  feedbackContactDays: String(settings.feedbackContactDays),
  feedbackTags: settings.feedbackTags.join(', '),
  // Basis points shown as a percentage: 1000 → "10,00" (%).
  discountLimit: formatMoneyInput(settings.discountLimitBps),
  sangriaManagerLimit: formatMoneyInput(settings.sangriaManagerLimit),
  paperWidth: String(settings.paperWidth),
  pixKey: settings.pixKey,
  pixMerchantName: settings.pixMerchantName,
  pixMerchantCity: settings.pixMerchantCity,
  printerAddress: settings.printerAddress,
  shopDocument: settings.shopDocument,
  shopAddress: settings.shopAddress,
  shopPhone: settings.shopPhone,
  autoPrintReceipt: settings.autoPrintReceipt ? '1' : '',
  autoPrintKitchen: settings.autoPrintKitchen ? '1' : '',
  cancelAfterKitchenNeedsManager: settings.cancelAfterKitchenNeedsManager ? '1' : '',
});

export function SettingsScreen() {
  const { t } = useTranslation();
  const { session, refresh, notify } = useSession();
  const canEdit = session.user.role === 'admin';
  const [settings, setSettings] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Key | '_form', string>>>({});
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useFocusFirstInvalid<HTMLFormElement>(errors);

  useEffect(() => {
    let cancelled = false;
    void api.call('settings.get', {}).then((outcome) => {
      if (cancelled) return;
      if (outcome.ok) {
        setSettings(outcome.result);
        setDraft(toDraft(outcome.result));
      } else setLoadError(outcome.error.message);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  if (loadError || !settings || !draft) return <PageWaiting error={loadError} />;

  const set = (key: Key, value: string) => {
    setDraft({ ...draft, [key]: value });
    setErrors((current) => ({ ...current, [key]: undefined, _form: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !canEdit) return;
    const local: Partial<Record<Key, string>> = {};
    const patch: Input<'settings.update'> = {};
    const shopName = draft.shopName.trim();
    if (shopName.length < 2) local.shopName = t('settings.errors.shopName');
    else if (shopName !== settings.shopName) patch.shopName = shopName;
    if (draft.timezone !== settings.timezone) patch.timezone = draft.timezone;
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(draft.businessDayStartsAt)) local.businessDayStartsAt = t('settings.errors.time');
    else if (draft.businessDayStartsAt !== settings.businessDayStartsAt) patch.businessDayStartsAt = draft.businessDayStartsAt;
    for (const key of NUMBER_KEYS) {
      const { min, max } = NUMBER_LIMITS[key];
      const text = draft[key].trim();
      const value = Number(text);
      if (!/^\d+$/.test(text) || value < min || value > max) local[key] = t('settings.errors.range', { min, max });
      else if (value !== settings[key]) patch[key] = value;
    }
    const limit = parseMoneyInput(draft.discountLimit.replace('%', ''), { max: 10_000 });
    if (limit === null) local.discountLimit = t('settings.errors.percent');
    else if (limit !== settings.discountLimitBps) patch.discountLimitBps = limit;
    const sangriaLimit = parseMoneyInput(draft.sangriaManagerLimit);
    if (sangriaLimit === null) local.sangriaManagerLimit = t('settings.errors.money');
    else if (sangriaLimit !== settings.sangriaManagerLimit) patch.sangriaManagerLimit = sangriaLimit;
    for (const key of TEXT_KEYS) {
      const value = draft[key].trim();
      if (value.length > TEXT_MAX[key]) local[key] = t('settings.errors.tooLong', { max: TEXT_MAX[key] });
      else if (value !== settings[key]) patch[key] = value;
    }
    if (draft.printerAddress.trim() && !/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(draft.printerAddress.trim())) local.printerAddress = t('settings.errors.printer');
    const paper = draft.paperWidth === '58' ? 58 : 80;
    if (paper !== settings.paperWidth) patch.paperWidth = paper;
    for (const key of FLAG_KEYS) {
      const value = draft[key] === '1';
      if (value !== settings[key]) patch[key] = value;
    }
    // The feedback screen's tags: typed comma separated, sent as a list.
    const tags = [...new Set(draft.feedbackTags.split(',').map((tag) => tag.trim()).filter(Boolean))];
    if (tags.length < 1 || tags.length > 12 || tags.some((tag) => tag.length > 40)) local.feedbackTags = t('settings.errors.tags');
    else if (tags.join('\n') !== settings.feedbackTags.join('\n')) patch.feedbackTags = tags;
    if (Object.keys(local).length) return setErrors(local);
    if (Object.keys(patch).length === 0) return notify(t('settings.nothingChanged'));
    setBusy(true);
    const outcome = await api.call('settings.update', patch);
    setBusy(false);
    if (!outcome.ok) {
      const byField = errorsByField(outcome.error, FIELDS);
      if (byField.discountLimitBps) return setErrors({ discountLimit: byField.discountLimitBps });
      return setErrors(byField);
    }
    setSettings(outcome.result);
    setDraft(toDraft(outcome.result));
    notify(t('settings.saved'));
    await refresh();
  };

  const zones: readonly string[] = BRAZIL_ZONES.includes(draft.timezone as (typeof BRAZIL_ZONES)[number])
    ? BRAZIL_ZONES
    : [draft.timezone, ...BRAZIL_ZONES];

  const numberField = (key: NumberKey, unit: string) => (
    <Field label={t(`settings.fields.${key}`)} name={key} error={errors[key]} hint={t(`settings.hints.${key}`, NUMBER_LIMITS[key])}>
      {(control) => (
        <div className="input-with-unit">
          <input
            {...control}
            className="input input-number"
            inputMode="numeric"
            disabled={!canEdit}
            value={draft[key]}
            onChange={(e) => set(key, e.target.value.replace(/\D/g, ''))}
          />
          <span className="input-unit" aria-hidden="true">
            {unit}
          </span>
        </div>
      )}
    </Field>
  );

  const textField = (key: TextKey | 'shopName' | 'feedbackTags', hint?: string, className?: string) => (
    <Field label={t(`settings.fields.${key}`)} name={key} error={errors[key]} hint={hint} className={className}>
      {(control) => (
        <input {...control} className="input" maxLength={TEXT_MAX[key]} disabled={!canEdit} value={draft[key]} onChange={(e) => set(key, e.target.value)} data-testid={`settings-${key}`} />
      )}
    </Field>
  );

  const flagField = (key: FlagKey, testId?: string) => (
    <Checkbox key={key} disabled={!canEdit} checked={draft[key] === '1'} onChange={(checked) => set(key, checked ? '1' : '')} testId={testId}>
      {t(`settings.fields.${key}`)}
    </Checkbox>
  );

  return (
    <div className="page-content" data-testid="settings-screen">
      <div className="page-header">
        <div>
          <h1>{t('settings.title')}</h1>
          <p className="muted">{canEdit ? t('settings.subtitle') : t('settings.readOnly')}</p>
        </div>
      </div>
      <form ref={formRef} className="settings-form" onSubmit={(e) => void submit(e)} noValidate>
        <FormError message={errors._form} />
        <section className="panel">
          <h2 className="section-title">{t('settings.sections.shop')}</h2>
          <div className="form-grid">
            {textField('shopName', undefined, 'span-2')}
            <Field label={t('settings.fields.timezone')} name="timezone" error={errors.timezone} hint={t('settings.hints.timezone')}>
              {(control) => (
                <select {...control} className="input select" disabled={!canEdit} value={draft.timezone} onChange={(e) => set('timezone', e.target.value)}>
                  {zones.map((zone) => (
                    <option key={zone} value={zone}>
                      {zone.replace('America/', '').replace(/_/g, ' ')} ({zone})
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label={t('settings.fields.businessDayStartsAt')}
              name="businessDayStartsAt"
              error={errors.businessDayStartsAt}
              hint={t('settings.hints.businessDayStartsAt')}
            >
              {(control) => (
                <input
                  {...control}
                  type="time"
                  className="input input-time"
                  disabled={!canEdit}
                  value={draft.businessDayStartsAt}
                  onChange={(e) => set('businessDayStartsAt', e.target.value)}
                />
              )}
            </Field>
          </div>
        </section>
        <section className="panel">
          <h2 className="section-title">{t('settings.sections.security')}</h2>
          <div className="form-grid form-grid-3">
            {numberField('pinMaxAttempts', t('settings.units.attempts'))}
            {numberField('pinLockMinutes', t('settings.units.minutes'))}
            {numberField('idleLockMinutes', t('settings.units.minutes'))}
            {numberField('overrideTtlSeconds', t('settings.units.seconds'))}
          </div>
        </section>
        <section className="panel">
          <h2 className="section-title">{t('settings.sections.counter')}</h2>
          <div className="form-grid">
            <Field label={t('settings.fields.discountLimit')} name="discountLimit" error={errors.discountLimit} hint={t('settings.hints.discountLimit')}>
              {(control) => (
                <div className="input-with-unit">
                  <input
                    {...control}
                    className="input input-number"
                    inputMode="decimal"
                    maxLength={6}
                    disabled={!canEdit}
                    value={draft.discountLimit}
                    onChange={(e) => set('discountLimit', e.target.value.replace(/[^\d,.]/g, ''))}
                    data-testid="settings-discount-limit"
                  />
                  <span className="input-unit" aria-hidden="true">
                    %
                  </span>
                </div>
              )}
            </Field>
            <Field label={t('settings.fields.sangriaManagerLimit')} name="sangriaManagerLimit" error={errors.sangriaManagerLimit} hint={t('settings.hints.sangriaManagerLimit')}>
              {(control) => (
                <MoneyInput control={control} disabled={!canEdit} value={draft.sangriaManagerLimit} onChange={(text) => set('sangriaManagerLimit', text)} testId="settings-sangria-limit" />
              )}
            </Field>
            {flagField('cancelAfterKitchenNeedsManager', 'settings-cancel-after-kitchen')}
            {textField('pixKey', t('settings.hints.pixKey'))}
            {textField('pixMerchantName', t('settings.hints.pixMerchantName'))}
            {textField('pixMerchantCity', t('settings.hints.pixMerchantCity'))}
          </div>
        </section>
        <section className="panel">
          <h2 className="section-title">{t('settings.sections.printer')}</h2>
          <div className="form-grid">
            {textField('printerAddress', t('settings.hints.printerAddress'))}
            <Field label={t('settings.fields.paperWidth')} name="paperWidth" error={errors.paperWidth}>
              {(control) => (
                <select {...control} className="input select" disabled={!canEdit} value={draft.paperWidth} onChange={(e) => set('paperWidth', e.target.value)}>
                  <option value="80">80 mm</option>
                  <option value="58">58 mm</option>
                </select>
              )}
            </Field>
            {PRINT_FLAGS.map((key) => flagField(key))}
          </div>
        </section>
        <section className="panel">
          <h2 className="section-title">{t('settings.sections.receipt')}</h2>
          <p className="muted small">{t('settings.receiptText')}</p>
          <div className="form-grid">
            {textField('shopDocument')}
            {textField('shopPhone')}
            <div className="span-2">{textField('shopAddress')}</div>
          </div>
        </section>
        <section className="panel">
          <h2 className="section-title">{t('settings.sections.stock')}</h2>
          <div className="form-grid">{numberField('stockExpiryDays', t('settings.units.days'))}</div>
        </section>
        <section className="panel">
          <h2 className="section-title">{t('settings.sections.feedback')}</h2>
          <div className="form-grid">
            {numberField('feedbackMaxDays', t('settings.units.days'))}
            {numberField('feedbackContactDays', t('settings.units.days'))}
            {textField('feedbackTags', t('settings.hints.feedbackTags'), 'span-2')}
          </div>
        </section>
        {canEdit && (
          <section className="panel">
            <h2 className="section-title">{t('settings.sections.integrations')}</h2>
            <ScreenLink text={t('settings.webhooksText')} href="#/webhooks" label={t('settings.webhooksOpen')} testId="settings-webhooks" />
            <ScreenLink text={t('settings.syncText')} href="#/sincronizacao" label={t('settings.syncOpen')} testId="settings-sync" />
            <ScreenLink text={t('settings.backupsText')} href="#/backups" label={t('settings.backupsOpen')} testId="settings-backups" />
          </section>
        )}
        {canEdit && (
          <div className="form-actions">
            <button type="button" className="button button-ghost" onClick={() => (setDraft(toDraft(settings)), setErrors({}))}>
              {t('settings.discard')}
            </button>
            <button type="submit" className="button button-primary" disabled={busy} data-testid="settings-save">
              {busy ? t('common.saving') : t('common.save')}
            </button>
          </div>
        )}
      </form>
      <UpdatesSection />
      <DevicesLink />
      {canEdit && <DisplaySettings />}
      {canEdit && <BoardLinks />}
    </div>
  );
}
