import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LiveIndicator } from '../components/LiveIndicator';
import { BoardScreen } from './BoardScreen';
import { BoardLinkClient, boardLinkToken } from './boardLink';

/** The call board on a TV opened with a board link: no login, no menus, nothing but the board. */
export function BoardLinkApp() {
  const { t } = useTranslation();
  const token = useMemo(() => boardLinkToken(), []);
  const client = useMemo(() => (token ? new BoardLinkClient(token) : null), [token]);
  if (!client) {
    return (
      <div className="center-panel" role="alert" data-testid="board-link-missing">
        <p>{t('board.linkMissing')}</p>
      </div>
    );
  }
  return (
    <div className="shell shell-board" data-testid="board-link">
      <LiveIndicator source={client} />
      <BoardScreen source={client} />
    </div>
  );
}
