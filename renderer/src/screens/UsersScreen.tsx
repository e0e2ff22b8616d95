import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorsByField, type Output } from '../api';
import { Field, FormError } from '../components/Field';
import { Modal } from '../components/Modal';
import { PinInput } from '../components/PinInput';
import { Avatar } from '../components/UserTile';
import { formatTime } from '../format';
import { useFocusFirstInvalid } from '../hooks/useFocusFirstInvalid';
import { uuidv7 } from '../ids';
import { canManageRole, minPinLength, ROLE_ORDER, type Role } from '../roles';
import { useSession } from '../session';
import { TableMessage } from '../components/TableMessage';

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
  const [users, setUsers] = useState<UserView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [includeInactive, setIncludeInactive] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const load = useCallback(async () => {
    const outcome = await api.call('users.list', includeInactive ? { includeInactive: true } : {});
    if (outcome.ok) {
      setUsers(outcome.result);
      setLoadError(null);
    } else setLoadError(outcome.error.message);
  }, [includeInactive]);

  useEffect(() => {
    void load();
  }, [load]);

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

  return (
    <div className="page-content" data-testid="users-screen">
      <div className="page-header">
        <div>
          <h1>{t('users.title')}</h1>
          <p className="muted">{t('users.subtitle')}</p>
        </div>
        <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'create' })} data-testid="user-create">
          + {t('users.create')}
        </button>
      </div>

      <div className="toolbar">
        <label className="checkbox">
          <input type="checkbox" checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)} />
          <span>{t('users.showInactive')}</span>
        </label>
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

      <div className="table-wrap">
        <table className="table" data-testid="users-table">
          <caption className="visually-hidden">{t('users.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('users.columns.name')}</th>
              <th scope="col">{t('users.columns.role')}</th>
              <th scope="col">{t('users.columns.status')}</th>
              <th scope="col" className="actions-col">
                {t('users.columns.actions')}
              </th>
            </tr>
          </thead>
          <tbody>
            {users === null && !loadError && (
              <TableMessage colSpan={4}>{t('common.loading')}</TableMessage>
            )}
            {users?.map((user) => {
              const manageable = canManageRole(actor.role, user.role);
              const locked = user.lockedUntil !== null && user.lockedUntil > now;
              const self = user.id === actor.id;
              return (
                <tr key={user.id} data-testid="user-row" data-user-name={user.name} className={user.active ? undefined : 'row-inactive'}>
                  <th scope="row">
                    <span className="cell-user">
                      <Avatar name={user.name} size="small" />
                      <span>
                        {user.name}
                        {self && <span className="muted small"> ({t('users.you')})</span>}
                      </span>
                    </span>
                  </th>
                  <td>{t(`roles.${user.role}`)}</td>
                  <td data-testid="user-status">
                    {!user.active ? (
                      <span className="badge badge-muted">{t('users.status.inactive')}</span>
                    ) : locked ? (
                      <span className="badge badge-danger">{t('users.status.lockedUntil', { time: formatTime(user.lockedUntil!, timeZone) })}</span>
                    ) : (
                      <span className="badge badge-success">{t('users.status.active')}</span>
                    )}
                  </td>
                  <td className="actions-col">
                    {user.active && manageable && (
                      <div className="row-actions">
                        {locked && (
                          <button
                            type="button"
                            className="button button-small button-warning"
                            disabled={busyId === user.id}
                            onClick={() => void unlockUser(user)}
                            aria-label={t('users.actions.unlockFor', { name: user.name })}
                            data-testid="user-unlock"
                          >
                            {t('users.actions.unlock')}
                          </button>
                        )}
                        <button
                          type="button"
                          className="button button-small button-secondary"
                          onClick={() => setDialog({ kind: 'edit', user })}
                          aria-label={t('users.actions.editFor', { name: user.name })}
                          data-testid="user-edit"
                        >
                          {t('users.actions.edit')}
                        </button>
                        <button
                          type="button"
                          className="button button-small button-secondary"
                          onClick={() => setDialog({ kind: 'resetPin', user })}
                          aria-label={t('users.actions.resetPinFor', { name: user.name })}
                          data-testid="user-reset-pin"
                        >
                          {t('users.actions.resetPin')}
                        </button>
                        {!self && (
                          <button
                            type="button"
                            className="button button-small button-danger-outline"
                            onClick={() => setDialog({ kind: 'deactivate', user })}
                            aria-label={t('users.actions.deactivateFor', { name: user.name })}
                            data-testid="user-deactivate"
                          >
                            {t('users.actions.deactivate')}
                          </button>
                        )}
                      </div>
                    )}
                    {user.active && !manageable && <span className="muted small">{t('users.notManageable')}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

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

type FormErrors = Record<string, string | undefined>;

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
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const formRef = useFocusFirstInvalid<HTMLFormElement>(errors);

  const roles = ROLE_ORDER.filter((option) => canManageRole(actorRole, option) || option === user?.role);
  const needsPin = !user || minPinLength(role) > minPinLength(user.role);
  const clear = (field: string) => setErrors((current) => ({ ...current, [field]: undefined, _form: undefined }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const local: FormErrors = {};
    if (name.trim().length < 2) local.name = t('users.errors.name');
    if (needsPin && pin.length < minPinLength(role)) local.pin = t('users.errors.pinLength', { count: minPinLength(role) });
    if (Object.keys(local).length) return setErrors(local);
    setBusy(true);
    const outcome = user
      ? await api.call('users.update', {
          id,
          ...(name.trim() !== user.name ? { name: name.trim() } : {}),
          ...(role !== user.role ? { role } : {}),
          ...(needsPin && pin ? { pin } : {}),
        })
      : await api.call('users.create', { id, name: name.trim(), role, pin });
    setBusy(false);
    if (outcome.ok) return onDone(name.trim());
    setErrors(errorsByField(outcome.error, ['name', 'role', 'pin']));
  };

  return (
    <Modal title={user ? t('users.editTitle', { name: user.name }) : t('users.createTitle')} onClose={onClose} testId="user-form">
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate className="form-stack">
        <FormError message={errors._form} />
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
        <div className="form-actions">
          <button type="button" className="button button-ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="user-form-submit">
            {busy ? t('common.saving') : user ? t('common.save') : t('users.createSubmit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function ResetPinDialog({ user, onClose, onDone }: { user: UserView; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const formRef = useFocusFirstInvalid<HTMLFormElement>(errors);
  const min = minPinLength(user.role);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (pin.length < min) return setErrors({ pin: t('users.errors.pinLength', { count: min }) });
    if (pin !== confirm) return setErrors({ confirm: t('users.errors.pinMismatch') });
    setBusy(true);
    const outcome = await api.call('users.resetPin', { id: user.id, pin });
    setBusy(false);
    if (outcome.ok) return onDone();
    setErrors(errorsByField(outcome.error, ['pin']));
  };

  return (
    <Modal title={t('users.resetPinTitle', { name: user.name })} onClose={onClose} testId="reset-pin-form" size="small">
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate className="form-stack">
        <p className="muted">{t('users.resetPinText')}</p>
        <FormError message={errors._form} />
        <Field label={t('users.fields.newPin')} name="pin" error={errors.pin} hint={t('users.pinHint', { count: min })}>
          {(control) => (
            <PinInput
              autoComplete="new-password"
              control={control}
              value={pin}
              onChange={(value) => {
                setPin(value);
                setErrors({});
              }}
            />
          )}
        </Field>
        <Field label={t('users.fields.confirmPin')} name="confirm" error={errors.confirm}>
          {(control) => (
            <PinInput
              autoComplete="new-password"
              control={control}
              value={confirm}
              onChange={(value) => {
                setConfirm(value);
                setErrors({});
              }}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="button" className="button button-ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('common.saving') : t('users.resetPinSubmit')}
          </button>
        </div>
      </form>
    </Modal>
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
