import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Outcome, type Output } from '../api';
import { useApiData } from '../hooks/useApiData';
import { useLiveRefresh, type LiveSource } from '../hooks/useLive';

type Board = Output<'kitchen.board'>;

/** Where the board reads from: the staff session, or a board link's read-only token. */
export interface BoardSource extends LiveSource {
  call(operation: 'kitchen.board', input: Record<string, never>): Promise<Outcome<'kitchen.board'>>;
}

/** More entries than this in a column make it denser; past what fits, the column scrolls. */
const DENSE_FROM = 8;

/**
 * The ready board for the TV: "Preparando" and "Pronto", numbers, names and pagers big enough to read
 * across the shop, and nothing more. Live on every order and kitchen change; delivered orders leave it.
 * No menus: a small "Sair" in the corner (or Esc) goes back, when there is somewhere to go back to.
 */
export function BoardScreen({ onExit, source = api }: { onExit?: () => void; source?: BoardSource }) {
  const { t } = useTranslation();
  const { data: board, error, reload: load } = useApiData(useCallback(() => source.call('kitchen.board', {}), [source]));
  useLiveRefresh(['orders.changed', 'kitchen.changed'], () => void load(), 80, source);

  useEffect(() => {
    if (!onExit) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !document.querySelector('dialog[open]')) onExit();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onExit]);

  const column = (kind: 'preparing' | 'ready', entries: Board['preparing']) => (
    <section className={`board-column board-${kind}${entries.length > DENSE_FROM ? ' board-dense' : ''}`} data-testid={`board-${kind}`} aria-labelledby={`board-${kind}-title`}>
      <h2 id={`board-${kind}-title`} className="board-title">
        {kind === 'preparing' ? t('board.preparing') : t('board.ready')}
      </h2>
      <ul className="board-list">
        {entries.map((entry, i) => (
          <li key={entry.orderId} className={`board-entry${kind === 'ready' && i === 0 ? ' newest' : ''}`} data-testid="board-entry" data-number={entry.number}>
            <span className="board-number">{entry.number}</span>
            {entry.customerName && <span className="board-name">{entry.customerName}</span>}
            {entry.pager && (
              <span className="board-pager" data-testid="board-pager">
                {t('board.pager', { pager: entry.pager })}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );

  return (
    <div className="board" data-testid="ready-board">
      {onExit && (
        <button type="button" className="board-exit" onClick={onExit} data-testid="board-exit">
          {t('board.exit')}
        </button>
      )}
      {error && (
        <div className="alert alert-error board-error" role="alert">
          {error}
        </div>
      )}
      {board && (
        <div className="board-columns">
          {column('preparing', board.preparing)}
          {column('ready', [...board.ready].reverse())}
        </div>
      )}
    </div>
  );
}
