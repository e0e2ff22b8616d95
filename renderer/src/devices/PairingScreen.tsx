import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../api';
import { DeviceClient } from './deviceSession';

/** How often the pairing screen asks whether the counter confirmed its code. */
const POLL_MS = 1_500;

type Request = Output<'devices.requestPairing'>;

/**
 * What a new device shows: a short code for a manager to confirm at the counter, and the fingerprint of
 * the shop's certificate to compare with the counter's. A code that expires is replaced by itself.
 */
export function PairingScreen({ onPaired }: { onPaired: (token: string) => void }) {
  const { t, i18n } = useTranslation();
  const client = useState(() => new DeviceClient(null))[0];
  const [request, setRequest] = useState<Request | null>(null);
  const [error, setError] = useState<string | null>(null);

  const ask = useCallback(async () => {
    setError(null);
    const outcome = await client.call('devices.requestPairing', {});
    if (outcome.ok) setRequest(outcome.result);
    else setError(outcome.error.message);
  }, [client]);
  useEffect(() => {
    void ask();
  }, [ask]);

  useEffect(() => {
    if (!request) return;
    const timer = setInterval(() => {
      void client.call('devices.pairingStatus', { requestId: request.requestId }).then((outcome) => {
        if (!outcome.ok) return;
        if (outcome.result.status === 'paired') onPaired(request.token);
        else if (outcome.result.status === 'expired') void ask();
      });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [client, request, onPaired, ask]);

  const expires = request ? new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' }).format(request.expiresAt) : '';
  return (
    <main className="center-panel pairing" data-testid="pairing-screen">
      <h1>{t('devices.pairing.title')}</h1>
      <p>{t('devices.pairing.text')}</p>
      {error ? (
        <div className="alert alert-error" role="alert">
          {error}{' '}
          <button type="button" className="button button-secondary" onClick={() => void ask()}>
            {t('devices.pairing.retry')}
          </button>
        </div>
      ) : !request ? (
        <p className="muted">{t('devices.pairing.asking')}</p>
      ) : (
        <>
          <p className="pairing-code" aria-label={t('devices.pairing.codeLabel')} data-testid="pairing-code">
            {request.code}
          </p>
          <p className="muted small">{t('devices.pairing.expires', { time: expires })}</p>
          <p className="muted" role="status">
            {t('devices.pairing.waiting')}
          </p>
          {request.fingerprint && (
            <section className="pairing-fingerprint">
              <h2 className="section-title">{t('devices.pairing.fingerprintLabel')}</h2>
              <code data-testid="pairing-fingerprint">{request.fingerprint}</code>
              <p className="muted small">{t('devices.pairing.fingerprintText')}</p>
            </section>
          )}
        </>
      )}
    </main>
  );
}
