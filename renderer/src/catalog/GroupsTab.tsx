import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModifierGroupView } from '../../../src/models/catalog';
import { api, errorsByField } from '../api';
import { Field, FormError } from '../components/Field';
import { Modal } from '../components/Modal';
import { MoneyInput } from '../components/MoneyInput';
import type { LoadedCatalog } from '../counter/useCatalog';
import { formatBRL, formatMoneyInput, parseMoneyInput } from '../format';
import { uuidv7 } from '../ids';
import { useSession } from '../session';
import { TableMessage } from '../components/TableMessage';

export function GroupsTab({ catalog, onSaved }: { catalog: LoadedCatalog; onSaved: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<ModifierGroupView | 'new' | null>(null);
  const counts = useMemo(() => {
    const map = new Map<string, number>();
    for (const p of catalog.snapshot.products) for (const id of p.modifierGroupIds) map.set(id, (map.get(id) ?? 0) + 1);
    return map;
  }, [catalog.snapshot.products]);
  const usedBy = (id: string) => counts.get(id) ?? 0;
  return (
    <section className="form-stack">
      <div className="toolbar toolbar-end">
        <button type="button" className="button button-primary" onClick={() => setEditing('new')} data-testid="group-create">
          + {t('catalog.groups.create')}
        </button>
      </div>
      <div className="table-wrap">
        <table className="table" data-testid="groups-table">
          <thead>
            <tr>
              <th scope="col">{t('catalog.groups.name')}</th>
              <th scope="col">{t('catalog.groups.rule')}</th>
              <th scope="col">{t('catalog.groups.options')}</th>
              <th scope="col" className="num">
                {t('catalog.groups.usedBy')}
              </th>
              <th scope="col" className="actions-col">
                {t('users.columns.actions')}
              </th>
            </tr>
          </thead>
          <tbody>
            {catalog.snapshot.modifierGroups.length === 0 && (
              <TableMessage colSpan={5}>{t('catalog.groups.empty')}</TableMessage>
            )}
            {catalog.snapshot.modifierGroups.map((group) => (
              <tr key={group.id} className={group.active ? undefined : 'row-inactive'} data-testid="group-row">
                <th scope="row">{group.name}</th>
                <td>
                  {group.minChoices > 0 ? <span className="badge badge-warning">{t('options.required')}</span> : <span className="badge badge-muted">{t('options.optional')}</span>}{' '}
                  <span className="muted small">{t('catalog.groups.minMax', { min: group.minChoices, max: group.maxChoices })}</span>
                </td>
                <td className="small">{group.options.map((o) => (o.priceDelta ? `${o.name} (${formatBRL(o.priceDelta)})` : o.name)).join(', ')}</td>
                <td className="num">{usedBy(group.id)}</td>
                <td className="actions-col">
                  <button type="button" className="button button-small button-secondary" onClick={() => setEditing(group)}>
                    {t('users.actions.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing && (
        <GroupDialog
          group={editing === 'new' ? null : editing}
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

interface OptionDraft {
  id: string;
  name: string;
  delta: string;
  active: boolean;
}

function GroupDialog({ group, onClose, onSaved }: { group: ModifierGroupView | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { notify } = useSession();
  const [id] = useState(() => group?.id ?? uuidv7());
  const [name, setName] = useState(group?.name ?? '');
  const [min, setMin] = useState(String(group?.minChoices ?? 0));
  const [max, setMax] = useState(String(group?.maxChoices ?? 1));
  const [active, setActive] = useState(group?.active ?? true);
  const [options, setOptions] = useState<OptionDraft[]>(
    group?.options.map((o) => ({ id: o.id, name: o.name, delta: o.priceDelta ? formatMoneyInput(o.priceDelta) : '', active: o.active })) ?? [{ id: uuidv7(), name: '', delta: '', active: true }],
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const patch = (optionId: string, change: Partial<OptionDraft>) => setOptions((list) => list.map((o) => (o.id === optionId ? { ...o, ...change } : o)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const local: Record<string, string> = {};
    const minChoices = Number(min);
    const maxChoices = Number(max);
    if (!name.trim()) local.name = t('catalog.errors.name');
    if (!/^\d+$/.test(min) || minChoices > 20) local.minChoices = t('catalog.errors.range', { min: 0, max: 20 });
    if (!/^\d+$/.test(max) || maxChoices < 1 || maxChoices > 20) local.maxChoices = t('catalog.errors.range', { min: 1, max: 20 });
    else if (maxChoices < minChoices) local.maxChoices = t('catalog.errors.maxBelowMin');
    const filled = options.filter((o) => o.name.trim());
    if (!filled.length) local.options = t('catalog.errors.options');
    const parsed = filled.map((o) => ({ ...o, value: o.delta.trim() ? parseMoneyInput(o.delta, { allowNegative: true, max: 100_000 }) : 0 }));
    if (parsed.some((o) => o.value === null)) local.options = t('catalog.errors.delta');
    if (Object.keys(local).length) return setErrors(local);
    setBusy(true);
    const outcome = await api.call('catalog.saveModifierGroup', {
      id,
      name: name.trim(),
      minChoices,
      maxChoices,
      active,
      options: parsed.map((o) => ({ id: o.id, name: o.name.trim(), priceDelta: o.value!, active: o.active })),
    });
    setBusy(false);
    if (!outcome.ok) return setErrors(errorsByField(outcome.error, ['name', 'minChoices', 'maxChoices', 'options']));
    notify(t('catalog.saved', { name: name.trim() }));
    onSaved();
  };

  return (
    <Modal title={group ? t('catalog.groups.edit', { name: group.name }) : t('catalog.groups.create')} onClose={onClose} testId="group-form" size="large">
      <form className="form-stack" onSubmit={(e) => void submit(e)} onChange={() => Object.keys(errors).length && setErrors({})} noValidate>
        <FormError message={errors._form} />
        <div className="form-grid form-grid-3">
          <Field label={t('catalog.groups.name')} name="name" error={errors.name} hint={t('catalog.groups.nameHint')}>
            {(control) => <input {...control} className="input" maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field label={t('catalog.groups.min')} name="minChoices" error={errors.minChoices} hint={t('catalog.groups.minHint')}>
            {(control) => <input {...control} className="input input-number" inputMode="numeric" value={min} onChange={(e) => setMin(e.target.value.replace(/\D/g, ''))} />}
          </Field>
          <Field label={t('catalog.groups.max')} name="maxChoices" error={errors.maxChoices}>
            {(control) => <input {...control} className="input input-number" inputMode="numeric" value={max} onChange={(e) => setMax(e.target.value.replace(/\D/g, ''))} />}
          </Field>
        </div>
        <fieldset className="form-section">
          <legend>{t('catalog.groups.options')}</legend>
          {errors.options && <p className="field-error">{errors.options}</p>}
          <div className="option-editor">
            {options.map((option, i) => (
              <div key={option.id} className="option-editor-row">
                <input className="input" aria-label={t('catalog.groups.optionName', { n: i + 1 })} placeholder={t('catalog.groups.optionPlaceholder')} maxLength={80} value={option.name} onChange={(e) => patch(option.id, { name: e.target.value })} />
                <MoneyInput value={option.delta} onChange={(delta) => patch(option.id, { delta })} aria-label={t('catalog.groups.optionDelta', { n: i + 1 })} placeholder="0,00" />
                <label className="checkbox">
                  <input type="checkbox" checked={option.active} onChange={(e) => patch(option.id, { active: e.target.checked })} />
                  <span>{t('catalog.active')}</span>
                </label>
                <button type="button" className="icon-button" aria-label={t('catalog.remove')} onClick={() => setOptions((list) => list.filter((o) => o.id !== option.id))}>
                  <span aria-hidden="true">×</span>
                </button>
              </div>
            ))}
          </div>
          <button type="button" className="button button-secondary button-small" onClick={() => setOptions((list) => [...list, { id: uuidv7(), name: '', delta: '', active: true }])}>
            + {t('catalog.groups.addOption')}
          </button>
          <p className="field-hint">{t('catalog.groups.deltaHint')}</p>
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
          <span>{t('catalog.active')}</span>
        </label>
        <div className="form-actions">
          <button type="button" className="button button-ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="group-save">
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
