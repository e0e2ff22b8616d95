import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Output } from '../api';
import { DataTable } from '../components/DataTable';
import { Field, FormError } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { Checkbox, CreateButton, RowButton } from '../components/ListParts';
import { Modal } from '../components/Modal';
import { PinInput } from '../components/PinInput';
import { Avatar } from '../components/UserTile';
import { formatTime } from '../format';
import { useApiData } from '../hooks/useApiData';
import { useFocusFirstInvalid } from '../hooks/useFocusFirstInvalid';
import { useFormState, type FieldErrors } from '../hooks/useFormState';
import { uuidv7 } from '../ids';
import { canManageRole, minPinLength, ROLE_ORDER, type Role } from '../roles';
import { useSession } from '../session';

type UserView = Output<'users.list'>[number];

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: UserView }
  | { kind: 'resetPin'; user: UserView }
  | { kind: 'deactivate'; user: UserView };

export function UsersScreen() {
  const { t } = useTranslation();
  const { session, timeZone, notify } = useSession();
  const actor = session.user;
  const [actionError, setActionError] = useState<string | null>(null);
  const [includeInactive, setIncludeInactive] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const { data: users, error: loadError, reload: load } = useApiData(useCallback(() => api.call('users.list', includeInactive ? { includeInactive: true } : {}), [includeInactive]));

  // Another terminal or screen changed someone: show it without a refresh button.
  useEffect(() => api.subscribe('users.changed', () => void load()), [load]);

  const unlockUser = async (user: UserView) => {
    setBusyId(user.id);
    setActionError(null);
    const outcome = await api.call('users.unlock', { id: user.id });
    setBusyId(null);
    if (!outcome.ok) return setActionError(outcome.error.message);
    notify(t('users.unlocked', { name: user.name }));
    void load();
  };

  const done = (message: string) => {
    setDialog(null);
    notify(message);
    void load();
  };

  const now = Date.now();
  const isLocked = (user: UserView) => user.lockedUntil !== null && user.lockedUntil > now;

  const actionsOf = (user: UserView) => {
    const manageable = canManageRole(actor.role, user.role);
    if (!user.active) return null;
    if (!manageable) return <span className="muted small">{t('users.notManageable')}</span>;
    return (
      <div className="row-actions">
        {isLocked(user) && (
          <RowButton
            className="button-warning"
            disabled={busyId === user.id}
            onClick={() => void unlockUser(user)}
            aria-label={t('users.actions.unlockFor', { name: user.name })}
            data-testid="user-unlock"
          >
            {t('users.actions.unlock')}
          </RowButton>
        )}
        <RowButton onClick={() => setDialog({ kind: 'edit', user })} aria-label={t('users.actions.editFor', { name: user.name })} data-testid="user-edit">
          {t('users.actions.edit')}
        </RowButton>
        <RowButton onClick={() => setDialog({ kind: 'resetPin', user })} aria-label={t('users.actions.resetPinFor', { name: user.name })} data-testid="user-reset-pin">
          {t('users.actions.resetPin')}
        </RowButton>
        {user.id !== actor.id && (
          <RowButton
            className="button-danger-outline"
            onClick={() => setDialog({ kind: 'deactivate', user })}
            aria-label={t('users.actions.deactivateFor', { name: user.name })}
            data-testid="user-deactivate"
          >
            {t('users.actions.deactivate')}
          </RowButton>
        )}
      </div>
    );
  };

  return (
    <div className="page-content" data-testid="users-screen">
      <div className="page-header">
        <div>
          <h1>{t('users.title')}</h1>
          <p className="muted">{t('users.subtitle')}</p>
        </div>
        <CreateButton label={t('users.create')} onClick={() => setDialog({ kind: 'create' })} testId="user-create" />
      </div>

      <div className="toolbar">
        <Checkbox checked={includeInactive} onChange={setIncludeInactive}>
          {t('users.showInactive')}
        </Checkbox>
      </div>

      {loadError && (
        <div className="alert alert-error" role="alert">
          {loadError}
        </div>
      )}
      {actionError && (
        <div className="alert alert-error" role="alert" data-testid="users-error">
          {actionError}
        </div>
      )}

      <DataTable
        testId="users-table"
        caption={t('users.title')}
        rows={users}
        rowKey={(user) => user.id}
        rowProps={(user) => ({ 'data-testid': 'user-row', 'data-user-name': user.name, className: user.active ? undefined : 'row-inactive' })}
        loading={loadError ? undefined : t('common.loading')}
        columns={[
          {
            key: 'name',
            header: t('users.columns.name'),
            rowHeader: true,
            sortValue: (user) => user.name,
            cell: (user) => (
              <span className="cell-user">
                <Avatar name={user.name} size="small" />
                <span>
                  {user.name}
                  {user.id === actor.id && <span className="muted small"> ({t('users.you')})</span>}
                </span>
              </span>
            ),
          },
          { key: 'role', header: t('users.columns.role'), sortValue: (user) => ROLE_ORDER.indexOf(user.role), cell: (user) => t(`roles.${user.role}`) },
          {
            key: 'status',
            header: t('users.columns.status'),
            testId: 'user-status',
            cell: (user) =>
              !user.active ? (
                <span className="badge badge-muted">{t('users.status.inactive')}</span>
              ) : isLocked(user) ? (
                <span className="badge badge-danger">{t('users.status.lockedUntil', { time: formatTime(user.lockedUntil!, timeZone) })}</span>
              ) : (
                <span className="badge badge-success">{t('users.status.active')}</span>
              ),
          },
          { key: 'actions', header: t('users.columns.actions'), actions: true, cell: actionsOf },
        ]}
      />

      {dialog?.kind === 'create' && (
        <UserFormDialog actorRole={actor.role} onClose={() => setDialog(null)} onDone={(name) => done(t('users.created', { name }))} />
      )}
      {dialog?.kind === 'edit' && (
        <UserFormDialog actorRole={actor.role} user={dialog.user} onClose={() => setDialog(null)} onDone={(name) => done(t('users.updated', { name }))} />
      )}
      {dialog?.kind === 'resetPin' && (
        <ResetPinDialog user={dialog.user} onClose={() => setDialog(null)} onDone={() => done(t('users.pinReset', { name: dialog.user.name }))} />
      )}
      {dialog?.kind === 'deactivate' && (
        <DeactivateDialog user={dialog.user} onClose={() => setDialog(null)} onDone={() => done(t('users.deactivated', { name: dialog.user.name }))} />
      )}
    </div>
  );
}

