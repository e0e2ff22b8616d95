import type { ComponentType } from 'react';
import type { BridgeOutcome } from '../../src/models/bridge';
import type { OperationInput, OperationName } from '../../src/models/contract';
import { api } from './api';
import { boardLinkToken, isBoardLinkLocation } from './board/boardLink';
import { createBridge } from './bridge';
import { isDeviceLocation } from './devices/deviceLocation';
import { readDeviceToken } from './devices/deviceSession';
import { isCustomerDisplayLocation } from './display/displaySession';
import { askEarly } from './earlyCalls';
import { isKioskLocation, takeKioskToken } from './feedback/kioskSession';
import { preloadCode, preloadScreen } from './screenCode';

/** A kind of page: its code (a chunk of its own) and the calls it makes first, asked before that code arrives. */
export interface Page {
  // Any props, as a lazy screen takes: each page's component has its own.
  load: () => Promise<ComponentType<any>>;
  askFirst: () => void;
}

type Ask = <N extends OperationName>(operation: N, input: OperationInput<N>, token: string | null) => Promise<BridgeOutcome<N>>;

function asker(): Ask {
  const bridge = createBridge();
  return (operation, input, token) => askEarly((...call) => bridge.invoke(...call), operation, input, token);
}

/**
 * The page this address shows. Each kind loads only its own code: a TV showing the board, a kitchen
 * tablet or the rating kiosk never fetch the counter, the reports or the catalog admin. Nothing here
 * imports React: the entry runs it, and sends the first calls, before React has loaded.
 */
export function pageOf(location: Location): Page {
  // A tablet or TV on the shop network (HTTPS, or #/aparelho) pairs, then shows the one screen it was paired as.
  if (isDeviceLocation(location)) {
    return {
      load: () => {
        // A paired tablet or TV is a kitchen or a board most of the time: that code comes along with the page's.
        if (readDeviceToken()) preloadCode('kitchen', 'board');
        return import('./devices/DeviceApp').then((module) => module.DeviceApp);
      },
      askFirst: () => {
        const token = readDeviceToken();
        if (!token) return;
        const ask = asker();
        // What it was paired as, then that screen's own first call: both before the page's code has run.
        void ask('devices.me', {}, token).then((me) => {
          if (!me.ok) return;
          if (me.result.kind === 'board') void ask('kitchen.board', {}, token);
          if (me.result.kind === 'kitchen' && !me.result.cookLogin) void ask('kitchen.queue', {}, token);
        });
      },
    };
  }
  // The customers' feedback screen (#/avaliacao) runs on its own restricted session, apart from the staff app.
  if (isKioskLocation(location.hash)) {
    return {
      load: () => import('./feedback/KioskApp').then((module) => module.KioskApp),
      askFirst: () => {
        const token = takeKioskToken();
        if (token) void asker()('feedback.kiosk', {}, token);
      },
    };
  }
  // The customer's display of this computer (#/cliente) reads this counter's display on its own restricted token.
  if (isCustomerDisplayLocation(location.hash)) {
    return { load: () => import('./display/LocalDisplayApp').then((module) => module.LocalDisplayApp), askFirst: () => {} };
  }
  // The call board's TV (#/painel-tv?token=…) runs on a read-only board link, with no staff login.
  if (isBoardLinkLocation(location.hash)) {
    return {
      load: () => import('./board/BoardLinkApp').then((module) => module.BoardLinkApp),
      askFirst: () => {
        const token = boardLinkToken(location.hash);
        if (token) void asker()('kitchen.board', {}, token);
      },
    };
  }
  // The staff app: the screen the address names is fetched alongside, not after the login check.
  return {
    load: () => {
      preloadScreen(location.hash);
      return import('./App').then((module) => module.App);
    },
    askFirst: () => {
      const ask = asker();
      const token = api.sessionToken;
      void ask('setup.status', {}, token);
      // Asked alongside, used only once the shop is known to be set up (App's boot reads them in order).
      if (token) void ask('auth.session', {}, token);
    },
  };
}
