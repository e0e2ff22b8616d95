import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorsByField, type Output } from '../api';
import { FormActions } from '../components/FormDialog';
import { Modal } from '../components/Modal';
import { formatDateTime } from '../format';
import { useSession } from '../session';
import { Face, isRating, Stars } from './Faces';
import { announceHandled } from './pending';

type Detail = Output<'feedback.get'>;

/** One feedback: the rating, tags and comment, the order's items, the contact (when the customer agreed) and its handling. */
export function FeedbackDetail({ id, onClose, onHandled }: { id: string; onClose: () => void; onHandled: () => void }) {
  const { t } = useTranslation();
  const { timeZone, notify } = useSession();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const noteId = useId();

  const load = useCallback(async () => {
    const outcome = await api.call('feedback.get', { id });
    if (outcome.ok) setDetail(outcome.result);
    else setLoadError(outcome.error.message);
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const handle = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !detail) return;
    const text = note.trim();
    if (text.length < 3) return setNoteError(t('feedback.detail.noteShort'));
    setBusy(true);
    const outcome = await api.call('feedback.handle', { id, note: text });
    setBusy(false);
    if (!outcome.ok) {
      const byField = errorsByField(outcome.error, ['note']);
      return setNoteError(byField.note ?? byField._form ?? outcome.error.message);
    }
    notify(t('feedback.detail.handledToast', { number: detail.orderNumber }));
    announceHandled(id);
    onHandled();
    await load();
  };

  return (
    <Modal title={detail ? t('feedback.detail.title', { number: detail.orderNumber }) : t('common.loading')} onClose={onClose} size="large" testId="feedback-detail">
      {loadError && (
        <div className="alert alert-error" role="alert">
          {loadError}
        </div>
      )}
      {!detail && !loadError && <p className="muted">{t('common.loading')}</p>}
      {detail && (
        <div className="fb-detail" data-order={detail.orderNumber}>
          <div className="fb-detail-head">
            {isRating(detail.rating) && <Face rating={detail.rating} size={72} />}
            <div>
              <p className="fb-detail-rating" data-testid="feedback-detail-rating">
                <Stars rating={detail.rating} /> <strong>{t('feedback.detail.rated', { rating: detail.rating })}</strong>
                {isRating(detail.rating) && <span className="muted"> · {t(`feedback.ratings.r${detail.rating}`)}</span>}
              </p>
              <dl className="fb-facts">
                <div>
                  <dt>{t('feedback.detail.when')}</dt>
                  <dd>{formatDateTime(detail.createdAt, timeZone)}</dd>
                </div>
                <div>
                  <dt>{t('feedback.detail.cashier')}</dt>
                  <dd>{detail.cashierName}</dd>
                </div>
              </dl>
            </div>
          </div>

          <div className="fb-detail-grid">
            <section className="fb-detail-section">
              <h3>{t('feedback.detail.comment')}</h3>
              {detail.comment ? (
                <blockquote className="fb-quote" data-testid="feedback-detail-comment">
                  {detail.comment}
                </blockquote>
              ) : (
                <p className="muted">{t('feedback.detail.noComment')}</p>
              )}
              {detail.tags.length > 0 && (
                <>
                  <h3>{t('feedback.detail.tags')}</h3>
                  <span className="fb-chips">
                    {detail.tags.map((tag) => (
                      <span key={tag} className="fb-chip">
                        {tag}
                      </span>
                    ))}
                  </span>
                </>
              )}
            </section>
            <section className="fb-detail-section">
              <h3>{t('feedback.detail.items')}</h3>
              <ul className="fb-items">
                {detail.items.map((item, index) => (
                  <li key={index}>
                    <span className="fb-qty">{item.quantity}×</span> {item.name}
                  </li>
                ))}
              </ul>
              <h3>{t('feedback.detail.contact')}</h3>
              {detail.contact ? (
                <div className="fb-contact" data-testid="feedback-detail-contact">
                  {detail.contact.name && <p className="strong">{detail.contact.name}</p>}
                  {detail.contact.phone && <p>{detail.contact.phone}</p>}
                  {detail.contact.email && <p>{detail.contact.email}</p>}
                  <p className="muted small">{t('feedback.detail.contactConsent')}</p>
                </div>
              ) : (
                <p className="muted">{t('feedback.detail.noContact')}</p>
              )}
            </section>
          </div>

          <section className="fb-detail-section fb-handling">
            <h3>{t('feedback.detail.handledTitle')}</h3>
            {detail.handledAt ? (
              <div className="alert alert-success" data-testid="feedback-handled">
                <p className="strong">{t('feedback.detail.handledBy', { name: detail.handledByName ?? '—', when: formatDateTime(detail.handledAt, timeZone) })}</p>
                {detail.handledNote && <p>{detail.handledNote}</p>}
              </div>
            ) : (
              <form className="form-stack" onSubmit={(e) => void handle(e)} noValidate>
                <div className={`field${noteError ? ' field-invalid' : ''}`}>
                  <label className="field-label" htmlFor={noteId}>
                    {t('feedback.detail.note')}
                  </label>
                  <textarea
                    id={noteId}
                    className="input textarea fb-note"
                    rows={3}
                    maxLength={500}
                    value={note}
                    onChange={(e) => {
                      setNote(e.target.value);
                      setNoteError(null);
                    }}
                    placeholder={t('feedback.detail.notePlaceholder')}
                    aria-invalid={Boolean(noteError)}
                    aria-describedby={noteError ? `${noteId}-error` : undefined}
                    data-testid="feedback-handle-note"
                  />
                  {noteError && (
                    <p className="field-error" id={`${noteId}-error`}>
                      {noteError}
                    </p>
                  )}
                </div>
                <FormActions onCancel={onClose} busy={busy} submitLabel={t('feedback.detail.handle')} submitTestId="feedback-handle-submit" cancelLabel={t('common.close')} />
              </form>
            )}
          </section>
        </div>
      )}
    </Modal>
  );
}
