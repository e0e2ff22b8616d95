import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorsByField, type ApiError, type Output } from '../api';
import { DataTable } from '../components/DataTable';
import { Field, FormError } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { Blank, Checkbox, CreateButton, RemoveButton, RowButton } from '../components/ListParts';
import { Modal } from '../components/Modal';
import { compareNames, currentLocale, formatBRL } from '../format';
import type { Route } from '../hooks/useHashRoute';
import { useEditing } from '../hooks/useEditing';
import { useFormState } from '../hooks/useFormState';
import { uuidv7 } from '../ids';
import { useSession } from '../session';
import { fold, qty, StockBadge, unitLine, useStockItems, type StockItem } from './common';
import { averagePerUnit, BASE_UNITS, factorFromText, parseQuantity, parseUnitLine, priceUnit, quantityInput, type BaseUnit } from './quantity';
import { openMovementsOf } from './routes';
import { ImportReport } from '../components/ImportReport';
import { readCsvFile } from '../csv-file';

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
        <ImportDialog
          onClose={() => setImporting(false)}
          onImported={() => {
            void reload();
          }}
        />
      )}
    </div>
  );
}

interface UnitDraft {
  key: string;
  name: string;
  amount: string;
}

const FIELDS = ['name', 'baseUnit', 'category', 'minimum', 'barcode', 'units'] as const;

