import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RemoveButton } from '../components/ListParts';
import { api, type Output } from '../api';
import { FormError } from '../components/Field';
import { currentLocale, formatBRL, formatPercent } from '../format';
import { useLiveRefresh } from '../hooks/useLive';
import { useSession } from '../session';
import { fold, ItemSearch, qty, useStockItems, type StockItem } from './common';
import { LineTable } from './LineParts';
import { costAtAverage, parseQuantity, quantityInput } from './quantity';
import { Segmented } from '../components/Segmented';

type Snapshot = Output<'catalog.snapshot'>;
type Recipes = Output<'recipes.list'>;
type Target = { kind: 'product'; id: string } | { kind: 'option'; id: string };

interface DraftLine {
  itemId: string;
  /** What is typed, in the item's base unit ("150" g, "1" un). */
  text: string;
  /** Modifiers only: adds (+) or removes (−). */
  sign: 1 | -1;
}

/**
 * Fichas técnicas: what one unit of each product takes from stock, and what each modifier option
 * adds ("+ Bacon 30 g") or removes ("Sem cebola −20 g"). Every sale takes it; every void gives it back.
 */
export function RecipesScreen() {
  const { t } = useTranslation();
  const { items } = useStockItems();
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [recipes, setRecipes] = useState<Recipes | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<'product' | 'option'>('product');
  const [query, setQuery] = useState('');
  const [target, setTarget] = useState<Target | null>(null);

  const load = useCallback(async () => {
    const [catalog, list] = await Promise.all([api.call('catalog.snapshot', {}), api.call('recipes.list', {})]);
    if (!catalog.ok) return setError(catalog.error.message);
    if (!list.ok) return setError(list.error.message);
    setError(null);
    setSnapshot(catalog.result);
    setRecipes(list.result);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  useLiveRefresh(['catalog.changed'], () => void load(), 300);

  const productRecipes = useMemo(() => new Map((recipes?.products ?? []).map((r) => [r.productId, r.items])), [recipes]);
  const optionRecipes = useMemo(() => new Map((recipes?.modifiers ?? []).map((r) => [r.optionId, r.items])), [recipes]);
  const itemsById = useMemo(() => new Map((items ?? []).map((i) => [i.id, i])), [items]);
  const categories = useMemo(() => new Map((snapshot?.categories ?? []).map((c) => [c.id, c])), [snapshot]);

  const folded = fold(query);
  const products = (snapshot?.products ?? []).filter((p) => !folded || fold(`${p.name} ${p.code}`).includes(folded));
  const options = (snapshot?.modifierGroups ?? []).flatMap((group) => group.options.map((option) => ({ group, option }))).filter(({ group, option }) => !folded || fold(`${option.name} ${group.name}`).includes(folded));
  const withoutRecipe = (snapshot?.products ?? []).filter((p) => p.kind === 'simple' && !productRecipes.has(p.id)).length;

  const selectedProduct = target?.kind === 'product' ? snapshot?.products.find((p) => p.id === target.id) : undefined;
  const selectedOption = target?.kind === 'option' ? options.find((o) => o.option.id === target.id) ?? (snapshot?.modifierGroups ?? []).flatMap((group) => group.options.map((option) => ({ group, option }))).find((o) => o.option.id === target.id) : undefined;

  return (
    <div className="page-content page-content-wide stock-page" data-testid="stock-recipes">
      <div className="page-header">
        <div>
          <h1>{t('stock.recipes.title')}</h1>
          <p className="muted">{snapshot ? t('stock.recipes.summary', { count: productRecipes.size, missing: withoutRecipe }) : t('stock.recipes.subtitle')}</p>
        </div>
      </div>
      <FormError message={error} />
      <div className="recipes-layout">
        <section className="panel recipes-list" aria-label={t('stock.recipes.listLabel')}>
          <div className="segmented" role="tablist">
            {(['product', 'option'] as const).map((option) => (
              <button key={option} type="button" role="tab" aria-selected={tab === option} className="segmented-option" onClick={() => setTab(option)} data-testid={`recipes-tab-${option}`}>
                {t(option === 'product' ? 'stock.recipes.products' : 'stock.recipes.modifiers')}
              </button>
            ))}
          </div>
          <input className="input" aria-label={t('stock.recipes.search')} placeholder={t('stock.recipes.search')} value={query} onChange={(e) => setQuery(e.target.value)} data-testid="recipes-search" />
          <ul className="pick-list recipe-picks">
            {tab === 'product' &&
              products.map((product) => {
                const lines = productRecipes.get(product.id);
                const category = product.categoryId ? categories.get(product.categoryId) : undefined;
                return (
                  <li key={product.id}>
                    <button
                      type="button"
                      className={`recipe-pick${target?.id === product.id ? ' selected' : ''}`}
                      onClick={() => setTarget({ kind: 'product', id: product.id })}
                      data-testid="recipe-product"
                      data-name={product.name}
                    >
                      <span className="recipe-pick-name">
                        {category && <span className="swatch" style={{ background: category.color }} aria-hidden="true" />}
                        {product.name}
                      </span>
                      {lines ? (
                        <span className="badge badge-success">{t('stock.recipes.itemsCount', { count: lines.length })}</span>
                      ) : product.kind === 'combo' ? (
                        <span className="badge badge-muted">{t('stock.recipes.combo')}</span>
                      ) : (
                        <span className="badge badge-warning">{t('stock.recipes.none')}</span>
                      )}
                    </button>
                  </li>
                );
              })}
            {tab === 'option' &&
              options.map(({ group, option }) => {
                const lines = optionRecipes.get(option.id);
                return (
                  <li key={option.id}>
                    <button type="button" className={`recipe-pick${target?.id === option.id ? ' selected' : ''}`} onClick={() => setTarget({ kind: 'option', id: option.id })} data-testid="recipe-option" data-name={option.name}>
                      <span className="recipe-pick-name">
                        {option.name}
                        <span className="muted small"> · {group.name}</span>
                      </span>
                      {lines ? <span className="badge badge-success">{t('stock.recipes.itemsCount', { count: lines.length })}</span> : <span className="badge badge-muted">{t('stock.recipes.noEffect')}</span>}
                    </button>
                  </li>
                );
              })}
            {snapshot && tab === 'product' && products.length === 0 && <li className="muted small">{t('stock.recipes.noProducts')}</li>}
            {snapshot && tab === 'option' && options.length === 0 && <li className="muted small">{t('stock.recipes.noOptions')}</li>}
          </ul>
        </section>

        {selectedProduct && items ? (
          <RecipeEditor
            key={`p-${selectedProduct.id}`}
            kind="product"
            id={selectedProduct.id}
            title={selectedProduct.name}
            subtitle={selectedProduct.kind === 'combo' ? t('stock.recipes.comboHint') : t('stock.recipes.productHint')}
            price={selectedProduct.price}
            saved={productRecipes.get(selectedProduct.id) ?? []}
            items={items}
            itemsById={itemsById}
            onSaved={() => void load()}
          />
        ) : selectedOption && items ? (
          <RecipeEditor
            key={`o-${selectedOption.option.id}`}
            kind="option"
            id={selectedOption.option.id}
            title={`${selectedOption.option.name}`}
            subtitle={t('stock.recipes.optionHint', { group: selectedOption.group.name })}
            price={null}
            saved={optionRecipes.get(selectedOption.option.id) ?? []}
            items={items}
            itemsById={itemsById}
            onSaved={() => void load()}
          />
        ) : (
          <section className="panel panel-placeholder recipe-empty">
            <p className="muted">{t('stock.recipes.pick')}</p>
          </section>
        )}
      </div>
    </div>
  );
}

function RecipeEditor({
  kind,
  id,
  title,
  subtitle,
  price,
  saved,
  items,
  itemsById,
  onSaved,
}: {
  kind: 'product' | 'option';
  id: string;
  title: string;
  subtitle: string;
  price: number | null;
  saved: { itemId: string; quantity: number }[];
  items: StockItem[];
  itemsById: Map<string, StockItem>;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { notify } = useSession();
  // Keyed by content: a refresh that brings the same recipe keeps what is being typed.
  const savedKey = JSON.stringify(saved);
  const initial = useMemo<DraftLine[]>(
    () => (JSON.parse(savedKey) as typeof saved).map((line) => ({ itemId: line.itemId, text: quantityInput(Math.abs(line.quantity), currentLocale()), sign: line.quantity < 0 ? -1 : 1 })),
    [savedKey],
  );
  const [lines, setLines] = useState<DraftLine[]>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => setLines(initial), [initial]);

  const parsed = lines.map((line) => ({ line, item: itemsById.get(line.itemId), quantity: parseQuantity(line.text) }));
  const cost = parsed.reduce((sum, p) => sum + (p.item && p.quantity ? p.line.sign * costAtAverage(p.item.value, p.item.onHand, p.quantity) : 0), 0);
  const dirty = JSON.stringify(lines) !== JSON.stringify(initial);

  const save = async () => {
    const local: Record<string, string> = {};
    for (const p of parsed) if (p.quantity === null) local[p.line.itemId] = t('stock.errors.quantity');
    if (Object.keys(local).length) return setErrors(local);
    setBusy(true);
    const payload = parsed.map((p) => ({ itemId: p.line.itemId, quantity: p.line.sign * p.quantity! }));
    const outcome = kind === 'product' ? await api.call('recipes.save', { productId: id, items: payload }) : await api.call('recipes.saveModifier', { optionId: id, items: payload });
    setBusy(false);
    if (!outcome.ok) {
      const match = /^items\.(\d+)\./.exec(outcome.error.field ?? '');
      const line = match ? lines[Number(match[1])] : undefined;
      return setErrors(line ? { [line.itemId]: outcome.error.message } : { _form: outcome.error.message });
    }
    setErrors({});
    notify(t('stock.recipes.saved', { name: title }));
    onSaved();
  };

  return (
    <section className="panel recipe-editor" aria-labelledby="recipe-title" data-testid="recipe-editor">
      <div className="panel-head">
        <div>
          <h2 id="recipe-title" className="section-title">
            {kind === 'product' ? t('stock.recipes.recipeOf', { name: title }) : t('stock.recipes.effectOf', { name: title })}
          </h2>
          <p className="muted small">{subtitle}</p>
        </div>
        {price !== null && <span className="recipe-price">{formatBRL(price)}</span>}
      </div>
      <FormError message={errors._form} />
      <LineTable
        className="table-compact"
        columns={[
          { label: t('stock.columns.item') },
          { label: kind === 'product' ? t('stock.recipes.perUnit') : t('stock.recipes.change') },
          { label: t('stock.recipes.cost'), numeric: true },
        ]}
        empty={parsed.length > 0 ? null : kind === 'product' ? t('stock.recipes.emptyProduct') : t('stock.recipes.emptyOption')}
      >
        {parsed.map(({ line, item, quantity }) => (
          <tr key={line.itemId} data-testid="recipe-line" data-name={item?.name}>
            <th scope="row">
              {item?.name ?? t('stock.recipes.unknownItem')}
              {errors[line.itemId] && <span className="cell-sub text-danger">{errors[line.itemId]}</span>}
            </th>
            <td>
              <div className="input-with-unit">
                {kind === 'option' && (
                  <Segmented
                    className="sign-toggle"
                    label={t('stock.recipes.signLabel')}
                    options={[1, -1] as const}
                    value={line.sign}
                    onChange={(sign) => setLines(lines.map((l) => (l.itemId === line.itemId ? { ...l, sign } : l)))}
                    optionLabel={(sign) => (sign === 1 ? '+' : '−')}
                    optionTitle={(sign) => (sign === 1 ? t('stock.recipes.adds') : t('stock.recipes.removes'))}
                  />
                )}
                <input
                  className="input input-qty"
                  inputMode="decimal"
                  aria-label={t('stock.recipes.quantityOf', { name: item?.name ?? '' })}
                  aria-invalid={Boolean(errors[line.itemId])}
                  value={line.text}
                  onChange={(e) => setLines(lines.map((l) => (l.itemId === line.itemId ? { ...l, text: e.target.value } : l)))}
                  data-testid="recipe-quantity"
                />
                <span className="input-unit">{item?.baseUnit}</span>
                {item && quantity && <span className="muted small nowrap">{(kind === 'option' ? (line.sign > 0 ? '+ ' : '− ') : '') + qty(quantity, item.baseUnit)}</span>}
              </div>
            </td>
            <td className="num">{item && quantity && item.onHand > 0 ? formatBRL(line.sign * costAtAverage(item.value, item.onHand, quantity)) : <span className="muted">—</span>}</td>
            <td>
              <RemoveButton label={t('stock.remove')} onClick={() => setLines(lines.filter((l) => l.itemId !== line.itemId))} />
            </td>
          </tr>
        ))}
      </LineTable>
      <ItemSearch
        items={items}
        exclude={(item) => lines.some((l) => l.itemId === item.id)}
        onPick={(item) => setLines([...lines, { itemId: item.id, text: '', sign: 1 }])}
        label={t('stock.recipes.addItem')}
        placeholder={t('stock.receive.searchPlaceholder')}
        testId="recipe-search"
      />
      <div className="recipe-footer">
        <div>
          <span className="muted small">{t('stock.recipes.estimatedCost')}</span>
          <strong data-testid="recipe-cost">{formatBRL(cost)}</strong>
          {price !== null && price > 0 && cost > 0 && <span className="muted small"> · {t('stock.recipes.ofPrice', { percent: formatPercent(Math.round((cost * 10_000) / price)) })}</span>}
        </div>
        <div className="toolbar">
          {dirty && <span className="badge badge-warning">{t('stock.recipes.unsaved')}</span>}
          <button type="button" className="button button-ghost" disabled={!dirty || busy} onClick={() => setLines(initial)}>
            {t('stock.recipes.discard')}
          </button>
          <button type="button" className="button button-primary" disabled={busy || !dirty} onClick={() => void save()} data-testid="recipe-save">
            {busy ? t('common.saving') : t('stock.recipes.save')}
          </button>
        </div>
      </div>
    </section>
  );
}
