import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveEventName } from '../../../src/models/contract';
import { api, type Output } from '../api';
import type { FieldControlProps } from '../components/Field';
import { currentLocale, formatBRL } from '../format';
import { useApiData } from '../hooks/useApiData';
import { useLiveRefresh } from '../hooks/useLive';
import { describeUnit, formatDecimal, formatQuantity, formatSignedQuantity, ONE, type BaseUnit } from './quantity';
import './stock.css';

export type StockItem = Output<'stock.items'>[number];
export type Movement = Output<'stock.movements'>[number];
export type Supplier = Output<'suppliers.list'>[number];

/** What changes the stock: its own operations, and every sale or void (which takes or returns ingredients). */
export const STOCK_EVENTS: readonly LiveEventName[] = ['stock.changed', 'stock.low', 'orders.changed'];

/** Folds case and accents: "Pão" → "pao". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase('pt-BR').replace(/\s+/g, ' ').trim();
}

/** A quantity in its unit, in the UI's language: "1,5 kg", "12 un". */
export const qty = (thousandths: number, unit: BaseUnit) => formatQuantity(thousandths, unit, currentLocale());
export const signedQty = (thousandths: number, unit: BaseUnit) => formatSignedQuantity(thousandths, unit, currentLocale());
export const decimal = (thousandths: number) => formatDecimal(thousandths, currentLocale());
export const unitLine = (unit: { name: string; factor: number }, baseUnit: BaseUnit) => describeUnit(unit, baseUnit, currentLocale());
/** Signed money, with "+" in front of what comes in. */
export const signedBRL = (centavos: number) => `${centavos > 0 ? '+' : ''}${formatBRL(centavos)}`;

/** The items with their stock, loaded again whenever the ledger moves (here or on another terminal). */
export function useStockItems(includeInactive = false) {
  const { data: items, error, reload } = useApiData(useCallback(() => api.call('stock.items', includeInactive ? { includeInactive: true } : {}), [includeInactive]));
  useLiveRefresh(STOCK_EVENTS, () => void reload(), 200);
  return { items, error, reload };
}

/** Today in the shop's zone as YYYY-MM-DD (for file names and date fields). */
export function todayIn(timeZone: string, plusDays = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(Date.now() + plusDays * 86_400_000);
}

/** "2026-11-29" → "29/11/2026" (pt-BR) or "11/29/2026" (en). */
export function formatIsoDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  return currentLocale() === 'en-US' ? `${match[2]}/${match[3]}/${match[1]}` : `${match[3]}/${match[2]}/${match[1]}`;
}

/** Days from today (in the shop's zone) to an ISO date: 0 today, negative when past. */
export function daysUntil(iso: string, timeZone: string): number {
  const today = Date.parse(`${todayIn(timeZone)}T00:00:00Z`);
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - today) / 86_400_000);
}

/** Matches of a typed text among the items: a whole barcode first, then names that start with it, then the rest. */
export function searchItems(items: readonly StockItem[], query: string, limit = 8): StockItem[] {
  const text = query.trim();
  if (!text) return [];
  if (/^\d{8,14}$/.test(text)) {
    const exact = items.filter((item) => item.barcode === text);
    if (exact.length) return exact;
  }
  const folded = fold(text);
  const starts: StockItem[] = [];
  const contains: StockItem[] = [];
  for (const item of items) {
    const name = fold(item.name);
    if (name.startsWith(folded)) starts.push(item);
    else if (`${name} ${fold(item.category ?? '')} ${item.barcode ?? ''}`.includes(folded)) contains.push(item);
  }
  return [...starts, ...contains].slice(0, limit);
}

export interface ItemSearchProps {
  items: readonly StockItem[];
  onPick: (item: StockItem) => void;
  label: string;
  placeholder?: string;
  hint?: string;
  testId?: string;
  autoFocus?: boolean;
  /** Leaves out items already chosen. */
  exclude?: (item: StockItem) => boolean;
  inputRef?: React.RefObject<HTMLInputElement | null>;
  large?: boolean;
  /** The label for screen readers only (the placeholder says it on screen). */
  hideLabel?: boolean;
}

/**
 * Finds an item by typing its name or reading its barcode: a reader types the digits and Enter, and
 * Enter takes the highlighted match (the first one unless the arrows moved it).
 */
