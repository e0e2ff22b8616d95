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

const root = document.getElementById('root');
if (!root) throw new Error('Elemento #root não encontrado.');
createRoot(root).render(
  <StrictMode>
    {/* The customers' feedback screen (#/avaliacao) runs on its own restricted session, apart from the staff app. */}
    {/* The call board's TV (#/painel-tv?token=…) runs on a read-only board link, with no staff login. */}
    {/* A tablet or TV on the shop network (HTTPS, or #/aparelho) pairs, then shows the one screen it was paired as. */}
    {isDeviceLocation(window.location) ? <DeviceApp /> : isKioskLocation() ? <KioskApp /> : isBoardLinkLocation() ? <BoardLinkApp /> : <App />}
  </StrictMode>,
);
