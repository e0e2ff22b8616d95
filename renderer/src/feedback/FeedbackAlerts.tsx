import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { Face, isRating } from './Faces';
import { onFeedbackHandled, requestOpenFeedback } from './pending';
import './feedback.css';

interface FeedbackAlert {
  feedbackId: string;
  orderNumber: string;
  rating: number;
  comment: string | null;
}

const STORAGE_KEY = 'balcao.feedbackAlerts';
const MAX_SHOWN = 3;

function readStored(): FeedbackAlert[] {
  try {
    const parsed = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as FeedbackAlert[]).filter((a) => typeof a?.feedbackId === 'string') : [];
  } catch {
    return [];
  }
}

function store(alerts: FeedbackAlert[]) {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(alerts));
  } catch {
    // No storage: the alerts last until the page reloads.
  }
}

/**
 * For managers and admins, on every screen: a low rating (2 or less, the `feedback.alert` live event)
 * shows as a banner under the menu, with "Abrir" (the inbox, on that feedback). It stays until
 * dismissed or handled, and survives a reload of this window.
 */
export function FeedbackAlerts({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  const [alerts, setAlerts] = useState<FeedbackAlert[]>(readStored);

  useEffect(() => store(alerts), [alerts]);

  useEffect(
    () =>
      api.subscribe('feedback.alert', (event) => {
        setAlerts((current) =>
          current.some((a) => a.feedbackId === event.feedbackId)
            ? current
            : [{ feedbackId: event.feedbackId, orderNumber: event.orderNumber, rating: event.rating, comment: event.comment }, ...current],
        );
      }),
    [],
  );

  useEffect(() => onFeedbackHandled((id) => setAlerts((current) => current.filter((a) => a.feedbackId !== id))), []);

  if (alerts.length === 0) return null;
  const dismiss = (id: string) => setAlerts((current) => current.filter((a) => a.feedbackId !== id));
  const shown = alerts.slice(0, MAX_SHOWN);

  return (
    <section className="fb-alerts" aria-label={t('feedback.alert.region')} role="region">
      {shown.map((alert) => (
        <div key={alert.feedbackId} className="fb-alert" role="alert" data-testid="feedback-alert" data-order={alert.orderNumber}>
          {isRating(alert.rating) && <Face rating={alert.rating} size={34} />}
          <p className="fb-alert-text">
            <strong>{t('feedback.alert.text', { rating: alert.rating, number: alert.orderNumber })}</strong>
            {alert.comment && <span className="fb-alert-comment">: “{alert.comment}”</span>}
          </p>
          <div className="fb-alert-actions">
            <button
              type="button"
              className="button button-small fb-alert-open"
              onClick={() => {
                requestOpenFeedback(alert.feedbackId);
                onOpen();
              }}
              data-testid="feedback-alert-open"
            >
              {t('feedback.alert.open')}
            </button>
            <button type="button" className="icon-button fb-alert-dismiss" aria-label={t('feedback.alert.dismiss')} title={t('feedback.alert.dismiss')} onClick={() => dismiss(alert.feedbackId)} data-testid="feedback-alert-dismiss">
              <span aria-hidden="true">×</span>
            </button>
          </div>
        </div>
      ))}
      {alerts.length > MAX_SHOWN && <p className="fb-alerts-more">+{alerts.length - MAX_SHOWN}</p>}
    </section>
  );
}
