import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorsByField } from '../api';
import { Field, FormError } from '../components/Field';
import { Modal } from '../components/Modal';
import { uuidv7 } from '../ids';
import { useSession } from '../session';
import type { Supplier } from './common';
import { TableMessage } from '../components/TableMessage';

/** "11222333000181" → "11.222.333/0001-81"; anything else as it is. */
export function formatCnpj(cnpj: string | null): string {
  if (!cnpj) return '';
  const digits = cnpj.replace(/\D/g, '');
  return digits.length === 14 ? digits.replace(/^(\d{2})(\d{3})(\d{3})(\d{4})(\d{2})$/, '$1.$2.$3/$4-$5') : cnpj;
}

/** The suppliers, loaded once and again after a save. */
export function useSuppliers(includeInactive = false) {
  const [suppliers, setSuppliers] = useState<Supplier[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    const outcome = await api.call('suppliers.list', includeInactive ? { includeInactive: true } : {});
    if (outcome.ok) {
      setSuppliers(outcome.result);
      setError(null);
    } else setError(outcome.error.message);
  }, [includeInactive]);
  useEffect(() => {
    void load();
  }, [load]);
  return { suppliers, error, reload: load };
}

/** Fornecedores: who sells to the shop, with CNPJ (checked by the core) and contact. */
export function SuppliersScreen() {
  const { t } = useTranslation();
  const [showInactive, setShowInactive] = useState(false);
  const { suppliers, error, reload } = useSuppliers(showInactive);
  const [editing, setEditing] = useState<Supplier | 'new' | null>(null);

  return (
    <div className="page-content page-content-wide stock-page" data-testid="stock-suppliers">
      <div className="page-header">
        <div>
          <h1>{t('stock.suppliers.title')}</h1>
          <p className="muted">{t('stock.suppliers.subtitle')}</p>
        </div>
        <div className="toolbar">
          <label className="checkbox">
            <input type="checkbox" checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} />
            <span>{t('stock.suppliers.showInactive')}</span>
          </label>
          <button type="button" className="button button-primary" onClick={() => setEditing('new')} data-testid="supplier-create">
            + {t('stock.suppliers.create')}
          </button>
        </div>
      </div>
      <FormError message={error} />
      <div className="table-wrap">
        <table className="table" data-testid="suppliers-table">
          <thead>
            <tr>
              <th scope="col">{t('stock.suppliers.fields.name')}</th>
              <th scope="col">{t('stock.suppliers.fields.cnpj')}</th>
              <th scope="col">{t('stock.suppliers.fields.contact')}</th>
              <th scope="col">{t('stock.suppliers.fields.phone')}</th>
              <th scope="col">{t('stock.suppliers.fields.email')}</th>
              <th scope="col">{t('stock.columns.status')}</th>
              <th scope="col" className="actions-col">
                {t('stock.columns.actions')}
              </th>
            </tr>
          </thead>
          <tbody>
            {suppliers && suppliers.length === 0 && (
              <TableMessage colSpan={7}>{t('stock.suppliers.empty')}</TableMessage>
            )}
            {suppliers?.map((supplier) => (
              <tr key={supplier.id} className={supplier.active ? undefined : 'row-inactive'} data-testid="supplier-row" data-name={supplier.name}>
                <th scope="row">{supplier.name}</th>
                <td className="nowrap">{supplier.cnpj ? formatCnpj(supplier.cnpj) : <span className="muted">—</span>}</td>
                <td>{supplier.contact ?? <span className="muted">—</span>}</td>
                <td className="nowrap">{supplier.phone ?? <span className="muted">—</span>}</td>
                <td>{supplier.email ?? <span className="muted">—</span>}</td>
                <td>{supplier.active ? <span className="badge badge-success">{t('stock.suppliers.active')}</span> : <span className="badge badge-muted">{t('stock.suppliers.inactive')}</span>}</td>
                <td className="actions-col">
                  <button type="button" className="button button-small button-secondary" onClick={() => setEditing(supplier)}>
                    {t('stock.items.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing && (
        <SupplierDialog
          supplier={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void reload();
          }}
        />
      )}
    </div>
  );
}

const FIELDS = ['name', 'cnpj', 'contact', 'phone', 'email'] as const;

/** New or edited supplier; the core checks the CNPJ's digits and that no other supplier has it. */
export function SupplierDialog({ supplier, onClose, onSaved }: { supplier: Supplier | null; onClose: () => void; onSaved: (id: string) => void }) {
  const { t } = useTranslation();
  const { notify } = useSession();
  const [id] = useState(() => supplier?.id ?? uuidv7());
  const [name, setName] = useState(supplier?.name ?? '');
  const [cnpj, setCnpj] = useState(formatCnpj(supplier?.cnpj ?? null));
  const [contact, setContact] = useState(supplier?.contact ?? '');
  const [phone, setPhone] = useState(supplier?.phone ?? '');
  const [email, setEmail] = useState(supplier?.email ?? '');
  const [active, setActive] = useState(supplier?.active ?? true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    // The dialog may sit inside another form (Receber mercadoria): this submit is only its own.
    event.preventDefault();
    event.stopPropagation();
    if (busy) return;
    if (name.trim().length < 2) return setErrors({ name: t('stock.suppliers.errors.name') });
    setBusy(true);
    const outcome = await api.call('suppliers.save', {
      id,
      name: name.trim(),
      cnpj: cnpj.trim() || null,
      contact: contact.trim() || null,
      phone: phone.trim() || null,
      email: email.trim() || null,
      active,
    });
    setBusy(false);
    if (!outcome.ok) return setErrors(errorsByField(outcome.error, FIELDS));
    notify(t('stock.suppliers.saved', { name: name.trim() }));
    onSaved(id);
  };

  return (
    <Modal title={supplier ? t('stock.suppliers.editTitle', { name: supplier.name }) : t('stock.suppliers.create')} onClose={onClose} testId="supplier-form">
      <form className="form-stack" onSubmit={(e) => void submit(e)} noValidate>
        <FormError message={errors._form} />
        <Field label={t('stock.suppliers.fields.name')} name="name" error={errors.name}>
          {(control) => <input {...control} className="input" maxLength={80} value={name} onChange={(e) => setName(e.target.value)} data-testid="supplier-name" />}
        </Field>
        <div className="form-grid">
          <Field label={t('stock.suppliers.fields.cnpj')} name="cnpj" error={errors.cnpj} hint={t('stock.suppliers.cnpjHint')}>
            {(control) => (
              <input {...control} className="input" inputMode="numeric" maxLength={20} placeholder="00.000.000/0000-00" value={cnpj} onChange={(e) => setCnpj(e.target.value)} data-testid="supplier-cnpj" />
            )}
          </Field>
          <Field label={t('stock.suppliers.fields.contact')} name="contact" error={errors.contact}>
            {(control) => <input {...control} className="input" maxLength={80} value={contact} onChange={(e) => setContact(e.target.value)} data-testid="supplier-contact" />}
          </Field>
          <Field label={t('stock.suppliers.fields.phone')} name="phone" error={errors.phone}>
            {(control) => <input {...control} className="input" inputMode="tel" maxLength={30} value={phone} onChange={(e) => setPhone(e.target.value)} />}
          </Field>
          <Field label={t('stock.suppliers.fields.email')} name="email" error={errors.email}>
            {(control) => <input {...control} className="input" type="email" maxLength={120} value={email} onChange={(e) => setEmail(e.target.value)} />}
          </Field>
        </div>
        {supplier && (
          <label className="checkbox">
            <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
            <span>{t('stock.suppliers.active')}</span>
          </label>
        )}
        <div className="form-actions">
          <button type="button" className="button button-ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="supplier-save">
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