/** Creates or edits an item: its base unit, and each purchase unit as "1 cx = 12 un" (name and how many base units). */
function ItemDialog({ item, categories, onClose, onSaved }: { item: StockItem | null; categories: string[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { notify } = useSession();
  const [id] = useState(() => item?.id ?? uuidv7());
  const [name, setName] = useState(item?.name ?? '');
  const [baseUnit, setBaseUnit] = useState<BaseUnit>(item?.baseUnit ?? 'un');
  const [category, setCategory] = useState(item?.category ?? '');
  const [minimum, setMinimum] = useState(item?.minimum ? quantityInput(item.minimum, currentLocale()) : '');
  const [barcode, setBarcode] = useState(item?.barcode ?? '');
  const [active, setActive] = useState(item?.active ?? true);
  const [units, setUnits] = useState<UnitDraft[]>(() => item?.units.map((u) => ({ key: uuidv7(), name: u.name, amount: quantityInput(u.factor, currentLocale()) })) ?? []);
  const [quickUnit, setQuickUnit] = useState('');
  const form = useFormState();
  const { errors, setErrors } = form;
  const minimumValue = minimum.trim() ? parseQuantity(minimum, { allowZero: true }) : 0;

  const addQuickUnit = () => {
    const parsed = parseUnitLine(quickUnit, baseUnit);
    if (!parsed) return setErrors({ ...errors, units: t('stock.items.errors.unitLine', { unit: baseUnit }) });
    setUnits([...units, { key: uuidv7(), name: parsed.name, amount: quantityInput(parsed.factor, currentLocale()) }]);
    setQuickUnit('');
    setErrors({ ...errors, units: '' });
  };

  const submit = async () => {
    const local: Record<string, string> = {};
    if (name.trim().length < 2) local.name = t('stock.items.errors.name');
    if (minimumValue === null) local.minimum = t('stock.errors.quantity');
    if (barcode.trim() && !/^\d{8,14}$/.test(barcode.trim())) local.barcode = t('stock.items.errors.barcode');
    const parsedUnits = units.map((u) => ({ name: u.name.trim(), factor: factorFromText(u.amount) }));
    if (parsedUnits.some((u) => !u.name || u.factor === null)) local.units = t('stock.items.errors.unit');
    else if (new Set(parsedUnits.map((u) => u.name)).size !== parsedUnits.length) local.units = t('stock.items.errors.unitRepeated');
    if (Object.keys(local).length) return setErrors(local);
    const input = {
      id,
      name: name.trim(),
      baseUnit,
      category: category.trim() || null,
      minimum: minimumValue ?? 0,
      barcode: barcode.trim() || null,
      units: parsedUnits.map((u) => ({ name: u.name, factor: u.factor! })),
      active,
    };
    const onProblem = (error: ApiError) => {
      const byField = errorsByField(error, FIELDS);
      return byField._form && error.field?.startsWith('units') ? { units: error.message } : byField;
    };
    await form.send(() => api.call('stock.saveItem', input), onProblem, () => {
      notify(t('stock.items.saved', { name: name.trim() }));
      onSaved();
    });
  };

  return (
    <FormDialog
      title={item ? t('stock.items.editTitle', { name: item.name }) : t('stock.items.create')}
      onClose={onClose}
      testId="item-form"
      size="large"
      form={form}
      onSubmit={submit}
      submitTestId="item-save"
    >
      <div className="form-grid">
        <Field label={t('stock.items.fields.name')} name="name" error={errors.name} className="span-2">
          {(control) => <input {...control} className="input" maxLength={80} value={name} onChange={(e) => setName(e.target.value)} data-testid="item-name" />}
        </Field>
        <Field label={t('stock.items.fields.baseUnit')} name="baseUnit" error={errors.baseUnit} hint={t('stock.items.hints.baseUnit')}>
          {(control) => (
            <select {...control} className="input select" value={baseUnit} onChange={(e) => setBaseUnit(e.target.value as BaseUnit)} data-testid="item-base-unit">
              {BASE_UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {t(`stock.units.${unit}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('stock.items.fields.category')} name="category" error={errors.category}>
          {(control) => (
            <>
              <input {...control} className="input" maxLength={40} list="stock-categories" value={category} onChange={(e) => setCategory(e.target.value)} data-testid="item-category" />
              <datalist id="stock-categories">
                {categories.map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field
          label={t('stock.items.fields.minimum')}
          name="minimum"
          error={errors.minimum}
          hint={minimumValue ? t('stock.items.hints.minimumIs', { quantity: qty(minimumValue, baseUnit) }) : t('stock.items.hints.minimum')}
        >
          {(control) => (
            <div className="input-with-unit">
              <input {...control} className="input input-qty" inputMode="decimal" value={minimum} onChange={(e) => setMinimum(e.target.value)} data-testid="item-minimum-input" />
              <span className="input-unit">{baseUnit}</span>
            </div>
          )}
        </Field>
        <Field label={t('stock.items.fields.barcode')} name="barcode" error={errors.barcode} hint={t('stock.items.hints.barcode')}>
          {(control) => <input {...control} className="input" inputMode="numeric" maxLength={14} value={barcode} onChange={(e) => setBarcode(e.target.value.replace(/\D/g, ''))} data-testid="item-barcode" />}
        </Field>
      </div>

      <fieldset className="form-section">
        <legend>{t('stock.items.fields.units')}</legend>
        <p className="muted small">{t('stock.items.hints.units', { unit: baseUnit })}</p>
        {errors.units && <p className="field-error">{errors.units}</p>}
        <ul className="unit-rows">
          {units.map((unit, i) => {
            const factor = factorFromText(unit.amount);
            return (
              <li key={unit.key} className="unit-row" data-testid="unit-row">
                <span className="unit-one">1</span>
                <input
                  className="input unit-name"
                  aria-label={t('stock.items.unitName', { n: i + 1 })}
                  placeholder="cx"
                  maxLength={20}
                  value={unit.name}
                  onChange={(e) => setUnits(units.map((u) => (u.key === unit.key ? { ...u, name: e.target.value } : u)))}
                  data-testid="unit-name"
                />
                <span className="unit-equals">=</span>
                <input
                  className="input input-qty"
                  inputMode="decimal"
                  aria-label={t('stock.items.unitAmount', { n: i + 1, unit: baseUnit })}
                  placeholder="12"
                  value={unit.amount}
                  onChange={(e) => setUnits(units.map((u) => (u.key === unit.key ? { ...u, amount: e.target.value } : u)))}
                  data-testid="unit-amount"
                />
                <span className="input-unit">{baseUnit}</span>
                <span className="muted small unit-factor">{factor && unit.name.trim() ? unitLine({ name: unit.name.trim(), factor }, baseUnit) : ''}</span>
                <RemoveButton label={t('stock.remove')} onClick={() => setUnits(units.filter((u) => u.key !== unit.key))} />
              </li>
            );
          })}
        </ul>
        <div className="inline-form unit-quick">
          <input
            className="input"
            aria-label={t('stock.items.quickUnit')}
            placeholder={baseUnit === 'un' ? '1 cx = 12 un' : baseUnit === 'g' ? '1 kg = 1000 g' : '1 L = 1000 ml'}
            value={quickUnit}
            onChange={(e) => setQuickUnit(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                if (quickUnit.trim()) addQuickUnit();
                else setUnits([...units, { key: uuidv7(), name: '', amount: '' }]);
              }
            }}
            data-testid="unit-quick"
          />
          <button type="button" className="button button-secondary" onClick={() => (quickUnit.trim() ? addQuickUnit() : setUnits([...units, { key: uuidv7(), name: '', amount: '' }]))} data-testid="unit-add">
            + {t('stock.items.addUnit')}
          </button>
        </div>
      </fieldset>

      {item && (
        <Checkbox checked={active} onChange={setActive}>
          {t('stock.items.activeLabel')}
        </Checkbox>
      )}
    </FormDialog>
  );
}

type ItemsImport = Output<'stock.importItems'>;

/** CSV import in two steps: a dry run lists what would be created or updated and every rejected line, then "Importar" writes it. */
function ImportDialog({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const { t } = useTranslation();
  const { notify } = useSession();
  const [csv, setCsv] = useState('');
  const [report, setReport] = useState<ItemsImport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);

  const run = async (dryRun: boolean) => {
    if (!csv.trim()) return setError(t('stock.import.empty'));
    setBusy(dryRun ? 'check' : 'import');
    setError(null);
    const outcome = await api.call('stock.importItems', { csv, dryRun });
    setBusy(null);
    if (!outcome.ok) return setError(outcome.error.message);
    setReport(outcome.result);
    if (!dryRun) {
      notify(t('stock.import.done', { created: outcome.result.created, updated: outcome.result.updated }));
      onImported();
    }
  };

  return (
    <Modal title={t('stock.import.title')} onClose={onClose} testId="items-import-dialog" size="wide">
      <div className="import-layout">
        <div className="form-stack">
          <p className="muted small">{t('stock.import.columns')}</p>
          <label className="button button-secondary file-button">
            {t('stock.import.chooseFile')}
            <input
              type="file"
              accept=".csv,text/csv"
              className="visually-hidden"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                setReport(null);
                void readCsvFile(file).then((read) => setCsv(read.text));
              }}
            />
          </label>
          <label className="field-label" htmlFor="stock-import-csv">
            {t('stock.import.paste')}
          </label>
          <textarea
            id="stock-import-csv"
            className="input textarea import-text"
            rows={9}
            spellCheck={false}
            value={csv}
            onChange={(e) => {
              setCsv(e.target.value);
              setReport(null);
            }}
            placeholder={'nome;unidade;categoria;minimo;codigo_barras\nPão de hambúrguer;un;Padaria;10;\nCarne moída;g;Carnes;1000;'}
            data-testid="import-csv"
          />
          <FormError message={error ?? undefined} />
          <div className="form-actions">
            <button type="button" className="button button-ghost" onClick={onClose}>
              {t('common.close')}
            </button>
            <button type="button" className="button button-secondary" disabled={busy !== null} onClick={() => void run(true)} data-testid="import-check">
              {busy === 'check' ? t('stock.import.checking') : t('stock.import.check')}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={busy !== null || !report?.dryRun || report.created + report.updated === 0}
              onClick={() => void run(false)}
              data-testid="import-run"
            >
              {busy === 'import' ? t('stock.import.importing') : t('stock.import.run')}
            </button>
          </div>
        </div>
        <div className="panel" aria-live="polite">
          <h3 className="section-title">{report ? (report.dryRun ? t('stock.import.previewTitle') : t('stock.import.resultTitle')) : t('stock.import.howTitle')}</h3>
          {report ? (
            <ImportReport report={report} labels={{ willCreate: t('stock.import.willCreate'), created: t('stock.import.created'), willUpdate: t('stock.import.willUpdate'), updated: t('stock.import.updated'), rejected: t('stock.import.rejected'), line: t('stock.import.line'), field: t('stock.import.field'), message: t('stock.import.message'), dryRunNote: t('stock.import.dryRunNote') }} />
          ) : (
            <p className="muted small">{t('stock.import.howText')}</p>
          )}
        </div>
      </div>
    </Modal>
  );
}
