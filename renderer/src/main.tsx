import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles.css';
import { isBoardLinkLocation } from './board/boardLink';
import { LazyScreens, lazyScreen } from './components/LazyScreen';
import { isDeviceLocation } from './devices/deviceLocation';
import { isCustomerDisplayLocation } from './display/displaySession';
import { isKioskLocation } from './feedback/kioskSession';
import { preloadScreen } from './screenChunks';

/**
 * Each kind of page loads only its own code: a TV showing the board, a kitchen tablet or the rating
 * kiosk never fetch the counter, the reports or the catalog admin.
 */
function pageApp() {
  // A tablet or TV on the shop network (HTTPS, or #/aparelho) pairs, then shows the one screen it was paired as.
  if (isDeviceLocation(window.location)) return lazyScreen(() => import('./devices/DeviceApp').then((module) => module.DeviceApp));
  // The customers' feedback screen (#/avaliacao) runs on its own restricted session, apart from the staff app.
  if (isKioskLocation()) return lazyScreen(() => import('./feedback/KioskApp').then((module) => module.KioskApp));
  // The customer's display of this computer (#/cliente) reads this counter's display on its own restricted token.
  if (isCustomerDisplayLocation()) return lazyScreen(() => import('./display/LocalDisplayApp').then((module) => module.LocalDisplayApp));
  // The call board's TV (#/painel-tv?token=…) runs on a read-only board link, with no staff login.
  if (isBoardLinkLocation()) return lazyScreen(() => import('./board/BoardLinkApp').then((module) => module.BoardLinkApp));
  // The staff app: the screen the address names is fetched alongside, not after the login check.
  preloadScreen(window.location.hash);
  return lazyScreen(() => import('./App').then((module) => module.App));
}

const PageApp = pageApp();
const root = document.getElementById('root');
if (!root) throw new Error('Elemento #root não encontrado.');
createRoot(root).render(
  <StrictMode>
    <LazyScreens fallback={<div className="center-panel" role="status" />}>
      <PageApp />
    </LazyScreens>
  </StrictMode>,
);
