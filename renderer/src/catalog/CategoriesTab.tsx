import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryView } from '../../../src/models/catalog';
import { api, errorsByField } from '../api';
import { Field, FormError } from '../components/Field';
import { Modal } from '../components/Modal';
import type { LoadedCatalog } from '../counter/useCatalog';
import { uuidv7 } from '../ids';
import { useSession } from '../session';
import { TableMessage } from '../components/TableMessage';

const PALETTE = ['#ef4444', '#f97316', '#f59e0b', '#84cc16', '#22c55e', '#14b8a6', '#3b82f6', '#6366f1', '#a855f7', '#ec4899', '#64748b'];

export function CategoriesTab({ catalog, onSaved }: { catalog: LoadedCatalog; onSaved: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<CategoryView | 'new' | null>(null);
  // One pass over the products (there may be tens of thousands), not one per category.
  const counts = useMemo(() => {
    const map = new Map<string, number>();
    for (const p of catalog.snapshot.products) if (p.categoryId) map.set(p.categoryId, (map.get(p.categoryId) ?? 0) + 1);
    return map;
  }, [catalog.snapshot.products]);
  const count = (id: string) => counts.get(id) ?? 0;
  return (
    <section className="form-stack">
      <div className="toolbar toolbar-end">
        <button type="button" className="button button-primary" onClick={() => setEditing('new')} data-testid="category-create">
          + {t('catalog.categories.create')}
        </button>
      </div>
      <div className="table-wrap">
        <table className="table" data-testid="categories-table">
          <thead>
            <tr>
              <th scope="col">{t('catalog.categories.name')}</th>
              <th scope="col" className="num">
                {t('catalog.categories.order')}
              </th>
              <th scope="col" className="num">
                {t('catalog.categories.products')}
              </th>
              <th scope="col">{t('catalog.status')}</th>
              <th scope="col" className="actions-col">
                {t('users.columns.actions')}
              </th>
            </tr>
          </thead>
          <tbody>
            {catalog.snapshot.categories.length === 0 && (
              <TableMessage colSpan={5}>{t('catalog.categories.empty')}</TableMessage>
            )}
            {catalog.snapshot.categories.map((category) => (
              <tr key={category.id} className={category.active ? undefined : 'row-inactive'} data-testid="category-row">
                <th scope="row">
                  <span className="swatch" style={{ background: category.color }} aria-hidden="true" /> {category.name}
                </th>
                <td className="num">{category.sortOrder}</td>
                <td className="num">{count(category.id)}</td>
                <td>{category.active ? <span className="badge badge-success">{t('catalog.active')}</span> : <span className="badge badge-muted">{t('catalog.inactive')}</span>}</td>
                <td className="actions-col">
                  <button type="button" className="button button-small button-secondary" onClick={() => setEditing(category)}>
                    {t('users.actions.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing && (
        <CategoryDialog
          category={editing === 'new' ? null : editing}
          nextOrder={(catalog.snapshot.categories.at(-1)?.sortOrder ?? 0) + 1}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onSaved();
          }}
        />
      )}
    </section>
  );
}

function CategoryDialog({ category, nextOrder, onClose, onSaved }: { category: CategoryView | null; nextOrder: number; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { notify } = useSession();
  const [id] = useState(() => category?.id ?? uuidv7());
  const [name, setName] = useState(category?.name ?? '');
  const [color, setColor] = useState(category?.color ?? PALETTE[0]!);
  const [order, setOrder] = useState(String(category?.sortOrder ?? nextOrder));
  const [active, setActive] = useState(category?.active ?? true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!name.trim()) return setErrors({ name: t('catalog.errors.name') });
    setBusy(true);
    const outcome = await api.call('catalog.saveCategory', { id, name: name.trim(), color, sortOrder: Number(order) || 0, active });
    setBusy(false);
    if (!outcome.ok) return setErrors(errorsByField(outcome.error, ['name', 'color', 'sortOrder']));
    notify(t('catalog.saved', { name: name.trim() }));
    onSaved();
  };

  return (
    <Modal title={category ? t('catalog.categories.edit', { name: category.name }) : t('catalog.categories.create')} onClose={onClose} testId="category-form" size="small">
      <form className="form-stack" onSubmit={(e) => void submit(e)} onChange={() => Object.keys(errors).length && setErrors({})} noValidate>
        <FormError message={errors._form} />
        <Field label={t('catalog.categories.name')} name="name" error={errors.name}>
          {(control) => <input {...control} className="input" maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label={t('catalog.categories.color')} name="color" error={errors.color}>
          {(control) => (
            <div className="color-picker">
              {PALETTE.map((swatch) => (
                <button key={swatch} type="button" className="color-swatch" style={{ background: swatch }} aria-pressed={color === swatch} aria-label={swatch} onClick={() => setColor(swatch)} />
              ))}
              <input {...control} type="color" className="color-input" value={color} onChange={(e) => setColor(e.target.value)} />
            </div>
          )}
        </Field>
        <Field label={t('catalog.categories.order')} name="sortOrder" error={errors.sortOrder} hint={t('catalog.categories.orderHint')}>
          {(control) => <input {...control} className="input input-number" inputMode="numeric" value={order} onChange={(e) => setOrder(e.target.value.replace(/\D/g, ''))} />}
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
          <span>{t('catalog.active')}</span>
        </label>
        <div className="form-actions">
          <button type="button" className="button button-ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="category-save">
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