/** Create (no user) or edit (name, role, and a new PIN when the new role needs a longer one). */
function UserFormDialog({
  actorRole,
  user,
  onClose,
  onDone,
}: {
  actorRole: Role;
  user?: UserView;
  onClose: () => void;
  onDone: (name: string) => void;
}) {
  const { t } = useTranslation();
  // Made once per form: sending it again (double click, timeout) never creates a second user.
  const [id] = useState(() => user?.id ?? uuidv7());
  const [name, setName] = useState(user?.name ?? '');
  const [role, setRole] = useState<Role>(user?.role ?? 'cashier');
  const [pin, setPin] = useState('');
  const form = useFormState();
  const { errors, setErrors, clearError: clear } = form;
  const formRef = useFocusFirstInvalid<HTMLFormElement>(errors);

  const roles = ROLE_ORDER.filter((option) => canManageRole(actorRole, option) || option === user?.role);
  const needsPin = !user || minPinLength(role) > minPinLength(user.role);

  const submit = async () => {
    const local: FieldErrors = {};
    if (name.trim().length < 2) local.name = t('users.errors.name');
    if (needsPin && pin.length < minPinLength(role)) local.pin = t('users.errors.pinLength', { count: minPinLength(role) });
    if (Object.keys(local).length) return setErrors(local);
    const save = () =>
      user
        ? api.call('users.update', {
            id,
            ...(name.trim() !== user.name ? { name: name.trim() } : {}),
            ...(role !== user.role ? { role } : {}),
            ...(needsPin && pin ? { pin } : {}),
          })
        : api.call('users.create', { id, name: name.trim(), role, pin });
    await form.send<unknown>(save, ['name', 'role', 'pin'], () => onDone(name.trim()));
  };

  return (
    <FormDialog
      title={user ? t('users.editTitle', { name: user.name }) : t('users.createTitle')}
      onClose={onClose}
      testId="user-form"
      form={form}
      formRef={formRef}
      onSubmit={submit}
      submitLabel={user ? t('common.save') : t('users.createSubmit')}
      submitTestId="user-form-submit"
    >
      <Field label={t('users.fields.name')} name="name" error={errors.name}>
        {(control) => (
          <input
            {...control}
            className="input"
            autoComplete="off"
            autoFocus
            maxLength={60}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              clear('name');
            }}
          />
        )}
      </Field>
      <Field label={t('users.fields.role')} name="role" error={errors.role}>
        {(control) => (
          <select
            {...control}
            className="input select"
            value={role}
            onChange={(e) => {
              setRole(e.target.value as Role);
              clear('role');
              clear('pin');
            }}
          >
            {roles.map((option) => (
              <option key={option} value={option}>
                {t(`roles.${option}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {needsPin && (
        <Field
          label={user ? t('users.fields.newPin') : t('users.fields.pin')}
          name="pin"
          error={errors.pin}
          hint={user ? t('users.promotionPinHint', { count: minPinLength(role) }) : t('users.pinHint', { count: minPinLength(role) })}
        >
          {(control) => (
            <PinInput
              autoComplete="new-password"
              control={control}
              value={pin}
              onChange={(value) => {
                setPin(value);
                clear('pin');
              }}
            />
          )}
        </Field>
      )}
    </FormDialog>
  );
}

function ResetPinDialog({ user, onClose, onDone }: { user: UserView; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [confirm, setConfirm] = useState('');
  const form = useFormState();
  const { errors, setErrors } = form;
  const formRef = useFocusFirstInvalid<HTMLFormElement>(errors);
  const min = minPinLength(user.role);

  const submit = async () => {
    if (pin.length < min) return setErrors({ pin: t('users.errors.pinLength', { count: min }) });
    if (pin !== confirm) return setErrors({ confirm: t('users.errors.pinMismatch') });
    await form.send(() => api.call('users.resetPin', { id: user.id, pin }), ['pin'], onDone);
  };

  return (
    <FormDialog
      title={t('users.resetPinTitle', { name: user.name })}
      onClose={onClose}
      testId="reset-pin-form"
      size="small"
      form={form}
      formRef={formRef}
      onSubmit={submit}
      submitLabel={t('users.resetPinSubmit')}
      intro={<p className="muted">{t('users.resetPinText')}</p>}
      clearErrorsOnChange
    >
      <Field label={t('users.fields.newPin')} name="pin" error={errors.pin} hint={t('users.pinHint', { count: min })}>
        {(control) => <PinInput autoComplete="new-password" control={control} value={pin} onChange={setPin} />}
      </Field>
      <Field label={t('users.fields.confirmPin')} name="confirm" error={errors.confirm}>
        {(control) => <PinInput autoComplete="new-password" control={control} value={confirm} onChange={setConfirm} />}
      </Field>
    </FormDialog>
  );
}

function DeactivateDialog({ user, onClose, onDone }: { user: UserView; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    const outcome = await api.call('users.deactivate', { id: user.id });
    setBusy(false);
    if (outcome.ok) onDone();
    else setError(outcome.error.message);
  };
  return (
    <Modal title={t('users.deactivateTitle', { name: user.name })} onClose={onClose} testId="deactivate-dialog" size="small">
      <div className="form-stack">
        <p>{t('users.deactivateText', { name: user.name })}</p>
        <FormError message={error ?? undefined} />
        <div className="form-actions">
          <button type="button" className="button button-ghost" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button-danger" disabled={busy} onClick={() => void confirm()} data-testid="deactivate-confirm">
            {t('users.actions.deactivate')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
