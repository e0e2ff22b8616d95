import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Output } from '../api';
import { Modal } from '../components/Modal';
import { formatDateTime } from '../format';
import { useSession } from '../session';
import { downloadText } from './download';
import { FormError } from '../components/Field';

type CustomerData = Output<'feedback.customerData'>;

/** LGPD, for the admin: one customer's data by phone or e-mail, downloaded as JSON, or erased (ratings stay, anonymous). */
export function PrivacyDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { timeZone, notify } = useSession();
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [found, setFound] = useState<{ who: { phone?: string; email?: string }; data: CustomerData } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const who = () => ({ ...(phone.trim() ? { phone: phone.trim() } : {}), ...(email.trim() ? { email: email.trim() } : {}) });

  const search = async (event: FormEvent) => {
    event.preventDefault();
    const query = who();
    if (!query.phone && !query.email) return setError(t('feedback.privacy.needOne'));
    setBusy(true);
    const outcome = await api.call('feedback.customerData', query);
    setBusy(false);
    setConfirming(false);
    if (!outcome.ok) return setError(outcome.error.message);
    setError(null);
    setFound({ who: query, data: outcome.result });
  };

  const erase = async () => {
    if (!found) return;
    setBusy(true);
    const outcome = await api.call('feedback.eraseCustomer', found.who);
    setBusy(false);
    setConfirming(false);
    if (!outcome.ok) return setError(outcome.error.message);
    notify(t('feedback.privacy.erased', { count: outcome.result.erased }));
    setFound({ who: found.who, data: [] });
  };

  const download = () => {
    if (!found) return;
    const body = { exportedAt: new Date().toISOString(), query: found.who, feedback: found.data };
    const name = (found.who.email ?? found.who.phone ?? 'cliente').replace(/[^A-Za-z0-9@.-]+/g, '_');
    downloadText(`dados-cliente-${name}.json`, JSON.stringify(body, null, 2), 'application/json;charset=utf-8');
  };

  return (
    <Modal title={t('feedback.privacy.title')} onClose={onClose} size="large" testId="feedback-privacy-dialog">
      <div className="form-stack">
        <p className="muted">{t('feedback.privacy.intro')}</p>
        <form className="fb-privacy-form" onSubmit={(e) => void search(e)} noValidate>
          <div className="field">
            <label className="field-label" htmlFor="lgpd-phone">
              {t('feedback.privacy.phone')}
            </label>
            <input id="lgpd-phone" className="input" type="tel" value={phone} maxLength={20} onChange={(e) => setPhone(e.target.value)} data-testid="lgpd-phone" />
          </div>
          <div className="field">
            <label className="field-label" htmlFor="lgpd-email">
              {t('feedback.privacy.email')}
            </label>
            <input id="lgpd-email" className="input" type="email" value={email} maxLength={120} onChange={(e) => setEmail(e.target.value)} data-testid="lgpd-email" />
          </div>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="lgpd-search">
            {busy ? t('feedback.privacy.searching') : t('feedback.privacy.search')}
          </button>
        </form>
        <FormError message={error} />
        {found && (
          <div className="form-stack" data-testid="lgpd-result">
            <p className="strong" role="status">
              {found.data.length ? t('feedback.privacy.found', { count: found.data.length }) : t('feedback.privacy.none')}
            </p>
            {found.data.length > 0 && (
              <div className="table-wrap table-flat">
                <table className="table table-compact">
                  <thead>
                    <tr>
                      <th scope="col">{t('feedback.inbox.columns.when')}</th>
                      <th scope="col">{t('feedback.inbox.columns.order')}</th>
                      <th scope="col">{t('feedback.inbox.columns.rating')}</th>
                      <th scope="col">{t('feedback.kiosk.contactName')}</th>
                      <th scope="col">{t('feedback.detail.contact')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {found.data.map((row) => (
                      <tr key={row.feedbackId}>
                        <td className="nowrap">{formatDateTime(row.createdAt, timeZone)}</td>
                        <td>{row.orderNumber}</td>
                        <td>{row.rating}</td>
                        <td>{row.name ?? '—'}</td>
                        <td>{[row.phone, row.email].filter(Boolean).join(' · ') || '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {found.data.length > 0 && !confirming && (
              <div className="form-actions">
                <button type="button" className="button button-danger-outline" onClick={() => setConfirming(true)} data-testid="lgpd-erase">
                  {t('feedback.privacy.erase')}
                </button>
                <button type="button" className="button button-secondary" onClick={download} data-testid="lgpd-download">
                  {t('feedback.privacy.download')}
                </button>
              </div>
            )}
            {confirming && (
              <div className="alert alert-error fb-confirm" role="alertdialog" aria-label={t('feedback.privacy.erase')}>
                <p>{t('feedback.privacy.eraseConfirm', { count: found.data.length })}</p>
                <div className="form-actions">
                  <button type="button" className="button button-ghost" onClick={() => setConfirming(false)}>
                    {t('common.cancel')}
                  </button>
                  <button type="button" className="button button-danger" disabled={busy} onClick={() => void erase()} data-testid="lgpd-erase-confirm">
                    {t('feedback.privacy.eraseYes')}
                  </button>
                </div>
              </div>
            )}
          </div>
        )}
      </div>
    </Modal>
  );
}
