import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductView } from '../../../src/models/catalog';
import { api, errorsByField, type ApiError } from '../api';
import { DataTable } from '../components/DataTable';
import { Field } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { Checkbox, CreateButton, RemoveButton, RowButton } from '../components/ListParts';
import { MoneyInput } from '../components/MoneyInput';
import type { LoadedCatalog } from '../counter/useCatalog';
import { searchProducts } from '../counter/search';
import { compareNames, formatBRL, formatMoneyInput, MAX_CENTAVOS, moneyInputProblem, parseMoneyInput } from '../format';
import { useEditing } from '../hooks/useEditing';
import { useFormState } from '../hooks/useFormState';
import { uuidv7 } from '../ids';
import { useSession } from '../session';
import { isValidEan13 } from './ean13';

const SHOWN = 100;

export function ProductsTab({ catalog, onSaved }: { catalog: LoadedCatalog; onSaved: () => void }) {
  const { t } = useTranslation();
  const { notify } = useSession();
  const [query, setQuery] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const editing = useEditing<ProductView>(onSaved);
  const { products, categories } = catalog.snapshot;
  const categoryOf = (product: ProductView) => (product.categoryId ? catalog.maps.categories.get(product.categoryId) : undefined);

  const shown = useMemo(() => {
    if (query.trim() || categoryId) return searchProducts(catalog.index, query, { limit: SHOWN, categoryId: categoryId || null });
    return { results: products.slice(0, SHOWN), total: products.length };
  }, [catalog.index, products, query, categoryId]);

  const toggleSoldOut = async (product: ProductView) => {
    const outcome = await api.call('catalog.setSoldOut', { id: product.id, soldOut: !product.soldOut });
    if (!outcome.ok) return notify(outcome.error.message);
    notify(t(outcome.result.soldOut ? 'counter.markedSoldOut' : 'counter.markedAvailable', { name: product.name }));
    onSaved();
  };

  return (
    <section className="form-stack">
      <div className="filters">
        <div className="field">
          <label className="field-label" htmlFor="product-search">
            {t('catalog.products.search')}
          </label>
          <input id="product-search" className="input" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('counter.searchPlaceholder')} data-testid="product-search" />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="product-category">
            {t('catalog.products.category')}
          </label>
          <select id="product-category" className="input select" value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
            <option value="">{t('catalog.products.allCategories')}</option>
            {categories.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name}
              </option>
            ))}
          </select>
        </div>
        <div className="filters-actions">
          <CreateButton label={t('catalog.products.create')} onClick={editing.create} testId="product-create" />
        </div>
      </div>
      <DataTable
        testId="products-table"
        rows={shown.results}
        rowKey={(product) => product.id}
        rowProps={(product) => ({ className: product.active ? undefined : 'row-inactive', 'data-testid': 'product-row', 'data-name': product.name })}
        empty={products.length ? t('counter.noResults') : t('catalog.products.empty')}
        columns={[
          {
            key: 'name',
            header: t('catalog.products.name'),
            rowHeader: true,
            sortValue: (product) => product.name,
            cell: (product) => (
              <>
                {product.name}
                <span className="cell-sub">
                  <span className="code">{product.code}</span>
                  {product.barcode && <> · {product.barcode}</>}
                  {product.kind === 'combo' && <> · {t('catalog.products.combo')}</>}
                  {product.modifierGroupIds.length > 0 && <> · {t('catalog.products.groupsCount', { count: product.modifierGroupIds.length })}</>}
                </span>
              </>
            ),
          },
          {
            key: 'category',
            header: t('catalog.products.category'),
            sortValue: (product) => categoryOf(product)?.name,
            cell: (product) => {
              const category = categoryOf(product);
              return category ? (
                <>
                  <span className="swatch" style={{ background: category.color }} aria-hidden="true" /> {category.name}
                </>
              ) : (
                '—'
              );
            },
          },
          {
            key: 'station',
            header: t('catalog.products.station'),
            sortValue: (product) => product.station,
            cell: (product) => product.station ?? <span className="muted">{t('catalog.products.noStation')}</span>,
          },
          { key: 'price', header: t('catalog.products.price'), num: true, sortValue: (product) => product.price, cell: (product) => formatBRL(product.price) },
          {
            key: 'status',
            header: t('catalog.status'),
            cell: (product) =>
              !product.active ? (
                <span className="badge badge-muted">{t('catalog.inactive')}</span>
              ) : product.soldOut ? (
                <span className="badge badge-danger">{t('counter.soldOutBadge')}</span>
              ) : (
                <span className="badge badge-success">{t('catalog.active')}</span>
              ),
          },
          {
            key: 'actions',
            header: t('users.columns.actions'),
            actions: true,
            cell: (product) => (
              <div className="row-actions">
                <RowButton onClick={() => void toggleSoldOut(product)}>{product.soldOut ? t('counter.markAvailable') : t('counter.markSoldOut')}</RowButton>
                <RowButton onClick={() => editing.edit(product)} data-testid="product-edit">
                  {t('users.actions.edit')}
                </RowButton>
              </div>
            ),
          },
        ]}
      />
      {shown.total > shown.results.length && <p className="muted small">{t('catalog.products.more', { shown: shown.results.length, total: shown.total })}</p>}
      {editing.open && <ProductDialog catalog={catalog} product={editing.row} onClose={editing.close} onSaved={editing.saved} />}
    </section>
  );
}

