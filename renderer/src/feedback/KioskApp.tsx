import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorsByField } from '../api';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { LiveIndicator } from '../components/LiveIndicator';
import { useLiveRefresh, useSessionProbe } from '../hooks/useLive';
import { uuidv7 } from '../ids';
import { Face, RATINGS, type Rating } from './Faces';
import { KioskClient, forgetKioskToken, takeKioskToken } from './kioskSession';
import './feedback.css';

/** The thank-you screen goes back to the start by itself. */
export const THANKS_RESET_MS = 8_000;
/** A rating left half done goes back to the start after this long without a touch. */
const IDLE_RESET_MS = 120_000;
/** An order paid this recently is offered again when the screen comes back to the start. */
const PROMPT_FRESH_MS = 3 * 60_000;

interface KioskOrder {
  orderId: string;
  number: string;
  items: string[];
}

type Stage =
  | { name: 'loading' }
  | { name: 'start' }
  | { name: 'rate'; order: KioskOrder; fromPrompt: boolean }
  | { name: 'thanks'; rating: Rating }
  | { name: 'closed' };

const SUBMIT_FIELDS = ['rating', 'tags', 'comment', 'contactName', 'contactPhone', 'contactEmail', 'consent'] as const;
type SubmitField = (typeof SUBMIT_FIELDS)[number];

/**
 * The customers' feedback screen (#/avaliacao), full screen on a second monitor or a tablet. It finds
 * the order by its number or the receipt's code, or takes the one the counter just charged (the
 * `feedback.prompt` live event), asks for a rating with big faces, optional tags and comment, and a
 * contact only with explicit consent (LGPD); then thanks and starts over by itself.
 */
