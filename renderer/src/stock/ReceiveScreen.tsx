import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RemoveButton } from '../components/ListParts';
import { invoiceLabel } from './invoice';
import { api } from '../api';
import { Field, FormError } from '../components/Field';
import { MoneyInput } from '../components/MoneyInput';
import { formatBRL, parseMoneyInput } from '../format';
import type { Route } from '../routes';
import { uuidv7 } from '../ids';
import { useSession } from '../session';
import { LineTable, PlausibilityConfirm } from './LineParts';
import { ItemSearch, qty, UnitSelect, unitFactor, useStockItems, type StockItem } from './common';
import { maskDate, parseDateInput } from './dates';
import { lineValue, parseQuantity, toBase } from './quantity';
import { formatCnpj, SupplierDialog, useSuppliers } from './SuppliersScreen';

interface Line {
  /** The movement's id, made here before sending: a retry sends the same ids. */
  id: string;
  item: StockItem;
  unit: string;
  quantity: string;
  unitCost: string;
  lot: string;
  expiry: string;
}

type LineErrors = Partial<Record<'quantity' | 'unitCost' | 'unit' | 'lot' | 'expiry' | 'itemId', string>>;

/** The unit an item usually arrives in: its biggest purchase unit, else the base unit. */
const defaultUnit = (item: StockItem) => item.units.at(-1)?.name ?? '';

/**
 * Receber mercadoria: one supplier invoice, typed fast. A barcode reader (digits + Enter) or a name
 * and Enter adds a line; each line takes its unit (base or purchase), quantity, unit cost, and an
 * optional lot and expiry. "Registrar entrada" sends the whole invoice at once, with ids made here.
 */