interface SlotDraft {
  id: string;
  name: string;
  options: { productId: string; delta: string }[];
}

/** Finds a product by typing (the catalog can be big: never a select with every product). */
function ProductPicker({ catalog, exclude, onPick, label }: { catalog: LoadedCatalog; exclude: (p: ProductView) => boolean; onPick: (p: ProductView) => void; label: string }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const matches = query.trim() ? searchProducts(catalog.index, query, { limit: 12 }).results.filter((p) => !exclude(p)).slice(0, 6) : [];
  return (
    <div className="product-picker">
      <input className="input" aria-label={label} placeholder={t('catalog.products.pickProduct')} value={query} onChange={(e) => setQuery(e.target.value)} />
      {matches.length > 0 && (
        <ul className="picker-list">
          {matches.map((product) => (
            <li key={product.id}>
              <button
                type="button"
                onClick={() => {
                  onPick(product);
                  setQuery('');
                }}
              >
                {product.name} <span className="muted small">{formatBRL(product.price)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const FIELDS = ['name', 'code', 'barcode', 'price', 'categoryId', 'station', 'modifierGroupIds', 'comboSlots'] as const;

function ProductDialog({ catalog, product, onClose, onSaved }: { catalog: LoadedCatalog; product: ProductView | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { notify } = useSession();
  const [id] = useState(() => product?.id ?? uuidv7());
  const [name, setName] = useState(product?.name ?? '');
  const [code, setCode] = useState(product?.code ?? '');
  const [barcode, setBarcode] = useState(product?.barcode ?? '');
  const [price, setPrice] = useState(product ? formatMoneyInput(product.price) : '');
  const [categoryId, setCategoryId] = useState(product?.categoryId ?? '');
  const [station, setStation] = useState(product?.station ?? '');
  const [active, setActive] = useState(product?.active ?? true);
  const [soldOut, setSoldOut] = useState(product?.soldOut ?? false);
  const [groupIds, setGroupIds] = useState<string[]>(product?.modifierGroupIds ?? []);
  const [slots, setSlots] = useState<SlotDraft[]>(
    product?.comboSlots.map((slot) => ({ id: slot.id, name: slot.name, options: slot.options.map((o) => ({ productId: o.productId, delta: o.priceDelta ? formatMoneyInput(o.priceDelta) : '' })) })) ?? [],
  );
  const form = useFormState();
  const { errors } = form;
  const stations = useMemo(() => [...new Set(catalog.snapshot.products.map((p) => p.station).filter((s): s is string => Boolean(s)))].sort(compareNames), [catalog.snapshot.products]);

  const patchSlot = (slotId: string, change: (slot: SlotDraft) => SlotDraft) => setSlots((list) => list.map((s) => (s.id === slotId ? change(s) : s)));

  const submit = async () => {
    const local: Record<string, string> = {};
    const cleanCode = code.trim().toUpperCase();
    const cents = parseMoneyInput(price);
    const priceProblem = moneyInputProblem(price);
    if (!name.trim()) local.name = t('catalog.errors.name');
    if (!/^[A-Z0-9-]{1,12}$/.test(cleanCode)) local.code = t('catalog.errors.code');
    if (barcode.trim() && !isValidEan13(barcode.trim())) local.barcode = t('catalog.errors.barcode');
    if (priceProblem) local.price = t(`catalog.errors.price.${priceProblem}`, { max: formatBRL(MAX_CENTAVOS) });
    const comboSlots = slots.map((slot) => ({
      id: slot.id,
      name: slot.name.trim(),
      options: slot.options.map((o) => ({ productId: o.productId, priceDelta: o.delta.trim() ? parseMoneyInput(o.delta, { allowNegative: true, max: 100_000 }) : 0 })),
    }));
    if (comboSlots.some((s) => !s.name || !s.options.length)) local.comboSlots = t('catalog.errors.slot');
    else if (comboSlots.some((s) => s.options.some((o) => o.priceDelta === null))) local.comboSlots = t('catalog.errors.delta');
    if (Object.keys(local).length) return form.setErrors(local);
    const input = {
      id,
      name: name.trim(),
      code: cleanCode,
      barcode: barcode.trim() || null,
      price: cents!,
      categoryId: categoryId || null,
      station: station.trim() || null,
      active,
      soldOut,
      modifierGroupIds: groupIds,
      comboSlots: comboSlots.map((s) => ({ ...s, options: s.options.map((o) => ({ productId: o.productId, priceDelta: o.priceDelta! })) })),
    };
    const onProblem = (error: ApiError) => {
      const byField = errorsByField(error, FIELDS);
      // "comboSlots.0.options" and such land on the combo section.
      return '_form' in byField && error.field?.startsWith('comboSlots') ? { comboSlots: error.message } : byField;
    };
    await form.send(() => api.call('catalog.saveProduct', input), onProblem, () => {
      notify(t('catalog.saved', { name: name.trim() }));
      onSaved();
    });
  };

  return (
    <FormDialog
      title={product ? t('catalog.products.edit', { name: product.name }) : t('catalog.products.create')}
      onClose={onClose}
      testId="product-form"
      size="large"
      form={form}
      onSubmit={submit}
      submitTestId="product-save"
      clearErrorsOnChange
    >
      <div className="form-grid">
        <Field label={t('catalog.products.name')} name="name" error={errors.name} className="span-2">
          {(control) => <input {...control} className="input" maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label={t('catalog.products.code')} name="code" error={errors.code} hint={t('catalog.products.codeHint')}>
          {(control) => <input {...control} className="input input-code" maxLength={12} value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} />}
        </Field>
        <Field label={t('catalog.products.barcode')} name="barcode" error={errors.barcode} hint={t('catalog.products.barcodeHint')}>
          {(control) => <input {...control} className="input" inputMode="numeric" maxLength={13} value={barcode} onChange={(e) => setBarcode(e.target.value.replace(/\D/g, ''))} />}
        </Field>
        <Field label={t('catalog.products.price')} name="price" error={errors.price}>
          {(control) => <MoneyInput control={control} value={price} onChange={setPrice} />}
        </Field>
        <Field label={t('catalog.products.category')} name="categoryId" error={errors.categoryId}>
          {(control) => (
            <select {...control} className="input select" value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
              <option value="">{t('catalog.products.noCategory')}</option>
              {catalog.snapshot.categories.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('catalog.products.station')} name="station" error={errors.station} hint={t('catalog.products.stationHint')}>
          {(control) => (
            <>
              <input {...control} className="input" maxLength={30} list="station-list" value={station} onChange={(e) => setStation(e.target.value)} />
              <datalist id="station-list">
                {stations.map((s) => (
                  <option key={s} value={s} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <div className="field checkbox-stack">
          <Checkbox checked={active} onChange={setActive}>
            {t('catalog.active')}
          </Checkbox>
          <Checkbox checked={soldOut} onChange={setSoldOut}>
            {t('counter.soldOutBadge')}
          </Checkbox>
        </div>
      </div>

      <fieldset className="form-section">
        <legend>{t('catalog.products.groups')}</legend>
        {errors.modifierGroupIds && <p className="field-error">{errors.modifierGroupIds}</p>}
        {catalog.snapshot.modifierGroups.length === 0 ? (
          <p className="muted small">{t('catalog.groups.empty')}</p>
        ) : (
          <div className="check-grid">
            {catalog.snapshot.modifierGroups.map((group) => (
              <label key={group.id} className="checkbox">
                <input type="checkbox" checked={groupIds.includes(group.id)} onChange={(e) => setGroupIds(e.target.checked ? [...groupIds, group.id] : groupIds.filter((g) => g !== group.id))} />
                <span>
                  {group.name} <span className="muted small">({t('catalog.groups.minMax', { min: group.minChoices, max: group.maxChoices })})</span>
                </span>
              </label>
            ))}
          </div>
        )}
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('catalog.products.combo')}</legend>
        <p className="muted small">{t('catalog.products.comboHint')}</p>
        {errors.comboSlots && <p className="field-error">{errors.comboSlots}</p>}
        {slots.map((slot, i) => (
          <div key={slot.id} className="slot-editor">
            <div className="slot-editor-head">
              <input className="input" aria-label={t('catalog.products.slotName', { n: i + 1 })} placeholder={t('catalog.products.slotPlaceholder')} maxLength={80} value={slot.name} onChange={(e) => patchSlot(slot.id, (s) => ({ ...s, name: e.target.value }))} />
              <button type="button" className="button button-small button-danger-outline" onClick={() => setSlots((list) => list.filter((s) => s.id !== slot.id))}>
                {t('catalog.remove')}
              </button>
            </div>
            <ul className="slot-options">
              {slot.options.map((option) => (
                <li key={option.productId}>
                  <span>{catalog.maps.products.get(option.productId)?.name ?? '?'}</span>
                  <MoneyInput value={option.delta} onChange={(delta) => patchSlot(slot.id, (s) => ({ ...s, options: s.options.map((o) => (o.productId === option.productId ? { ...o, delta } : o)) }))} aria-label={t('catalog.products.slotDelta')} />
                  <RemoveButton label={t('catalog.remove')} onClick={() => patchSlot(slot.id, (s) => ({ ...s, options: s.options.filter((o) => o.productId !== option.productId) }))} />
                </li>
              ))}
            </ul>
            <ProductPicker
              catalog={catalog}
              label={t('catalog.products.addToSlot')}
              exclude={(p) => p.id === id || p.kind === 'combo' || slot.options.some((o) => o.productId === p.id)}
              onPick={(p) => patchSlot(slot.id, (s) => ({ ...s, options: [...s.options, { productId: p.id, delta: '' }] }))}
            />
          </div>
        ))}
        <button type="button" className="button button-secondary button-small" onClick={() => setSlots((list) => [...list, { id: uuidv7(), name: '', options: [] }])}>
          + {t('catalog.products.addSlot')}
        </button>
      </fieldset>
    </FormDialog>
  );
}
