import { useTranslation } from 'react-i18next';
import type { Route } from '../routes';
import { navFor, routeKey } from '../navigation';
import { useSession } from '../session';
import { CountScreen } from './CountScreen';
import { ItemsScreen } from './ItemsScreen';
import { LossScreen } from './LossScreen';
import { MovementsScreen } from './MovementsScreen';
import { ReceiveScreen } from './ReceiveScreen';
import { RecipesScreen } from './RecipesScreen';
import { STOCK_ROUTES, type StockRoute } from './routes';
import { StockHome } from './StockHome';
import { SuppliersScreen } from './SuppliersScreen';
import type { stockPtBR } from './i18n';

type StockTabKey = keyof typeof stockPtBR.tabs;

/**
 * The stockroom's screens. The stockroom role has each of them in its top menu; a manager's menu has
 * one "Estoque" entry, so the stock screens show their own tabs.
 */
export function StockScreens({ route, onNavigate }: { route: StockRoute; onNavigate: (route: Route) => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const inTopMenu = navFor(session.user.role).includes('estoque/insumos');
  return (
    <>
      {!inTopMenu && (
        <nav className="stock-tabs tabs" aria-label={t('stock.tabsLabel')}>
          {STOCK_ROUTES.map((item) => (
            <a
              key={item}
              href={`#/${item}`}
              className="tab"
              aria-current={item === route ? 'page' : undefined}
              data-testid={`stock-tab-${routeKey(item)}`}
              onClick={(event) => {
                event.preventDefault();
                onNavigate(item);
              }}
            >
              {t(`stock.tabs.${routeKey(item) as StockTabKey}`)}
            </a>
          ))}
        </nav>
      )}
      {route === 'estoque' && <StockHome onNavigate={onNavigate} />}
      {route === 'estoque/insumos' && <ItemsScreen onNavigate={onNavigate} />}
      {route === 'estoque/entrada' && <ReceiveScreen onNavigate={onNavigate} />}
      {route === 'estoque/perdas' && <LossScreen />}
      {route === 'estoque/inventario' && <CountScreen />}
      {route === 'estoque/movimentos' && <MovementsScreen />}
      {route === 'estoque/fichas' && <RecipesScreen />}
      {route === 'estoque/fornecedores' && <SuppliersScreen />}
    </>
  );
}
