import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModifierGroupView } from '../../../src/models/catalog';
import { api } from '../api';
import { DataTable } from '../components/DataTable';
import { Field } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { Checkbox, CreateButton, RemoveButton, RowButton } from '../components/ListParts';
import { MoneyInput } from '../components/MoneyInput';
import type { LoadedCatalog } from '../counter/useCatalog';
import { formatBRL, formatMoneyInput, parseMoneyInput } from '../format';
import { useEditing } from '../hooks/useEditing';
import { useFormState } from '../hooks/useFormState';
import { uuidv7 } from '../ids';
import { useSession } from '../session';

export function GroupsTab({ catalog, onSaved }: { catalog: LoadedCatalog; onSaved: () => void }) {
  const { t } = useTranslation();
  const editing = useEditing<ModifierGroupView>(onSaved);
  const counts = useMemo(() => {
    const map = new Map<string, number>();
    for (const p of catalog.snapshot.products) for (const id of p.modifierGroupIds) map.set(id, (map.get(id) ?? 0) + 1);
    return map;
  }, [catalog.snapshot.products]);
  return (
    <section className="form-stack">
      <div className="toolbar toolbar-end">
        <CreateButton label={t('catalog.groups.create')} onClick={editing.create} testId="group-create" />
      </div>
      <DataTable
        testId="groups-table"
        rows={catalog.snapshot.modifierGroups}
        rowKey={(group) => group.id}
        rowProps={(group) => ({ className: group.active ? undefined : 'row-inactive', 'data-testid': 'group-row' })}
        empty={t('catalog.groups.empty')}
        columns={[
          { key: 'name', header: t('catalog.groups.name'), rowHeader: true, sortValue: (group) => group.name, cell: (group) => group.name },
          {
            key: 'rule',
            header: t('catalog.groups.rule'),
            cell: (group) => (
              <>
                {group.minChoices > 0 ? <span className="badge badge-warning">{t('options.required')}</span> : <span className="badge badge-muted">{t('options.optional')}</span>}{' '}
                <span className="muted small">{t('catalog.groups.minMax', { min: group.minChoices, max: group.maxChoices })}</span>
              </>
            ),
          },
          {
            key: 'options',
            header: t('catalog.groups.options'),
            className: 'small',
            cell: (group) => group.options.map((o) => (o.priceDelta ? `${o.name} (${formatBRL(o.priceDelta)})` : o.name)).join(', '),
          },
          { key: 'usedBy', header: t('catalog.groups.usedBy'), num: true, sortValue: (group) => counts.get(group.id) ?? 0, cell: (group) => counts.get(group.id) ?? 0 },
          { key: 'actions', header: t('users.columns.actions'), actions: true, cell: (group) => <RowButton onClick={() => editing.edit(group)}>{t('users.actions.edit')}</RowButton> },
        ]}
      />
      {editing.open && <GroupDialog group={editing.row} onClose={editing.close} onSaved={editing.saved} />}
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
  const form = useFormState();
  const { errors } = form;

  const patch = (optionId: string, change: Partial<OptionDraft>) => setOptions((list) => list.map((o) => (o.id === optionId ? { ...o, ...change } : o)));

  const submit = async () => {
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
    if (Object.keys(local).length) return form.setErrors(local);
    const sentOptions = parsed.map((o) => ({ id: o.id, name: o.name.trim(), priceDelta: o.value!, active: o.active }));
    await form.send(() => api.call('catalog.saveModifierGroup', { id, name: name.trim(), minChoices, maxChoices, active, options: sentOptions }), ['name', 'minChoices', 'maxChoices', 'options'], () => {
      notify(t('catalog.saved', { name: name.trim() }));
      onSaved();
    });
  };

  return (
    <FormDialog
      title={group ? t('catalog.groups.edit', { name: group.name }) : t('catalog.groups.create')}
      onClose={onClose}
      testId="group-form"
      size="large"
      form={form}
      onSubmit={submit}
      submitTestId="group-save"
      clearErrorsOnChange
    >
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
              <RemoveButton label={t('catalog.remove')} onClick={() => setOptions((list) => list.filter((o) => o.id !== option.id))} />
            </div>
          ))}
        </div>
        <button type="button" className="button button-secondary button-small" onClick={() => setOptions((list) => [...list, { id: uuidv7(), name: '', delta: '', active: true }])}>
          + {t('catalog.groups.addOption')}
        </button>
        <p className="field-hint">{t('catalog.groups.deltaHint')}</p>
      </fieldset>
      <Checkbox checked={active} onChange={setActive}>
        {t('catalog.active')}
      </Checkbox>
    </FormDialog>
  );
}