export function ReceiveScreen({ onNavigate }: { onNavigate: (route: Route) => void }) {
  const { t } = useTranslation();
  const { notify } = useSession();
  const { items } = useStockItems();
  const { suppliers, reload: reloadSuppliers } = useSuppliers();
  const [receiptId, setReceiptId] = useState(uuidv7);
  const [supplierId, setSupplierId] = useState('');
  const [invoice, setInvoice] = useState('');
  const [lines, setLines] = useState<Line[]>([]);
  const [lineErrors, setLineErrors] = useState<Record<string, LineErrors>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** A line the core found far beyond its item's scale, waiting for the person's yes. */
  const [confirming, setConfirming] = useState<{ itemName: string; quantity: string; onHand: string } | null>(null);
  const [addingSupplier, setAddingSupplier] = useState(false);
  const [last, setLast] = useState<{ lines: number; total: number; invoice: string; supplier: string | null } | null>(null);
  const [focusLine, setFocusLine] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLTableSectionElement>(null);

  useEffect(() => {
    if (!focusLine) return;
    tableRef.current?.querySelector<HTMLInputElement>(`[data-line="${focusLine}"] [data-field="quantity"]`)?.focus();
    setFocusLine(null);
  }, [focusLine]);

  const addLine = (item: StockItem) => {
    const line: Line = { id: uuidv7(), item, unit: defaultUnit(item), quantity: '', unitCost: '', lot: '', expiry: '' };
    setLines((list) => [...list, line]);
    setFocusLine(line.id);
    setFormError(null);
  };
  const patch = (id: string, change: Partial<Line>) => {
    setLines((list) => list.map((line) => (line.id === id ? { ...line, ...change } : line)));
    setLineErrors((errors) => (errors[id] ? { ...errors, [id]: {} } : errors));
  };
  const remove = (id: string) => setLines((list) => list.filter((line) => line.id !== id));

  const parsed = lines.map((line) => {
    const quantity = parseQuantity(line.quantity);
    const unitCost = line.unitCost.trim() ? parseMoneyInput(line.unitCost) : null;
    const base = quantity !== null ? toBase(quantity, unitFactor(line.item, line.unit)) : null;
    return { line, quantity, unitCost, base, total: quantity !== null && unitCost !== null ? lineValue(quantity, unitCost) : null };
  });
  const total = parsed.reduce((sum, p) => sum + (p.total ?? 0), 0);
  const supplier = suppliers?.find((s) => s.id === supplierId) ?? null;

  const submit = async (event: FormEvent | null, confirmed = false) => {
    event?.preventDefault();
    if (busy) return;
    if (lines.length === 0) {
      setFormError(t('stock.receive.errors.noLines'));
      searchRef.current?.focus();
      return;
    }
    const local: Record<string, LineErrors> = {};
    for (const p of parsed) {
      const errors: LineErrors = {};
      if (p.quantity === null) errors.quantity = t('stock.errors.quantity');
      else if (p.base !== null && p.base <= 0) errors.quantity = t('stock.errors.tooSmall');
      if (p.unitCost === null) errors.unitCost = t('stock.receive.errors.unitCost');
      if (p.line.expiry.trim() && !parseDateInput(p.line.expiry)) errors.expiry = t('stock.receive.errors.expiry');
      if (Object.keys(errors).length) local[p.line.id] = errors;
    }
    if (Object.keys(local).length) {
      setLineErrors(local);
      const first = Object.keys(local)[0]!;
      tableRef.current?.querySelector<HTMLElement>(`[data-line="${first}"] [aria-invalid="true"]`)?.focus();
      return;
    }
    setBusy(true);
    setFormError(null);
    setConfirming(null);
    const outcome = await api.call('stock.receive', {
      id: receiptId,
      ...(confirmed ? { confirmed: true } : {}),
      ...(supplierId ? { supplierId } : {}),
      ...(invoice.trim() ? { invoice: invoice.trim() } : {}),
      lines: parsed.map((p) => ({
        id: p.line.id,
        itemId: p.line.item.id,
        ...(p.line.unit ? { unit: p.line.unit } : {}),
        quantity: p.quantity!,
        unitCost: p.unitCost!,
        ...(p.line.lot.trim() ? { lot: p.line.lot.trim() } : {}),
        ...(p.line.expiry.trim() ? { expiry: parseDateInput(p.line.expiry)! } : {}),
      })),
    });
    setBusy(false);
    if (!outcome.ok && outcome.error.code === 'CONFIRMATION_REQUIRED') {
      const asked = outcome.error.details as { itemName: string; quantity: number; onHand: number; baseUnit: StockItem['baseUnit'] };
      return setConfirming({ itemName: asked.itemName, quantity: qty(asked.quantity, asked.baseUnit), onHand: qty(asked.onHand, asked.baseUnit) });
    }
    if (!outcome.ok) {
      // "lines.2.unit" lands on its line; anything else on the form. The ids stay: "Registrar" again resends the same invoice.
      const match = /^lines\.(\d+)\.(\w+)$/.exec(outcome.error.field ?? '');
      const line = match ? lines[Number(match[1])] : undefined;
      if (match && line) setLineErrors({ [line.id]: { [match[2] as keyof LineErrors]: outcome.error.message } });
      else setFormError(outcome.error.message);
      return;
    }
    setLast({ lines: lines.length, total, invoice: invoice.trim(), supplier: supplier?.name ?? null });
    notify(t('stock.receive.done', { count: lines.length, total: formatBRL(total) }));
    setLines([]);
    setLineErrors({});
    setInvoice('');
    setReceiptId(uuidv7());
    searchRef.current?.focus();
  };

  return (
    <div className="page-content page-content-wide stock-page" data-testid="stock-receive">
      <form
        className="receive-form"
        onSubmit={(e) => void submit(e)}
        noValidate
        onKeyDown={(e) => {
          // Enter moves along the line (quantity → cost → next item) instead of sending a half-typed invoice.
          if (e.key !== 'Enter' || !(e.target instanceof HTMLInputElement)) return;
          e.preventDefault();
          const row = e.target.closest('tr');
          if (e.target.dataset.field === 'quantity') row?.querySelector<HTMLInputElement>('[data-testid="line-cost"]')?.focus();
          else if (row) searchRef.current?.focus();
        }}
      >
        <div className="page-header receive-header">
          <div>
            <h1>{t('stock.receive.title')}</h1>
            <p className="muted">{t('stock.receive.subtitle')}</p>
          </div>
          <div className="receive-actions">
            <div className="receive-total">
              <span>{t('stock.receive.total')}</span>
              <strong data-testid="receive-total">{formatBRL(total)}</strong>
            </div>
            <button type="submit" className="button button-primary button-large" disabled={busy} data-testid="receive-submit">
              {busy ? t('common.sending') : t('stock.receive.submit')}
            </button>
          </div>
        </div>

        {last && (
          <div className="alert alert-success receive-done" role="status" data-testid="receive-done">
            <span>
              {t('stock.receive.lastDone', { count: last.lines, total: formatBRL(last.total) })}
              {last.invoice && ` · ${invoiceLabel(last.invoice, (invoice) => t('stock.receive.invoiceNo', { invoice }))}`}
              {last.supplier && ` · ${last.supplier}`}
            </span>
            <button type="button" className="button button-small button-secondary" onClick={() => onNavigate('estoque/movimentos')}>
              {t('stock.receive.seeMovements')}
            </button>
          </div>
        )}
        <FormError message={formError ?? undefined} />

        <section className="panel panel-tight" aria-label={t('stock.receive.invoiceTitle')}>
          <div className="receive-head">
            <Field label={t('stock.receive.supplier')} name="supplierId" hint={supplier?.cnpj ? `CNPJ ${formatCnpj(supplier.cnpj)}` : undefined}>
              {(control) => (
                <div className="inline-form">
                  <select {...control} className="input select" value={supplierId} onChange={(e) => setSupplierId(e.target.value)} data-testid="receive-supplier">
                    <option value="">{t('stock.receive.noSupplier')}</option>
                    {suppliers?.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name}
                      </option>
                    ))}
                  </select>
                  <button type="button" className="button button-secondary" onClick={() => setAddingSupplier(true)} data-testid="supplier-new">
                    + {t('stock.receive.newSupplier')}
                  </button>
                </div>
              )}
            </Field>
            <Field label={t('stock.receive.invoice')} name="invoice">
              {(control) => <input {...control} className="input" maxLength={40} placeholder="000123" value={invoice} onChange={(e) => setInvoice(e.target.value)} data-testid="receive-invoice" />}
            </Field>
            <div className="receive-head-link">
              <button type="button" className="button button-ghost" onClick={() => onNavigate('estoque/fornecedores')}>
                {t('stock.receive.manageSuppliers')} →
              </button>
            </div>
          </div>
        </section>

        <section className="panel panel-tight">
          <div className="receive-search-row">
            <div className="receive-lines-title">
              <h2 className="section-title">{t('stock.receive.linesTitle')}</h2>
              <span className="muted small">{t('stock.receive.linesCount', { count: lines.length })}</span>
            </div>
            <ItemSearch
              items={items ?? []}
              onPick={addLine}
              label={t('stock.receive.search')}
              hideLabel
              placeholder={t('stock.receive.searchPlaceholder')}
              testId="receive-search"
              inputRef={searchRef}
              autoFocus
              large
            />
          </div>
          <LineTable
            className="receive-lines"
            testId="receive-lines"
            columns={[
              { label: t('stock.columns.item') },
              { label: t('stock.columns.unit') },
              { label: t('stock.columns.quantity') },
              { label: t('stock.receive.unitCost') },
              { label: t('stock.columns.lot') },
              { label: t('stock.columns.expiry') },
              { label: t('stock.receive.entersStock'), numeric: true },
              { label: t('stock.receive.lineTotal'), numeric: true },
            ]}
            empty={lines.length === 0 ? t('stock.receive.empty') : null}
            bodyRef={tableRef}
          >
            {parsed.map(({ line, base, total: lineTotal }, index) => {
              const errors = lineErrors[line.id] ?? {};
              const message = Object.values(errors).find(Boolean);
              return (
                <tr key={line.id} data-line={line.id} data-testid="receive-line" data-name={line.item.name} className={message ? 'row-error' : undefined}>
                  <th scope="row">
                    <span className="line-item">
                      <span className="line-index">{index + 1}</span>
                      <span>{line.item.name}</span>
                    </span>
                    {message && (
                      <span className="cell-sub text-danger" role="alert">
                        {message}
                      </span>
                    )}
                  </th>
                  <td>
                    <UnitSelect item={line.item} value={line.unit} onChange={(unit) => patch(line.id, { unit })} label={t('stock.columns.unit')} testId="line-unit" compact />
                  </td>
                  <td>
                    <input
                      className="input input-qty"
                      inputMode="decimal"
                      aria-label={t('stock.receive.quantityOf', { name: line.item.name })}
                      aria-invalid={Boolean(errors.quantity)}
                      value={line.quantity}
                      onChange={(e) => patch(line.id, { quantity: e.target.value })}
                      data-field="quantity"
                      data-testid="line-quantity"
                    />
                  </td>
                  <td>
                    <MoneyInput
                      value={line.unitCost}
                      onChange={(unitCost) => patch(line.id, { unitCost })}
                      aria-label={t('stock.receive.unitCostOf', { name: line.item.name, unit: line.unit || line.item.baseUnit })}
                      control={{ 'aria-invalid': Boolean(errors.unitCost) }}
                      testId="line-cost"
                      onEnter={() => searchRef.current?.focus()}
                    />
                  </td>
                  <td>
                    <input
                      className="input input-lot"
                      maxLength={40}
                      aria-label={t('stock.receive.lotOf', { name: line.item.name })}
                      value={line.lot}
                      onChange={(e) => patch(line.id, { lot: e.target.value })}
                      data-testid="line-lot"
                    />
                  </td>
                  <td>
                    <input
                      className="input input-date"
                      inputMode="numeric"
                      placeholder={t('stock.receive.datePlaceholder')}
                      aria-label={t('stock.receive.expiryOf', { name: line.item.name })}
                      aria-invalid={Boolean(errors.expiry)}
                      value={line.expiry}
                      onChange={(e) => patch(line.id, { expiry: maskDate(e.target.value) })}
                      data-testid="line-expiry"
                    />
                  </td>
                  <td className="num" data-testid="line-base">
                    {base !== null && base > 0 ? qty(base, line.item.baseUnit) : <span className="muted">—</span>}
                  </td>
                  <td className="num strong" data-testid="line-total">
                    {lineTotal !== null ? formatBRL(lineTotal) : <span className="muted">—</span>}
                  </td>
                  <td>
                    <RemoveButton label={t('stock.receive.removeLine', { name: line.item.name })} onClick={() => remove(line.id)} />
                  </td>
                </tr>
              );
            })}
          </LineTable>
          {lines.length > 0 && (
            <div className="receive-lines-foot">
              <p className="muted small">{t('stock.receive.searchHint')}</p>
              <button
                type="button"
                className="button button-small button-ghost"
                disabled={busy}
                onClick={() => {
                  setLines([]);
                  setLineErrors({});
                }}
              >
                {t('stock.receive.clear')}
              </button>
            </div>
          )}
        </section>
      </form>

      {confirming && (
        <PlausibilityConfirm
          title={t('stock.receive.confirmTitle', { quantity: confirming.quantity, name: confirming.itemName })}
          text={t('stock.receive.confirmText', { name: confirming.itemName, onHand: confirming.onHand })}
          busy={busy}
          onFix={() => setConfirming(null)}
          onConfirm={() => void submit(null, true)}
          testId="receive-confirm"
        />
      )}

      {addingSupplier && (
        <SupplierDialog
          supplier={null}
          onClose={() => setAddingSupplier(false)}
          onSaved={(id) => {
            setAddingSupplier(false);
            void reloadSuppliers().then(() => setSupplierId(id));
          }}
        />
      )}
    </div>
  );
}
