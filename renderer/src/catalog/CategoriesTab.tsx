import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryView } from '../../../src/models/catalog';
import { api } from '../api';
import { DataTable } from '../components/DataTable';
import { Field } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { ActiveBadge, Checkbox, CreateButton, RowButton } from '../components/ListParts';
import type { LoadedCatalog } from '../counter/useCatalog';
import { useEditing } from '../hooks/useEditing';
import { useFormState } from '../hooks/useFormState';
import { uuidv7 } from '../ids';
import { useSession } from '../session';

const PALETTE = ['#ef4444', '#f97316', '#f59e0b', '#84cc16', '#22c55e', '#14b8a6', '#3b82f6', '#6366f1', '#a855f7', '#ec4899', '#64748b'];

export function CategoriesTab({ catalog, onSaved }: { catalog: LoadedCatalog; onSaved: () => void }) {
  const { t } = useTranslation();
  const editing = useEditing<CategoryView>(onSaved);
  // One pass over the products (there may be tens of thousands), not one per category.
  const counts = useMemo(() => {
    const map = new Map<string, number>();
    for (const p of catalog.snapshot.products) if (p.categoryId) map.set(p.categoryId, (map.get(p.categoryId) ?? 0) + 1);
    return map;
  }, [catalog.snapshot.products]);
  return (
    <section className="form-stack">
      <div className="toolbar toolbar-end">
        <CreateButton label={t('catalog.categories.create')} onClick={editing.create} testId="category-create" />
      </div>
      <DataTable
        testId="categories-table"
        rows={catalog.snapshot.categories}
        rowKey={(category) => category.id}
        rowProps={(category) => ({ className: category.active ? undefined : 'row-inactive', 'data-testid': 'category-row' })}
        empty={t('catalog.categories.empty')}
        columns={[
          {
            key: 'name',
            header: t('catalog.categories.name'),
            rowHeader: true,
            sortValue: (category) => category.name,
            cell: (category) => (
              <>
                <span className="swatch" style={{ background: category.color }} aria-hidden="true" /> {category.name}
              </>
            ),
          },
          { key: 'order', header: t('catalog.categories.order'), num: true, sortValue: (category) => category.sortOrder, cell: (category) => category.sortOrder },
          { key: 'products', header: t('catalog.categories.products'), num: true, sortValue: (category) => counts.get(category.id) ?? 0, cell: (category) => counts.get(category.id) ?? 0 },
          { key: 'status', header: t('catalog.status'), cell: (category) => <ActiveBadge active={category.active} on={t('catalog.active')} off={t('catalog.inactive')} /> },
          { key: 'actions', header: t('users.columns.actions'), actions: true, cell: (category) => <RowButton onClick={() => editing.edit(category)}>{t('users.actions.edit')}</RowButton> },
        ]}
      />
      {editing.open && (
        <CategoryDialog category={editing.row} nextOrder={(catalog.snapshot.categories.at(-1)?.sortOrder ?? 0) + 1} onClose={editing.close} onSaved={editing.saved} />
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
  const form = useFormState();
  const { errors } = form;

  const submit = async () => {
    if (!name.trim()) return form.setErrors({ name: t('catalog.errors.name') });
    await form.send(() => api.call('catalog.saveCategory', { id, name: name.trim(), color, sortOrder: Number(order) || 0, active }), ['name', 'color', 'sortOrder'], () => {
      notify(t('catalog.saved', { name: name.trim() }));
      onSaved();
    });
  };

  return (
    <FormDialog
      title={category ? t('catalog.categories.edit', { name: category.name }) : t('catalog.categories.create')}
      onClose={onClose}
      testId="category-form"
      size="small"
      form={form}
      onSubmit={submit}
      submitTestId="category-save"
      clearErrorsOnChange
    >
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
      <Checkbox checked={active} onChange={setActive}>
        {t('catalog.active')}
      </Checkbox>
    </FormDialog>
  );
}
