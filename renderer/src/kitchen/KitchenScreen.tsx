import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketView } from '../../../src/models/kitchen';
import { api, type Input, type Outcome } from '../api';
import { minutesSince } from '../format';
import { useLiveRefresh, useNow, type LiveSource } from '../hooks/useLive';
import { SessionContext } from '../session';
import { assignKeys } from './keys';
import { isEditable } from '../keyboard';
import { PageWaiting } from '../components/ListParts';

/** Tickets late enough to worry about, in minutes since they reached the kitchen. */
const LATE_MINUTES = 10;
const VERY_LATE_MINUTES = 20;


/** The stations in the order the queue names them (each ticket's lines carry their station). */
export function stationsOf(tickets: readonly TicketView[]): string[] {
  const seen: string[] = [];
  for (const ticket of tickets) for (const line of ticket.lines) if (!seen.includes(line.station)) seen.push(line.station);
  return seen;
}

type KitchenOperation = 'kitchen.queue' | 'kitchen.start' | 'kitchen.ready';

/** Where the queue is read and moved: the staff session, or a paired kitchen tablet's token. */
export interface KitchenSource extends LiveSource {
  call<N extends KitchenOperation>(operation: N, input: Input<N>): Promise<Outcome<N>>;
}

const noNotice = () => {};

/**
 * The kitchen's queue: a column per station, each ticket showing only that station's items, big
 * enough to read from the grill. One touch (or a number key and Enter) moves a ticket from the queue
 * to "Em preparo" and then to "Pronto". Live: new orders appear by themselves.
 */
