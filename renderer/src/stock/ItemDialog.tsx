import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorsByField, type ApiError } from '../api';
import { Field } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { Checkbox, RemoveButton } from '../components/ListParts';
import { currentLocale } from '../format';
import { useFormState } from '../hooks/useFormState';
import { uuidv7 } from '../ids';
import { useSession } from '../session';
import { qty, unitLine, type StockItem } from './common';
import { BASE_UNITS, factorFromText, parseQuantity, parseUnitLine, quantityInput, type BaseUnit } from './quantity';

interface UnitDraft {
  key: string;
  name: string;
  amount: string;
}

const FIELDS = ['name', 'baseUnit', 'category', 'minimum', 'barcode', 'units'] as const;

/** Creates or edits an item: its base unit, and each purchase unit as "1 cx = 12 un" (name and how many base units). */
export function ItemDialog({ item, categories, onClose, onSaved }: { item: StockItem | null; categories: string[]; onClose: () => void; onSaved: () => void }) {
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
