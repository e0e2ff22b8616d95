import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { DataTable } from '../components/DataTable';
import { Field, FormError } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { ActiveBadge, Blank, Checkbox, CreateButton, RowButton } from '../components/ListParts';
import { useApiData } from '../hooks/useApiData';
import { useEditing } from '../hooks/useEditing';
import { useFormState } from '../hooks/useFormState';
import { uuidv7 } from '../ids';
import { useSession } from '../session';
import type { Supplier } from './common';

/** "11222333000181" → "11.222.333/0001-81"; anything else as it is. */
export function formatCnpj(cnpj: string | null): string {
  if (!cnpj) return '';
  const digits = cnpj.replace(/\D/g, '');
  return digits.length === 14 ? digits.replace(/^(\d{2})(\d{3})(\d{3})(\d{4})(\d{2})$/, '$1.$2.$3/$4-$5') : cnpj;
}

/** The suppliers, loaded once and again after a save. */
export function useSuppliers(includeInactive = false) {
  const { data: suppliers, error, reload } = useApiData(useCallback(() => api.call('suppliers.list', includeInactive ? { includeInactive: true } : {}), [includeInactive]));
  return { suppliers, error, reload };
}

/** Fornecedores: who sells to the shop, with CNPJ (checked by the core) and contact. */
export function SuppliersScreen() {
  const { t } = useTranslation();
  const [showInactive, setShowInactive] = useState(false);
  const { suppliers, error, reload } = useSuppliers(showInactive);
  const editing = useEditing<Supplier>(() => void reload());

  return (
    <div className="page-content page-content-wide stock-page" data-testid="stock-suppliers">
      <div className="page-header">
        <div>
          <h1>{t('stock.suppliers.title')}</h1>
          <p className="muted">{t('stock.suppliers.subtitle')}</p>
        </div>
        <div className="toolbar">
          <Checkbox checked={showInactive} onChange={setShowInactive}>
            {t('stock.suppliers.showInactive')}
          </Checkbox>
          <CreateButton label={t('stock.suppliers.create')} onClick={editing.create} testId="supplier-create" />
        </div>
      </div>
      <FormError message={error} />
      <DataTable
        testId="suppliers-table"
        rows={suppliers}
        rowKey={(supplier) => supplier.id}
        rowProps={(supplier) => ({ className: supplier.active ? undefined : 'row-inactive', 'data-testid': 'supplier-row', 'data-name': supplier.name })}
        empty={t('stock.suppliers.empty')}
        columns={[
          { key: 'name', header: t('stock.suppliers.fields.name'), rowHeader: true, sortValue: (supplier) => supplier.name, cell: (supplier) => supplier.name },
          { key: 'cnpj', header: t('stock.suppliers.fields.cnpj'), className: 'nowrap', cell: (supplier) => (supplier.cnpj ? formatCnpj(supplier.cnpj) : <Blank />) },
          { key: 'contact', header: t('stock.suppliers.fields.contact'), sortValue: (supplier) => supplier.contact, cell: (supplier) => supplier.contact ?? <Blank /> },
          { key: 'phone', header: t('stock.suppliers.fields.phone'), className: 'nowrap', cell: (supplier) => supplier.phone ?? <Blank /> },
          { key: 'email', header: t('stock.suppliers.fields.email'), cell: (supplier) => supplier.email ?? <Blank /> },
          {
            key: 'status',
            header: t('stock.columns.status'),
            cell: (supplier) => <ActiveBadge active={supplier.active} on={t('stock.suppliers.active')} off={t('stock.suppliers.inactive')} />,
          },
          { key: 'actions', header: t('stock.columns.actions'), actions: true, cell: (supplier) => <RowButton onClick={() => editing.edit(supplier)}>{t('stock.items.edit')}</RowButton> },
        ]}
      />
      {editing.open && <SupplierDialog supplier={editing.row} onClose={editing.close} onSaved={editing.saved} />}
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
  const form = useFormState();
  const { errors } = form;

  const submit = async () => {
    if (name.trim().length < 2) return form.setErrors({ name: t('stock.suppliers.errors.name') });
    const input = { id, name: name.trim(), cnpj: cnpj.trim() || null, contact: contact.trim() || null, phone: phone.trim() || null, email: email.trim() || null, active };
    await form.send(() => api.call('suppliers.save', input), FIELDS, () => {
      notify(t('stock.suppliers.saved', { name: name.trim() }));
      onSaved(id);
    });
  };

  return (
    <FormDialog
      title={supplier ? t('stock.suppliers.editTitle', { name: supplier.name }) : t('stock.suppliers.create')}
      onClose={onClose}
      testId="supplier-form"
      form={form}
      onSubmit={submit}
      submitTestId="supplier-save"
    >
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
        <Checkbox checked={active} onChange={setActive}>
          {t('stock.suppliers.active')}
        </Checkbox>
      )}
    </FormDialog>
  );
}