export function KioskApp({ token: pairedToken }: { token?: string } = {}) {
  const { t } = useTranslation();
  // A paired rating tablet brings its device token; the screen opened from the counter takes its own.
  const token = useMemo(() => pairedToken ?? takeKioskToken(), [pairedToken]);
  const client = useMemo(() => (token ? new KioskClient(token) : null), [token]);
  const [stage, setStage] = useState<Stage>(token ? { name: 'loading' } : { name: 'closed' });
  const [shopName, setShopName] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const stageRef = useRef(stage);
  stageRef.current = stage;
  const lastPrompt = useRef<{ orderId: string; number: string; at: number } | null>(null);
  const rated = useRef(new Set<string>());

  const close = useCallback(() => {
    forgetKioskToken();
    setStage({ name: 'closed' });
  }, []);

  // What the screen shows: the shop's name and the tags a customer can pick.
  const load = useCallback(async () => {
    if (!client) return;
    const outcome = await client.call('feedback.kiosk', {});
    if (!outcome.ok) {
      // Unreachable: KioskConnection says "sem conexão" and loads again once it is back. Refused: the session is gone.
      if (outcome.status !== 0) close();
      return;
    }
    setShopName(outcome.result.shopName);
    setTags(outcome.result.tags);
    document.title = `${outcome.result.shopName} · ${t('feedback.kiosk.title')}`;
    setStage((current) => (current.name === 'loading' ? { name: 'start' } : current));
  }, [client, close, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const showOrder = useCallback(
    async (prompt: { orderId: string; number: string }) => {
      if (!client || rated.current.has(prompt.orderId)) return;
      const found = await client.call('feedback.lookup', { code: prompt.number });
      if (stageRef.current.name !== 'start') return;
      if (found.ok) setStage({ name: 'rate', order: found.result, fromPrompt: true });
      else if (found.status === 0 || found.error.code === 'VALIDATION') setStage({ name: 'rate', order: { ...prompt, items: [] }, fromPrompt: true });
    },
    [client],
  );

  // The counter just charged an order: show it, unless a customer is busy rating another one.
  useEffect(() => {
    if (!client) return;
    return client.subscribe('feedback.prompt', (event) => {
      lastPrompt.current = { orderId: event.orderId, number: event.number, at: Date.now() };
      if (stageRef.current.name === 'start') void showOrder(event);
    });
  }, [client, showOrder]);

  const backToStart = useCallback(() => {
    // Known at once, not at the next render: a prompt arriving in between must find the start screen.
    stageRef.current = { name: 'start' };
    setStage({ name: 'start' });
    const prompt = lastPrompt.current;
    if (prompt && Date.now() - prompt.at < PROMPT_FRESH_MS && !rated.current.has(prompt.orderId)) {
      // Offer it once: after this the customer types the number.
      lastPrompt.current = null;
      void showOrder(prompt);
    }
  }, [showOrder]);

  // The thank-you screen resets by itself.
  useEffect(() => {
    if (stage.name !== 'thanks') return;
    const timer = setTimeout(backToStart, THANKS_RESET_MS);
    return () => clearTimeout(timer);
  }, [stage, backToStart]);

  return (
    <div className="kiosk" data-testid="kiosk" data-stage={stage.name}>
      {client && stage.name !== 'closed' && <KioskConnection client={client} reload={load} />}
      <header className="kiosk-bar">
        <span className="brand-mark" aria-hidden="true">
          B
        </span>
        <span className="kiosk-shop">{shopName || t('app.name')}</span>
        <span className="kiosk-bar-title">{t('feedback.kiosk.title')}</span>
        <div className="kiosk-bar-end">
          <LanguageSwitch />
        </div>
      </header>
      <main className="kiosk-main">
        {stage.name === 'loading' && (
          <p className="muted" role="status">
            {t('common.loading')}
          </p>
        )}
        {stage.name === 'closed' && (
          <section className="kiosk-card kiosk-center" data-testid="kiosk-closed">
            <h1>{t('feedback.kiosk.closedTitle')}</h1>
            <p className="kiosk-lead">{t('feedback.kiosk.closedText')}</p>
          </section>
        )}
        {stage.name === 'start' && client && (
          <StartStep
            client={client}
            onFound={(order) => setStage({ name: 'rate', order, fromPrompt: false })}
            onClosed={close}
          />
        )}
        {stage.name === 'rate' && client && (
          <RateStep
            key={stage.order.orderId}
            client={client}
            order={stage.order}
            fromPrompt={stage.fromPrompt}
            tags={tags}
            onCancel={backToStart}
            onIdle={backToStart}
            onClosed={close}
            onDone={(rating) => {
              rated.current.add(stage.order.orderId);
              setStage({ name: 'thanks', rating });
            }}
          />
        )}
        {stage.name === 'thanks' && (
          <section className="kiosk-card kiosk-center kiosk-thanks" data-testid="kiosk-thanks" role="status" aria-live="polite">
            <Face rating={stage.rating} size={150} />
            <h1>{t('feedback.kiosk.thanksTitle')}</h1>
            <p className="kiosk-lead">{stage.rating <= 2 ? t('feedback.kiosk.thanksLow') : t('feedback.kiosk.thanksText', { shop: shopName })}</p>
            <p className="muted">{t('feedback.kiosk.thanksReset')}</p>
            <button type="button" className="button button-secondary button-large" onClick={backToStart} data-testid="kiosk-again">
              {t('feedback.kiosk.again')}
            </button>
          </section>
        )}
      </main>
    </div>
  );
}

/**
 * "Sem conexão" with the time of the last update while the live channel is lost, as on the kitchen and
 * the board. Meanwhile the screen asks the core now and then (a restarted server forgot this screen's
 * session: it then closes instead of sitting stale), and once the channel is back it loads again what
 * may have changed (the shop's name, the tags).
 */
function KioskConnection({ client, reload }: { client: KioskClient; reload: () => Promise<void> }) {
  const check = () => void reload();
  useSessionProbe(check, client);
  useLiveRefresh([], check, 0, client);
  return <LiveIndicator source={client} />;
}

function StartStep({ client, onFound, onClosed }: { client: KioskClient; onFound: (order: KioskOrder) => void; onClosed: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  // "Já avaliado" is good news, not a mistake: said in a calmer color.
  const [calm, setCalm] = useState(false);
  const [busy, setBusy] = useState(false);
  const inputId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const text = code.trim();
    if (text.length < 2) return setError(t('feedback.kiosk.emptyCode'));
    setBusy(true);
    const outcome = await client.call('feedback.lookup', { code: text });
    setBusy(false);
    if (outcome.ok) return onFound(outcome.result);
    if (outcome.status === 401 || outcome.error.code === 'UNAUTHENTICATED' || outcome.error.code === 'FORBIDDEN') return onClosed();
    setCalm(outcome.error.code === 'CONFLICT');
    setError(outcome.status === 0 ? t('feedback.kiosk.offline') : outcome.error.message);
  };

  return (
    <section className="kiosk-card kiosk-start" data-testid="kiosk-start">
      <div className="kiosk-faces-row" aria-hidden="true">
        {RATINGS.map((rating) => (
          <Face key={rating} rating={rating} size={72} />
        ))}
      </div>
      <h1>{t('feedback.kiosk.startTitle')}</h1>
      <p className="kiosk-lead">{t('feedback.kiosk.startText')}</p>
      <form className="kiosk-code-form" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor={inputId} className="visually-hidden">
          {t('feedback.kiosk.codeLabel')}
        </label>
        <input
          id={inputId}
          className="input kiosk-code"
          value={code}
          onChange={(e) => {
            setCode(e.target.value.toUpperCase());
            setError(null);
          }}
          placeholder={t('feedback.kiosk.codePlaceholder')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={20}
          aria-invalid={Boolean(error) && !calm}
          aria-describedby={error ? `${inputId}-error` : undefined}
          data-testid="kiosk-code"
        />
        <button type="submit" className="button button-primary button-large kiosk-find" disabled={busy} data-testid="kiosk-find">
          {busy ? t('feedback.kiosk.finding') : t('feedback.kiosk.find')}
        </button>
      </form>
      {error && (
        <p className={calm ? 'kiosk-error kiosk-calm' : 'kiosk-error'} id={`${inputId}-error`} role="alert" data-testid="kiosk-error">
          {error}
        </p>
      )}
    </section>
  );
}

interface RateStepProps {
  client: KioskClient;
  order: KioskOrder;
  fromPrompt: boolean;
  tags: string[];
  onCancel: () => void;
  onIdle: () => void;
  onClosed: () => void;
  onDone: (rating: Rating) => void;
}

function RateStep({ client, order, fromPrompt, tags, onCancel, onIdle, onClosed, onDone }: RateStepProps) {
  const { t } = useTranslation();
  // One id per rating: a double tap or a retry after a timeout stores it once.
  const feedbackId = useMemo(() => uuidv7(), []);
  const [rating, setRating] = useState<Rating | null>(null);
  const [chosenTags, setChosenTags] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [consent, setConsent] = useState(false);
  const [contact, setContact] = useState({ name: '', phone: '', email: '' });
  const [errors, setErrors] = useState<Partial<Record<SubmitField | '_form', string>>>({});
  const [blocked, setBlocked] = useState<{ message: string; kind: 'info' | 'error' } | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = useId();

  // Left half done, the screen goes back to the start for the next customer.
  useEffect(() => {
    let timer = setTimeout(onIdle, IDLE_RESET_MS);
    const poke = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, IDLE_RESET_MS);
    };
    window.addEventListener('pointerdown', poke);
    window.addEventListener('keydown', poke);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointerdown', poke);
      window.removeEventListener('keydown', poke);
    };
  }, [onIdle]);

  const toggleTag = (tag: string) => setChosenTags((current) => (current.includes(tag) ? current.filter((x) => x !== tag) : [...current, tag]));
  const setField = (key: keyof typeof contact, value: string) => {
    setContact((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key === 'name' ? 'contactName' : key === 'phone' ? 'contactPhone' : 'contactEmail']: undefined, consent: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!rating) return setErrors({ rating: t('feedback.kiosk.chooseRating') });
    const name = contact.name.trim();
    const phone = contact.phone.trim();
    const email = contact.email.trim();
    if (consent && !phone && !email) return setErrors({ contactPhone: t('feedback.kiosk.contactMissing') });
    setBusy(true);
    const outcome = await client.call('feedback.submit', {
      id: feedbackId,
      orderId: order.orderId,
      rating,
      ...(chosenTags.length ? { tags: chosenTags } : {}),
      ...(comment.trim() ? { comment: comment.trim() } : {}),
      // Anonymous unless the customer ticked the consent: nothing typed in the contact goes out without it.
      ...(consent
        ? { consent: true, ...(name ? { contactName: name } : {}), ...(phone ? { contactPhone: phone } : {}), ...(email ? { contactEmail: email } : {}) }
        : {}),
    });
    setBusy(false);
    if (outcome.ok) return onDone(rating);
    const { error } = outcome;
    if (outcome.status === 401 || error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN') return onClosed();
    if (outcome.status === 0) return setErrors({ _form: t('feedback.kiosk.offline') });
    // Already rated, too old, not paid, cancelled: nothing to fix here, said kindly.
    if (error.field === 'orderId' || error.code === 'CONFLICT' || error.code === 'INVALID_STATE' || error.code === 'NOT_FOUND') {
      return setBlocked({ message: error.message, kind: error.code === 'CONFLICT' ? 'info' : 'error' });
    }
    setErrors(errorsByField(error, SUBMIT_FIELDS));
  };

  if (blocked) {
    return (
      <section className="kiosk-card kiosk-center" data-testid="kiosk-blocked">
        <h1>{t('feedback.kiosk.orderLabel', { number: order.number })}</h1>
        <p className={`alert ${blocked.kind === 'info' ? 'alert-info' : 'alert-error'} kiosk-lead`} role="alert" data-testid="kiosk-error">
          {blocked.message}
        </p>
        <button type="button" className="button button-primary button-large" onClick={onCancel}>
          {t('feedback.kiosk.cancel')}
        </button>
      </section>
    );
  }

  return (
    <form className="kiosk-card kiosk-rate" onSubmit={(e) => void submit(e)} noValidate data-testid="kiosk-rate">
      <div className="kiosk-order" data-testid="kiosk-order" data-number={order.number}>
        <span className="kiosk-order-number">{t('feedback.kiosk.orderLabel', { number: order.number })}</span>
        {fromPrompt && <span className="kiosk-order-note">{t('feedback.kiosk.justPaid', { number: order.number })}</span>}
        {order.items.length > 0 && <span className="kiosk-order-items">{order.items.join(' · ')}</span>}
      </div>

      <fieldset className="kiosk-question" aria-describedby={errors.rating ? `${ids}-rating-error` : undefined}>
        <legend>{t('feedback.kiosk.question')}</legend>
        <div className={`kiosk-faces${rating ? ' has-choice' : ''}`} role="radiogroup" aria-label={t('feedback.kiosk.question')}>
          {RATINGS.map((value) => (
            <button
              key={value}
              type="button"
              role="radio"
              aria-checked={rating === value}
              className={`kiosk-face kiosk-face-${value}`}
              onClick={() => {
                setRating(value);
                setErrors((current) => ({ ...current, rating: undefined }));
              }}
              data-testid={`kiosk-rating-${value}`}
            >
              <Face rating={value} size={rating ? 84 : 112} />
              <span className="kiosk-face-label">{t(`feedback.ratings.r${value}`)}</span>
            </button>
          ))}
        </div>
        {errors.rating && (
          <p className="kiosk-error" id={`${ids}-rating-error`} role="alert">
            {errors.rating}
          </p>
        )}
      </fieldset>

      {rating && (
        <div className="kiosk-details">
          <div className="kiosk-details-col">
            {tags.length > 0 && (
              <fieldset className="kiosk-group">
                <legend>{t('feedback.kiosk.tagsQuestion')}</legend>
                <div className="kiosk-tags">
                  {tags.map((tag) => (
                    <button
                      key={tag}
                      type="button"
                      className="kiosk-tag"
                      aria-pressed={chosenTags.includes(tag)}
                      onClick={() => toggleTag(tag)}
                      data-testid="kiosk-tag"
                      data-tag={tag}
                    >
                      {tag}
                    </button>
                  ))}
                </div>
                {errors.tags && <p className="kiosk-error">{errors.tags}</p>}
              </fieldset>
            )}
            <div className="kiosk-group">
              <label htmlFor={`${ids}-comment`} className="kiosk-label">
                {t('feedback.kiosk.comment')}
              </label>
              <textarea
                id={`${ids}-comment`}
                className="input textarea kiosk-comment"
                rows={3}
                maxLength={500}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                placeholder={t('feedback.kiosk.commentPlaceholder')}
                aria-invalid={Boolean(errors.comment)}
                data-testid="kiosk-comment"
              />
              {errors.comment ? <p className="kiosk-error">{errors.comment}</p> : <span className="kiosk-count muted small">{t('feedback.kiosk.commentCount', { count: comment.length })}</span>}
            </div>
          </div>

          <div className="kiosk-details-col">
            <div className="kiosk-group kiosk-contact">
              <label className="checkbox kiosk-consent">
                <input
                  type="checkbox"
                  checked={consent}
                  onChange={(e) => {
                    setConsent(e.target.checked);
                    setErrors((current) => ({ ...current, consent: undefined, contactPhone: undefined }));
                  }}
                  data-testid="kiosk-consent"
                />
                <span>{t('feedback.kiosk.consent')}</span>
              </label>
              {errors.consent && <p className="kiosk-error">{errors.consent}</p>}
              {consent ? (
                <div className="kiosk-contact-fields">
                  <p className="muted small">{t('feedback.kiosk.consentHint')}</p>
                  <KioskInput id={`${ids}-name`} label={t('feedback.kiosk.contactName')} value={contact.name} onChange={(v) => setField('name', v)} maxLength={60} autoComplete="name" error={errors.contactName} testId="kiosk-contact-name" />
                  <KioskInput id={`${ids}-phone`} label={t('feedback.kiosk.contactPhone')} value={contact.phone} onChange={(v) => setField('phone', v)} maxLength={20} type="tel" inputMode="tel" autoComplete="tel" error={errors.contactPhone} testId="kiosk-contact-phone" />
                  <KioskInput id={`${ids}-email`} label={t('feedback.kiosk.contactEmail')} value={contact.email} onChange={(v) => setField('email', v)} maxLength={120} type="email" inputMode="email" autoComplete="email" error={errors.contactEmail} testId="kiosk-contact-email" />
                </div>
              ) : (
                <p className="kiosk-anonymous muted">{t('feedback.kiosk.anonymous')}</p>
              )}
            </div>
            {errors._form && (
              <p className="alert alert-error" role="alert" data-testid="kiosk-error">
                {errors._form}
              </p>
            )}
            <div className="kiosk-actions">
              <button type="button" className="button button-secondary button-large" onClick={onCancel}>
                {t('feedback.kiosk.cancel')}
              </button>
              <button type="submit" className="button button-primary button-large" disabled={busy} data-testid="kiosk-submit">
                {busy ? t('feedback.kiosk.sending') : t('feedback.kiosk.submit')}
              </button>
            </div>
          </div>
        </div>
      )}
      {!rating && (
        <div className="kiosk-actions kiosk-actions-start">
          <button type="button" className="button button-ghost button-large" onClick={onCancel}>
            {t('feedback.kiosk.cancel')}
          </button>
        </div>
      )}
    </form>
  );
}

interface KioskInputProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  type?: string;
  inputMode?: 'text' | 'tel' | 'email';
  autoComplete?: string;
  error?: string | undefined;
  testId: string;
}

function KioskInput({ id, label, value, onChange, maxLength, type = 'text', inputMode, autoComplete, error, testId }: KioskInputProps) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input"
        type={type}
        inputMode={inputMode}
        autoComplete={autoComplete}
        maxLength={maxLength}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
        data-testid={testId}
      />
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
