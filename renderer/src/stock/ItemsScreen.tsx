import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../components/DataTable';
import { FormError } from '../components/Field';
import { Blank, Checkbox, CreateButton, RowButton } from '../components/ListParts';
import { compareNames, formatBRL } from '../format';
import type { Route } from '../routes';
import { useEditing } from '../hooks/useEditing';
import { fold, qty, StockBadge, unitLine, useStockItems, type StockItem } from './common';
import { ItemDialog } from './ItemDialog';
import { ItemsImportDialog } from './ItemsImportDialog';
import { averagePerUnit, priceUnit } from './quantity';
import { openMovementsOf } from './routes';

/** Insumos: every item with what is on hand (the ledger's sum), its value and average cost, and the low/negative flags. */
export function ItemsScreen({ onNavigate }: { onNavigate: (route: Route) => void }) {
  const { t } = useTranslation();
  const [showInactive, setShowInactive] = useState(false);
  const { items, error, reload } = useStockItems(showInactive);
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState('');
  const [lowOnly, setLowOnly] = useState(false);
  const editing = useEditing<StockItem>(() => void reload());
  const [importing, setImporting] = useState(false);

  const categories = useMemo(() => [...new Set((items ?? []).map((i) => i.category).filter((c): c is string => Boolean(c)))].sort(compareNames), [items]);
  const shown = useMemo(() => {
    const folded = fold(query);
    return (items ?? []).filter(
      (item) =>
        (!folded || `${fold(item.name)} ${fold(item.category ?? '')} ${item.barcode ?? ''}`.includes(folded)) &&
        (!category || item.category === category) &&
        (!lowOnly || item.low),
    );
  }, [items, query, category, lowOnly]);
  const totalValue = shown.reduce((sum, item) => sum + item.value, 0);
  const lowCount = (items ?? []).filter((item) => item.active && item.low).length;

  return (
    <div className="page-content page-content-wide stock-page" data-testid="stock-items">
      <div className="page-header">
        <div>
          <h1>{t('stock.items.title')}</h1>
          <p className="muted">{items ? t('stock.items.summary', { count: items.length, low: lowCount }) : t('stock.items.subtitle')}</p>
        </div>
        <div className="toolbar">
          <button type="button" className="button button-secondary" onClick={() => setImporting(true)} data-testid="items-import">
            {t('stock.items.import')}
          </button>
          <CreateButton label={t('stock.items.create')} onClick={editing.create} testId="item-create" />
        </div>
      </div>

      <div className="filters" role="search">
        <div className="field">
          <label className="field-label" htmlFor="items-search">
            {t('stock.items.search')}
          </label>
          <input id="items-search" className="input" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('stock.items.searchPlaceholder')} data-testid="items-search" />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="items-category">
            {t('stock.columns.category')}
          </label>
          <select id="items-category" className="input select" value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{t('stock.items.allCategories')}</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div className="field checkbox-stack filters-checks">
          <Checkbox checked={lowOnly} onChange={setLowOnly} testId="items-low-only">
            {t('stock.items.lowOnly')}
          </Checkbox>
          <Checkbox checked={showInactive} onChange={setShowInactive}>
            {t('stock.items.showInactive')}
          </Checkbox>
        </div>
      </div>

      <FormError message={error} />

      <DataTable
        testId="items-table"
        rows={items ? shown : null}
        rowKey={(item) => item.id}
        rowProps={(item) => ({ className: !item.active ? 'row-inactive' : item.low ? 'row-low' : undefined, 'data-testid': 'item-row', 'data-name': item.name })}
        loading={error ? undefined : t('common.loading')}
        empty={items?.length ? t('stock.items.noMatch') : t('stock.items.empty')}
        columns={[
          {
            key: 'item',
            header: t('stock.columns.item'),
            rowHeader: true,
            sortValue: (item) => item.name,
            cell: (item) => (
              <>
                {item.name}
                <span className="cell-sub">{[item.units.map((u) => unitLine(u, item.baseUnit)).join(' · '), item.barcode].filter(Boolean).join(' · ') || t(`stock.units.${item.baseUnit}`)}</span>
              </>
            ),
          },
          { key: 'category', header: t('stock.columns.category'), sortValue: (item) => item.category, cell: (item) => item.category ?? <Blank /> },
          {
            key: 'onHand',
            header: t('stock.columns.onHand'),
            num: true,
            className: (item) => `strong${item.low ? ' text-danger' : ''}`,
            testId: 'item-onhand',
            cell: (item) => qty(item.onHand, item.baseUnit),
          },
          { key: 'minimum', header: t('stock.columns.minimum'), num: true, testId: 'item-minimum', cell: (item) => (item.minimum ? qty(item.minimum, item.baseUnit) : <Blank />) },
          {
            key: 'average',
            header: t('stock.columns.averageCost'),
            num: true,
            testId: 'item-average',
            cell: (item) => {
              const average = averagePerUnit(item.value, item.onHand, item.baseUnit);
              return average === null ? <Blank /> : `${formatBRL(average)}/${priceUnit(item.baseUnit)}`;
            },
          },
          { key: 'value', header: t('stock.columns.value'), num: true, testId: 'item-value', sortValue: (item) => item.value, cell: (item) => formatBRL(item.value) },
          { key: 'status', header: t('stock.columns.status'), cell: (item) => <StockBadge item={item} /> },
          {
            key: 'actions',
            header: t('stock.columns.actions'),
            actions: true,
            cell: (item) => (
              <div className="row-actions">
                <RowButton
                  className="button-ghost"
                  onClick={() => {
                    openMovementsOf(item.id);
                    onNavigate('estoque/movimentos');
                  }}
                >
                  {t('stock.items.history')}
                </RowButton>
                <RowButton onClick={() => editing.edit(item)} data-testid="item-edit">
                  {t('stock.items.edit')}
                </RowButton>
              </div>
            ),
          },
        ]}
        footer={
          <tr>
            <th scope="row" colSpan={5}>
              {t('stock.items.total', { count: shown.length })}
            </th>
            <td className="num strong" data-testid="items-total-value">
              {formatBRL(totalValue)}
            </td>
            <td colSpan={2} />
          </tr>
        }
      />

      {editing.open && <ItemDialog item={editing.row} categories={categories} onClose={editing.close} onSaved={editing.saved} />}
      {importing && (
        <ItemsImportDialog
          onClose={() => setImporting(false)}
          onImported={() => {
            void reload();
          }}
        />
      )}
    </div>
  );
}
