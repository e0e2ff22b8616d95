import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Outcome } from '../api';
import type { OperationName } from '../../../src/models/contract';
import { isManagerRole } from '../roles';
import { Field, FormError } from './Field';
import { Modal } from './Modal';
import { PinInput } from './PinInput';

interface Request {
  operation: OperationName;
  recordId: string;
  reason: string;
  resolve: (token: string | null) => void;
}

/**
 * A manager's approval, asked on the spot: the manager picks their name and types their own PIN;
 * the core answers a single-use token bound to this operation and this record.
 */
function OverrideDialog({ request, onDone }: { request: Request; onDone: (token: string | null) => void }) {
  const { t } = useTranslation();
  const [managers, setManagers] = useState<string[] | null>(null);
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void api.call('auth.roster', {}).then((outcome) => {
      if (cancelled || !outcome.ok) return setManagers([]);
      const names = outcome.result.filter((user) => isManagerRole(user.role)).map((user) => user.name);
      setManagers(names);
      setName((current) => current || names[0] || '');
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (name.trim().length < 2) return setError(t('override.errors.name'));
    if (pin.length < 4) return setError(t('override.errors.pin'));
    setBusy(true);
    setError(null);
    const outcome = await api.call('auth.override', { name: name.trim(), pin, operation: request.operation, recordId: request.recordId });
    setBusy(false);
    setPin('');
    if (outcome.ok) onDone(outcome.result.overrideToken);
    else setError(outcome.error.message);
  };

  return (
    <Modal title={t('override.title')} onClose={() => onDone(null)} testId="override-dialog" size="small">
      <form className="form-stack" onSubmit={(e) => void submit(e)} noValidate>
        <div className="alert alert-info">{request.reason}</div>
        <FormError message={error ?? undefined} />
        <Field label={t('override.manager')} name="manager">
          {(control) =>
            managers && managers.length > 0 ? (
              <select {...control} className="input select" value={name} onChange={(e) => setName(e.target.value)} data-testid="override-manager">
                {managers.map((manager) => (
                  <option key={manager} value={manager}>
                    {manager}
                  </option>
                ))}
              </select>
            ) : (
              <input {...control} className="input" value={name} maxLength={60} onChange={(e) => setName(e.target.value)} data-testid="override-manager" />
            )
          }
        </Field>
        <Field label={t('override.pin')} name="pin" hint={t('override.pinHint')}>
          {(control) => <PinInput control={control} value={pin} onChange={setPin} testId="override-pin" autoFocus />}
        </Field>
        <div className="form-actions">
          <button type="button" className="button button-ghost" onClick={() => onDone(null)}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="override-submit">
            {busy ? t('override.checking') : t('override.approve')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

export interface OverrideFlow {
  /** Asks a manager; resolves with the token, or null when the cashier gave up. */
  request: (operation: OperationName, recordId: string, reason: string) => Promise<string | null>;
  /** Render this where the screen's dialogs go. */
  dialog: ReactNode;
}

export function useOverride(): OverrideFlow {
  const [pending, setPending] = useState<Request | null>(null);
  const request = useCallback(
    (operation: OperationName, recordId: string, reason: string) =>
      new Promise<string | null>((resolve) => setPending({ operation, recordId, reason, resolve })),
    [],
  );
  const dialog = pending ? (
    <OverrideDialog
      key={pending.recordId + pending.operation}
      request={pending}
      onDone={(token) => {
        pending.resolve(token);
        setPending(null);
      }}
    />
  ) : null;
  return { request, dialog };
}

/**
 * Sends a call; when the core answers OVERRIDE_REQUIRED, asks a manager and sends it again with the
 * token. A token already given for this record (kept by the caller for retries) is sent at once.
 */
export async function sendWithOverride<N extends OperationName>(
  send: (overrideToken: string | undefined) => Promise<Outcome<N>>,
  flow: OverrideFlow,
  approval: { operation: OperationName; recordId: string; reason: string; token?: string | undefined; onToken?: (token: string) => void },
): Promise<Outcome<N>> {
  const first = await send(approval.token);
  const asks = first.ok ? false : first.error.code === 'OVERRIDE_REQUIRED' || (approval.token !== undefined && first.error.code === 'OVERRIDE_INVALID');
  if (!asks) return first;
  const token = await flow.request(approval.operation, approval.recordId, approval.reason);
  if (!token) return first;
  approval.onToken?.(token);
  return send(token);
}
