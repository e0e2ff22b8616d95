import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorsByField, type Output } from '../../api';
import { Field, FormError } from '../../components/Field';
import { useFocusFirstInvalid } from '../../hooks/useFocusFirstInvalid';
import { uuidv7 } from '../../ids';
import { useSession } from '../../session';
import { ConnectionFields } from '../../sync/ConnectionFields';

type Shop = Output<'reports.chainShops'>['shops'][number];
type Tested = Output<'reports.chainTest'>;
const FIELDS = ['name', 'uri', 'database'] as const;
type Errors = Partial<Record<(typeof FIELDS)[number] | '_form', string>>;

/** The other shops this terminal reads: add one (its read-only connection), test it, remove it. */
export function ChainShopsPanel({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const { notify } = useSession();
  const [shops, setShops] = useState<Shop[]>([]);
  const [form, setForm] = useState({ id: uuidv7(), name: '', uri: '', database: 'balcao' });
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [tests, setTests] = useState<Record<string, Tested | 'testing'>>({});
  const [removing, setRemoving] = useState<string | null>(null);
  const formRef = useFocusFirstInvalid<HTMLFormElement>(errors);

  const load = useCallback(async () => {
    const outcome = await api.call('reports.chainShops', {});
    if (outcome.ok) setShops(outcome.result.shops);
    else setErrors({ _form: outcome.error.message });
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const edit = (field: (typeof FIELDS)[number], value: string) => {
    setForm((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined, _form: undefined }));
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Errors = {};
    for (const field of FIELDS) if (!form[field].trim()) missing[field] = t('chain.shops.required');
    setErrors(missing);
    if (busy || Object.keys(missing).length > 0) return;
    setBusy(true);
    const outcome = await api.call('reports.chainAdd', { id: form.id, name: form.name.trim(), uri: form.uri.trim(), database: form.database.trim() });
    setBusy(false);
    if (!outcome.ok) return setErrors(errorsByField(outcome.error, FIELDS));
    notify(t('chain.shops.added', { name: outcome.result.name }));
    setForm({ id: uuidv7(), name: '', uri: '', database: 'balcao' });
    await load();
    onChanged();
  };

  const test = async (shop: Shop) => {
    setTests((current) => ({ ...current, [shop.id]: 'testing' }));
    const outcome = await api.call('reports.chainTest', { id: shop.id });
    const result: Tested = outcome.ok ? outcome.result : { ok: false, message: outcome.error.message, terminals: null, lastSaleDay: null, ms: 0 };
    setTests((current) => ({ ...current, [shop.id]: result }));
  };

  const remove = async (shop: Shop) => {
    const outcome = await api.call('reports.chainRemove', { id: shop.id });
    setRemoving(null);
    if (!outcome.ok) return setErrors({ _form: outcome.error.message });
    notify(t('chain.shops.removed', { name: shop.name }));
    await load();
    onChanged();
  };

  return (
    <section className="panel" data-testid="chain-shops">
      <h2 className="section-title">{t('chain.shops.title')}</h2>
      <p className="muted small">{t('chain.shops.text')}</p>
      {shops.length === 0 ? (
        <p className="muted">{t('chain.shops.empty')}</p>
      ) : (
        <ul className="chain-shop-list">
          {shops.map((shop) => {
            const tested = tests[shop.id];
            return (
              <li key={shop.id} data-testid="chain-shop">
                <div>
                  <strong>{shop.name}</strong>
                  <span className="muted small">
                    {' '}
                    · {t('chain.shops.server')}: {shop.host} · {shop.database}
                  </span>
                  {tested && tested !== 'testing' && (
                    <p className={`small ${tested.ok ? 'chain-ok' : 'chain-fail'}`} role="status" data-testid="chain-test-result" data-ok={tested.ok}>
                      {tested.message}
                    </p>
                  )}
                </div>
                <div className="chain-shop-actions">
                  <button type="button" className="button button-small button-secondary" disabled={tested === 'testing'} onClick={() => void test(shop)} data-testid="chain-test">
                    {tested === 'testing' ? t('chain.shops.testing') : t('chain.shops.test')}
                  </button>
                  {removing === shop.id ? (
                    <button type="button" className="button button-small button-danger" onClick={() => void remove(shop)} data-testid="chain-remove-confirm">
                      {t('chain.shops.removeNow')}
                    </button>
                  ) : (
                    <button type="button" className="button button-small button-ghost" onClick={() => setRemoving(shop.id)} data-testid="chain-remove">
                      {t('chain.shops.remove')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {removing && <p className="alert alert-info small">{t('chain.shops.removeConfirm', { name: shops.find((s) => s.id === removing)?.name ?? '' })}</p>}

      <form ref={formRef} onSubmit={(e) => void add(e)} noValidate data-testid="chain-form">
        <FormError message={errors._form} />
        <div className="form-grid">
          <Field label={t('chain.shops.name')} name="name" error={errors.name}>
            {(control) => <input {...control} className="input" maxLength={60} value={form.name} onChange={(e) => edit('name', e.target.value)} data-testid="chain-name" />}
          </Field>
          <ConnectionFields
            uri={form.uri}
            database={form.database}
            errors={errors}
            onChange={edit}
            labels={{ uri: t('chain.shops.uri'), uriHint: t('chain.shops.uriHint'), databaseHint: t('chain.shops.databaseHint') }}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy} data-testid="chain-add">
            {busy ? t('chain.shops.adding') : t('chain.shops.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