export function ItemSearch({ items, onPick, label, placeholder, hint, testId = 'item-search', autoFocus, exclude, inputRef, large, hideLabel }: ItemSearchProps) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [notFound, setNotFound] = useState<string | null>(null);
  const ownRef = useRef<HTMLInputElement>(null);
  const ref = inputRef ?? ownRef;
  const matches = useMemo(() => searchItems(exclude ? items.filter((item) => !exclude(item)) : items, query), [items, query, exclude]);

  const pick = (item: StockItem) => {
    onPick(item);
    setQuery('');
    setActive(0);
    setNotFound(null);
  };

  return (
    <div className={`field item-search${large ? ' item-search-large' : ''}`}>
      <label className={hideLabel ? 'visually-hidden' : 'field-label'} htmlFor={id}>
        {label}
      </label>
      <div className="product-picker">
        <input
          id={id}
          ref={ref}
          className="input"
          autoComplete="off"
          role="combobox"
          aria-expanded={matches.length > 0}
          aria-controls={`${id}-list`}
          aria-activedescendant={matches.length ? `${id}-opt-${Math.min(active, matches.length - 1)}` : undefined}
          aria-describedby={hint || notFound ? `${id}-hint` : undefined}
          placeholder={placeholder}
          autoFocus={autoFocus}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setNotFound(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && matches.length) {
              e.preventDefault();
              setActive((i) => (i + 1) % matches.length);
            } else if (e.key === 'ArrowUp' && matches.length) {
              e.preventDefault();
              setActive((i) => (i - 1 + matches.length) % matches.length);
            } else if (e.key === 'Escape' && query) {
              e.preventDefault();
              setQuery('');
            } else if (e.key === 'Enter') {
              e.preventDefault();
              const chosen = matches[Math.min(active, matches.length - 1)];
              if (chosen) pick(chosen);
              else if (query.trim()) setNotFound(query.trim());
            }
          }}
          data-testid={testId}
        />
        {matches.length > 0 && (
          <ul className="picker-list" id={`${id}-list`} role="listbox" aria-label={label}>
            {matches.map((item, i) => (
              <li key={item.id} id={`${id}-opt-${i}`} role="option" aria-selected={i === active}>
                <button
                  type="button"
                  tabIndex={-1}
                  className={i === active ? 'active' : undefined}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => pick(item)}
                  data-testid={`${testId}-result`}
                >
                  <span className="item-search-name">{item.name}</span>
                  <span className="muted small">
                    {[item.category, qty(item.onHand, item.baseUnit), item.barcode].filter(Boolean).join(' · ')}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {notFound ? (
        <p className="field-error" id={`${id}-hint`} role="alert">
          {t('stock.search.notFound', { query: notFound })}
        </p>
      ) : (
        hint && (
          <p className="field-hint" id={`${id}-hint`}>
            {hint}
          </p>
        )
      )}
    </div>
  );
}

/** The units an item is counted or bought in: its base unit, then each purchase unit. */
export function UnitSelect({
  item,
  value,
  onChange,
  control,
  testId,
  label,
  compact,
}: {
  item: Pick<StockItem, 'baseUnit' | 'units'>;
  value: string;
  onChange: (unit: string) => void;
  control?: Partial<FieldControlProps>;
  testId?: string;
  label?: string;
  /** Only the unit's name ("cx"), where the row shows the conversion elsewhere. */
  compact?: boolean;
}) {
  return (
    <select {...control} className="input select unit-select" value={value} onChange={(e) => onChange(e.target.value)} aria-label={label} data-testid={testId}>
      <option value="">{item.baseUnit}</option>
      {item.units.map((unit) => (
        <option key={unit.name} value={unit.name} title={unitLine(unit, item.baseUnit)}>
          {compact ? unit.name : `${unit.name} (${decimal(unit.factor)} ${item.baseUnit})`}
        </option>
      ))}
    </select>
  );
}

/** Thousandths of the base unit in one of the chosen unit ('' is the base unit). */
export function unitFactor(item: Pick<StockItem, 'units'>, unit: string): number {
  if (!unit) return ONE;
  return item.units.find((u) => u.name === unit)?.factor ?? ONE;
}

/** Low / negative / ok, as a badge. */
export function StockBadge({ item }: { item: Pick<StockItem, 'low' | 'negative' | 'active' | 'onHand' | 'minimum'> }) {
  const { t } = useTranslation();
  if (!item.active) return <span className="badge badge-muted">{t('stock.items.inactive')}</span>;
  if (item.negative) return <span className="badge badge-danger" data-testid="badge-negative">{t('stock.badges.negative')}</span>;
  if (item.low) {
    return (
      <span className="badge badge-danger" data-testid="badge-low">
        {item.onHand === item.minimum ? t('stock.badges.atMinimum') : t('stock.badges.low')}
      </span>
    );
  }
  return <span className="badge badge-success">{t('stock.badges.ok')}</span>;
}

/** The kind of a ledger row, colored: what comes in is green, what goes out is neutral, losses red. */
export function KindBadge({ kind }: { kind: Movement['kind'] }) {
  const { t } = useTranslation();
  return <span className={`badge kind-badge kind-${kind}`}>{t(`stock.kinds.${kind}`)}</span>;
}
