import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles.css';
import { App } from './App';
import { KioskApp } from './feedback/KioskApp';
import { isKioskLocation } from './feedback/kioskSession';
import { BoardLinkApp } from './board/BoardLinkApp';
import { isBoardLinkLocation } from './board/boardLink';
import { DeviceApp } from './devices/DeviceApp';
import { isDeviceLocation } from './devices/deviceLocation';
import { LocalDisplayApp } from './display/LocalDisplayApp';
import { isCustomerDisplayLocation } from './display/displaySession';

const root = document.getElementById('root');
if (!root) throw new Error('Elemento #root não encontrado.');
createRoot(root).render(
  <StrictMode>
    {/* The customers' feedback screen (#/avaliacao) runs on its own restricted session, apart from the staff app. */}
    {/* The call board's TV (#/painel-tv?token=…) runs on a read-only board link, with no staff login. */}
    {/* A tablet or TV on the shop network (HTTPS, or #/aparelho) pairs, then shows the one screen it was paired as. */}
    {/* The customer's display of this computer (#/cliente) reads this counter's display on its own restricted token. */}
    {isDeviceLocation(window.location) ? <DeviceApp /> : isCustomerDisplayLocation() ? <LocalDisplayApp /> : isKioskLocation() ? <KioskApp /> : isBoardLinkLocation() ? <BoardLinkApp /> : <App />}
  </StrictMode>,
);
