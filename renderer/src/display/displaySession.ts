import { localStore } from '../devices/deviceSession';

/**
 * The customer's display on this computer (#/cliente): a second browser window on loopback, or the
 * desktop app's window on the second monitor. It runs on its own restricted token (display.openScreen),
 * which the counter keeps in this browser's localStorage for the display window to take; the staff
 * token never reaches the window the customer faces.
 */
const LOCAL_DISPLAY_TOKEN_KEY = 'balcao.customerDisplayToken';

export const CUSTOMER_DISPLAY_ROUTE = 'cliente';

/** Whether this page is the customer's display of this computer: #/cliente (never #/clientes). */
export function isCustomerDisplayLocation(hash: string = window.location.hash): boolean {
  return /^#\/?cliente(?:[?/]|$)/.test(hash);
}

export const customerDisplayUrl = (): string => `${window.location.origin}${window.location.pathname}${window.location.search}#/${CUSTOMER_DISPLAY_ROUTE}`;

export const readLocalDisplayToken = (): string | null => localStore()?.getItem(LOCAL_DISPLAY_TOKEN_KEY) ?? null;
export const keepLocalDisplayToken = (token: string): void => localStore()?.setItem(LOCAL_DISPLAY_TOKEN_KEY, token);
export const forgetLocalDisplayToken = (): void => localStore()?.removeItem(LOCAL_DISPLAY_TOKEN_KEY);

/** Calls `listener` when another window of this browser changes the display's token (the counter opened a new one, the display dropped a refused one). */
export function watchLocalDisplayToken(listener: (token: string | null) => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === LOCAL_DISPLAY_TOKEN_KEY || event.key === null) listener(readLocalDisplayToken());
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}