export function KitchenScreen({ source = api, station = null }: { source?: KitchenSource; station?: string | null }) {
  const { t } = useTranslation();
  // A paired tablet has no staff session: its notices are the tickets moving on screen.
  const notify = useContext(SessionContext)?.notify ?? noNotice;
  const now = useNow(15_000);
  const [tickets, setTickets] = useState<TicketView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    const outcome = await source.call('kitchen.queue', {});
    if (outcome.ok) {
      // A tablet paired to one station shows that station's tickets only.
      setTickets(station ? outcome.result.filter((ticket) => ticket.lines.some((line) => line.station === station)) : outcome.result);
      setError(null);
    } else setError(outcome.error.message);
  }, [source, station]);
  useEffect(() => {
    void load();
  }, [load]);
  useLiveRefresh(['kitchen.changed', 'orders.changed'], () => void load(), 80, source);

  // Each ticket's key stays put while it is on screen (see assignKeys).
  const lastKeys = useRef(new Map<string, number>());
  const keyOf = useMemo(() => {
    const next = assignKeys(lastKeys.current, tickets?.map((ticket) => ticket.id) ?? []);
    lastKeys.current = next;
    return next;
  }, [tickets]);

  const advance = useCallback(
    async (ticket: TicketView) => {
      setBusy(ticket.id);
      const outcome = ticket.status === 'queued' ? await source.call('kitchen.start', { ticketId: ticket.id }) : await source.call('kitchen.ready', { ticketId: ticket.id });
      setBusy(null);
      if (!outcome.ok) return notify(outcome.error.message);
      if (outcome.result.status === 'ready') {
        notify(t('kitchen.readyDone', { number: ticket.number }));
        setTickets((current) => current?.filter((item) => item.id !== ticket.id) ?? null);
      } else {
        setTickets((current) => current?.map((item) => (item.id === ticket.id ? { ...item, status: outcome.result.status } : item)) ?? null);
      }
    },
    [notify, t, source],
  );

  // The ticket picked with a key may be below the fold: bring it into view.
  useEffect(() => {
    if (selected) document.querySelector('.ticket.selected')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  // Keys 1–9 pick the nth ticket; Enter (or space) moves it on.
  const keys = useRef<(event: KeyboardEvent) => void>(() => {});
  keys.current = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isEditable(event.target)) return;
    if (document.querySelector('dialog[open]') || !tickets) return;
    const n = Number(event.key);
    if (Number.isInteger(n) && n >= 1 && n <= 9) {
      const ticket = tickets.find((item) => keyOf.get(item.id) === n);
      if (ticket) {
        event.preventDefault();
        setSelected(ticket.id);
      }
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      const ticket = tickets.find((item) => item.id === selected);
      if (!ticket || busy) return;
      event.preventDefault();
      void advance(ticket);
    } else if (event.key === 'Escape') setSelected(null);
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => keys.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  if (error) return <PageWaiting error={error} />;
  if (!tickets) {
    return (
      <div className="center-panel" role="status">
        <p className="muted">{t('common.loading')}</p>
      </div>
    );
  }

  const stations = station ? [station] : stationsOf(tickets);

  return (
    <div className="kitchen" data-testid="kitchen-screen">
      <div className="kitchen-bar">
        <h1>{t('kitchen.title')}</h1>
        <span className="kitchen-count">{t('kitchen.count', { count: tickets.length })}</span>
        <span className="kitchen-keys muted">
          <kbd>1</kbd>–<kbd>9</kbd> {t('kitchen.keysPick')} · <kbd>Enter</kbd> {t('kitchen.keysAdvance')}
        </span>
      </div>
      {tickets.length === 0 ? (
        <div className="kitchen-empty" data-testid="kitchen-empty">
          <p>{t('kitchen.empty')}</p>
        </div>
      ) : (
        <div className="kitchen-columns" style={{ '--columns': Math.max(1, stations.length) } as React.CSSProperties}>
          {stations.map((station) => {
            const here = tickets.filter((ticket) => ticket.lines.some((line) => line.station === station));
            return (
              <section key={station} className="kitchen-column" aria-label={station} data-testid="kitchen-column" data-station={station}>
                <h2 className="kitchen-column-title">
                  {station} <span className="kitchen-column-count">{here.length}</span>
                </h2>
                <ol className="ticket-list">
                  {here.map((ticket) => {
                    const minutes = minutesSince(ticket.createdAt, now);
                    const late = minutes >= VERY_LATE_MINUTES ? 'very-late' : minutes >= LATE_MINUTES ? 'late' : '';
                    const key = keyOf.get(ticket.id);
                    return (
                      <li
                        key={ticket.id}
                        className={`ticket ticket-${ticket.status}${selected === ticket.id ? ' selected' : ''} ${late}`}
                        data-testid="ticket"
                        data-number={ticket.number}
                        data-status={ticket.status}
                        data-key={key}
                        onClick={() => setSelected(ticket.id)}
                      >
                        <header className="ticket-head">
                          {key !== undefined && <kbd className="ticket-key">{key}</kbd>}
                          <span className="ticket-number">{ticket.number}</span>
                          <span className="ticket-time">{t('kitchen.minutes', { count: minutes })}</span>
                        </header>
                        <div className="ticket-who">
                          <span className="ticket-type">{t(`orderTypes.${ticket.type}`)}</span>
                          {ticket.customerName && <span className="ticket-customer">{ticket.customerName}</span>}
                          {ticket.pager && <span className="ticket-pager">{t('counter.pagerShort', { pager: ticket.pager })}</span>}
                        </div>
                        <ul className="ticket-lines">
                          {ticket.lines
                            .filter((line) => line.station === station)
                            .map((line) => (
                              <li key={`${line.id}:${line.part}`} className="ticket-line" data-testid="ticket-line">
                                <span className="ticket-line-name">
                                  <span className="ticket-qty">{line.quantity}×</span> {line.name}
                                </span>
                                {line.comboName && <span className="ticket-combo">{t('kitchen.inCombo', { combo: line.comboName })}</span>}
                                {line.modifiers.map((modifier) => (
                                  <span key={modifier} className="ticket-modifier">
                                    {modifier}
                                  </span>
                                ))}
                                {line.notes && <span className="ticket-notes">{t('kitchen.notes', { notes: line.notes })}</span>}
                              </li>
                            ))}
                        </ul>
                        <button
                          type="button"
                          className={`button button-large ticket-advance ${ticket.status === 'queued' ? 'button-secondary' : 'button-primary'}`}
                          disabled={busy === ticket.id}
                          onClick={(e) => {
                            e.stopPropagation();
                            setSelected(ticket.id);
                            void advance(ticket);
                          }}
                          data-testid="ticket-advance"
                        >
                          {ticket.status === 'queued' ? t('kitchen.start') : t('kitchen.ready')}
                        </button>
                      </li>
                    );
                  })}
                </ol>
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}
