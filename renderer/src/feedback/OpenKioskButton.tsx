import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { Modal } from '../components/Modal';
import { useSession } from '../session';
import { kioskUrl } from './kioskSession';
import './feedback.css';

/**
 * "Abrir tela de avaliação": asks the core for a restricted kiosk session (`feedback.openKiosk`) and
 * opens the feedback screen in a new window with that token in the URL fragment. Where new windows
 * are blocked (the desktop shell denies them), it shows the address to open on the tablet, or turns
 * this window into the feedback screen.
 */
export function OpenKioskButton({ className = 'button button-secondary', withHint = false }: { className?: string; withHint?: boolean }) {
  const { t } = useTranslation();
  const { notify } = useSession();
  const [busy, setBusy] = useState(false);
  const [blockedUrl, setBlockedUrl] = useState<string | null>(null);

  const open = async () => {
    if (busy) return;
    setBusy(true);
    const outcome = await api.call('feedback.openKiosk', {});
    setBusy(false);
    if (!outcome.ok) return notify(outcome.error.message);
    const url = kioskUrl(outcome.result.token);
    const win = window.open(url, '_blank');
    if (!win) return setBlockedUrl(url);
    // The feedback screen does not need to reach back into this one.
    try {
      win.opener = null;
    } catch {
      // Some browsers refuse the assignment; the kiosk never uses its opener anyway.
    }
    notify(t('feedback.openKiosk.opened'));
  };

  return (
    <>
      <button type="button" className={className} onClick={() => void open()} disabled={busy} data-testid="open-kiosk">
        <KioskIcon /> {busy ? t('feedback.openKiosk.opening') : t('feedback.openKiosk.button')}
      </button>
      {withHint && <p className="field-hint">{t('feedback.openKiosk.hint')}</p>}
      {blockedUrl && (
        <Modal title={t('feedback.openKiosk.blockedTitle')} onClose={() => setBlockedUrl(null)} size="medium" testId="kiosk-link-dialog">
          <div className="form-stack">
            <p>{t('feedback.openKiosk.blockedText')}</p>
            <label className="field-label" htmlFor="kiosk-link">
              {t('feedback.openKiosk.link')}
            </label>
            <input id="kiosk-link" className="input fb-mono" readOnly value={blockedUrl} onFocus={(e) => e.currentTarget.select()} />
            <div className="form-actions">
              <button
                type="button"
                className="button button-secondary"
                onClick={() =>
                  void navigator.clipboard?.writeText(blockedUrl).then(
                    () => notify(t('feedback.openKiosk.copied')),
                    () => undefined,
                  )
                }
              >
                {t('feedback.openKiosk.copy')}
              </button>
              <button
                type="button"
                className="button button-primary"
                onClick={() => {
                  window.location.href = blockedUrl;
                  window.location.reload();
                }}
              >
                {t('feedback.openKiosk.here')}
              </button>
            </div>
          </div>
        </Modal>
      )}
    </>
  );
}

function KioskIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <rect x="3" y="4" width="18" height="13" rx="2" />
      <path d="M8 21h8M12 17v4" />
      <circle cx="9.5" cy="9.5" r="0.8" fill="currentColor" />
      <circle cx="14.5" cy="9.5" r="0.8" fill="currentColor" />
      <path d="M9 12.5q3 2.2 6 0" />
    </svg>
  );
}
