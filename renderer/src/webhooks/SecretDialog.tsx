import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../components/Modal';
import { formatDateTime } from '../format';
import { useSession } from '../session';

export interface ShownSecret {
  secret: string;
  kind: 'created' | 'rotated';
  url: string;
  /** After a rotation: until when the old secret also signs. */
  previousValidUntil?: number;
}

/** The whsec_… secret, shown once (after creating an endpoint or "Gerar novo segredo"), with a copy button. */
export function SecretDialog({ shown, onClose }: { shown: ShownSecret; onClose: () => void }) {
  const { t } = useTranslation();
  const { timeZone } = useSession();
  const [copy, setCopy] = useState<'idle' | 'done' | 'failed'>('idle');
  const textRef = useRef<HTMLElement>(null);

  const selectText = () => {
    const node = textRef.current;
    if (!node) return;
    const range = document.createRange();
    range.selectNodeContents(node);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  };

  const copySecret = async () => {
    try {
      await navigator.clipboard.writeText(shown.secret);
      setCopy('done');
    } catch {
      selectText();
      setCopy('failed');
    }
  };

  return (
    <Modal title={shown.kind === 'created' ? t('webhooks.secret.createdTitle') : t('webhooks.secret.rotatedTitle')} onClose={onClose} size="large" testId="webhook-secret-dialog">
      <div className="form-stack">
        <div className="alert wh-warning" role="alert">
          <strong>{t('webhooks.secret.warning')}</strong>
        </div>
        <p className="muted small wh-mono wh-break">{shown.url}</p>
        <div className="field">
          <span className="field-label" id="wh-secret-label">
            {t('webhooks.secret.label')}
          </span>
          <div className="wh-secret">
            <code ref={textRef} className="wh-secret-text" aria-labelledby="wh-secret-label" data-testid="webhook-secret" onClick={selectText}>
              {shown.secret}
            </code>
            <button type="button" className="button button-secondary" onClick={() => void copySecret()} data-autofocus data-testid="webhook-secret-copy">
              {copy === 'done' ? t('webhooks.secret.copied') : t('webhooks.secret.copy')}
            </button>
          </div>
          <p className="field-hint" role="status" aria-live="polite">
            {copy === 'failed' ? t('webhooks.secret.copyFailed') : ''}
          </p>
        </div>
        {shown.previousValidUntil !== undefined && (
          <p className="alert alert-info" data-testid="webhook-secret-grace">
            {t('webhooks.secret.graceText', { time: formatDateTime(shown.previousValidUntil, timeZone) })}
          </p>
        )}
        <p className="muted small">{t('webhooks.verify.text')}</p>
        <div className="form-actions">
          <button type="button" className="button button-primary" onClick={onClose} data-testid="webhook-secret-done">
            {t('webhooks.secret.done')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
