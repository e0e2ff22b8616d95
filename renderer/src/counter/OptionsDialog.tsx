import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductView } from '../../../src/models/catalog';
import { Modal } from '../components/Modal';
import { formatBRL } from '../format';
import type { ModifierGroupView } from '../../../src/models/catalog';
import { optionProblems, priceLine, productGroups, toggleOption, type CatalogMaps, type ComboChoice, type OptionProblem } from './cart';

export interface LineOptions {
  quantity: number;
  modifierOptionIds: string[];
  comboChoices: ComboChoice[];
  notes: string;
}

const delta = (centavos: number) => (centavos === 0 ? '' : `${centavos > 0 ? '+' : '−'} ${formatBRL(Math.abs(centavos))}`);

/**
 * The choices a product asks for before it goes in the cart: each combo slot, each modifier group
 * within its minimum and maximum (a one-choice group works like radio buttons), a note and the quantity.
 */
export function OptionsDialog({
  maps,
  product,
  initial,
  editing,
  onConfirm,
  onClose,
}: {
  maps: CatalogMaps;
  product: ProductView;
  initial: LineOptions;
  editing: boolean;
  onConfirm: (options: LineOptions) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string[]>(initial.modifierOptionIds);
  const [combo, setCombo] = useState<ComboChoice[]>(initial.comboChoices);
  const [notes, setNotes] = useState(initial.notes);
  const [quantity, setQuantity] = useState(initial.quantity);
  const [tried, setTried] = useState(false);
  const groups = productGroups(maps, product);

  const problems = optionProblems(maps, product, chosen, combo);
  const priced = useMemo(
    () => priceLine(maps, { id: '', productId: product.id, quantity, modifierOptionIds: chosen, comboChoices: combo, notes, discount: null }),
    [maps, product.id, quantity, chosen, combo, notes],
  );
  const problemText = (problem: OptionProblem) =>
    problem.kind === 'slot'
      ? t('options.problems.slot', { name: problem.name })
      : problem.kind === 'min'
        ? t('options.problems.min', { name: problem.name, count: problem.min })
        : problem.kind === 'max'
          ? t('options.problems.max', { name: problem.name, count: problem.max })
          : t('options.problems.belowZero', {
              name: problem.name,
              price: formatBRL(problem.price),
              cuts: problem.cuts.map((cut) => `${cut.name} (${formatBRL(cut.priceDelta)})`).join(', '),
            });
  const problemLine = (problem: OptionProblem) => ('product' in problem && problem.product ? `${problem.product}: ${problemText(problem)}` : problemText(problem));
  const missing = (name: string) => tried && problems.some((p) => p.name === name && !('product' in p && p.product));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (problems.length) return;
    onConfirm({ quantity, modifierOptionIds: chosen, comboChoices: combo, notes: notes.trim() });
  };

  return (
    <Modal title={product.name} onClose={onClose} testId="options-dialog" size="large">
      <form className="options-form" onSubmit={submit} noValidate>
        <div className="options-scroll">
          {product.comboSlots.map((slot) => {
            const choice = combo.find((c) => c.slotId === slot.id);
            const picked = choice?.productId;
            const pickedProduct = picked ? maps.products.get(picked) : undefined;
            return (
              <fieldset key={slot.id} className={`options-group${missing(slot.name) ? ' options-group-missing' : ''}`} data-testid="options-slot">
                <legend>
                  <span className="options-group-name">{slot.name}</span>
                  <span className="badge badge-warning">{t('options.required')}</span>
                </legend>
                <div className="option-grid">
                  {slot.options.map((option) => {
                    const item = maps.products.get(option.productId);
                    const unavailable = !item || item.soldOut;
                    return (
                      <button
                        key={option.productId}
                        type="button"
                        className="option-button"
                        aria-pressed={picked === option.productId}
                        disabled={unavailable}
                        onClick={() =>
                          picked !== option.productId &&
                          setCombo([...combo.filter((c) => c.slotId !== slot.id), { slotId: slot.id, productId: option.productId, modifierOptionIds: [] }])
                        }
                      >
                        <span className="option-name">{item?.name ?? '?'}</span>
                        <span className="option-price">{unavailable ? t('counter.soldOutBadge') : delta(option.priceDelta)}</span>
                      </button>
                    );
                  })}
                </div>
                {choice && pickedProduct && (
                  <ModifierGroups
                    maps={maps}
                    groups={productGroups(maps, pickedProduct)}
                    chosen={choice.modifierOptionIds}
                    onChange={(ids) => setCombo(combo.map((c) => (c.slotId === slot.id ? { ...c, modifierOptionIds: ids } : c)))}
                    isMissing={(name) => tried && problems.some((p) => p.name === name && 'product' in p && p.product === pickedProduct.name)}
                    product={pickedProduct.name}
                  />
                )}
              </fieldset>
            );
          })}
          <ModifierGroups maps={maps} groups={groups} chosen={chosen} onChange={setChosen} isMissing={(name) => missing(name)} />
          <div className="options-extra">
            <div className="field">
              <label className="field-label" htmlFor="options-notes">
                {t('options.notes')}
              </label>
              <input
                id="options-notes"
                className="input"
                maxLength={140}
                value={notes}
                placeholder={t('options.notesPlaceholder')}
                onChange={(e) => setNotes(e.target.value)}
                data-testid="options-notes"
              />
            </div>
            <div className="field">
              <span className="field-label">{t('options.quantity')}</span>
              <div className="stepper">
                <button type="button" className="stepper-button" aria-label={t('counter.less')} onClick={() => setQuantity(Math.max(1, quantity - 1))}>
                  −
                </button>
                <span className="stepper-value" data-testid="options-quantity">
                  {quantity}
                </span>
                <button type="button" className="stepper-button" aria-label={t('counter.more')} onClick={() => setQuantity(Math.min(999, quantity + 1))}>
                  +
                </button>
              </div>
            </div>
          </div>
        </div>
        <div className="options-footer">
          <p className={tried && problems.length ? 'field-error' : 'muted small'} role={tried && problems.length ? 'alert' : undefined} data-testid="options-problems">
            {problems.length ? problems.map(problemLine).join(' ') : t('options.ready')}
          </p>
          <button type="submit" className="button button-primary button-large" data-testid="options-confirm" data-incomplete={problems.length > 0 ? true : undefined}>
            {editing ? t('options.update') : t('options.add')} · {formatBRL(priced.total)}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/**
 * A product's modifier groups, each within its minimum and maximum (a one-choice group works like
 * radio buttons): the product's own, or those of a product chosen inside a combo.
 */
function ModifierGroups({
  maps,
  groups,
  chosen,
  onChange,
  isMissing,
  product,
}: {
  maps: CatalogMaps;
  groups: ModifierGroupView[];
  chosen: string[];
  onChange: (ids: string[]) => void;
  isMissing: (name: string) => boolean;
  /** The chosen product of a combo these groups belong to. */
  product?: string;
}) {
  const { t } = useTranslation();
  return groups.map((group) => {
    const inGroup = chosen.filter((id) => maps.options.get(id)?.groupId === group.id).length;
    const full = group.maxChoices > 1 && inGroup >= group.maxChoices;
    const rule =
      group.minChoices === 0
        ? t('options.upTo', { count: group.maxChoices })
        : group.minChoices === group.maxChoices
          ? t('options.exactly', { count: group.minChoices })
          : t('options.between', { min: group.minChoices, max: group.maxChoices });
    return (
      <fieldset
        key={group.id}
        className={`options-group${product ? ' options-group-nested' : ''}${isMissing(group.name) ? ' options-group-missing' : ''}`}
        data-testid="options-group"
        data-product={product}
      >
        <legend>
          <span className="options-group-name">{product ? t('options.groupOf', { group: group.name, product }) : group.name}</span>
          <span className={`badge ${group.minChoices > 0 ? 'badge-warning' : 'badge-muted'}`}>{group.minChoices > 0 ? t('options.required') : t('options.optional')}</span>
          <span className="muted small">{rule}</span>
        </legend>
        <div className="option-grid">
          {group.options
            .filter((option) => option.active)
            .map((option) => {
              const selected = chosen.includes(option.id);
              return (
                <button
                  key={option.id}
                  type="button"
                  className="option-button"
                  aria-pressed={selected}
                  disabled={!selected && full}
                  onClick={() => onChange(toggleOption(maps, group, chosen, option.id))}
                >
                  <span className="option-name">{option.name}</span>
                  <span className="option-price">{delta(option.priceDelta)}</span>
                </button>
              );
            })}
        </div>
      </fieldset>
    );
  });
}
