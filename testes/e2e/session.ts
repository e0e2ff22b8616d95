import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';

/** What the end-to-end specs share: one call to the core over HTTP, and signing in as a person would. */

export interface Person {
  name: string;
  pin: string;
}

export async function api<T = Record<string, unknown>>(request: APIRequestContext, token: string | null, operation: string, input: unknown): Promise<T> {
  const response = await request.post(`/api/${operation}`, { data: input, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const body = (await response.json()) as T;
  if (!response.ok()) throw new Error(`${operation} → ${response.status()} ${JSON.stringify(body)}`);
  return body;
}

/** Sets the shop up with this admin unless an earlier spec did: a spec run alone starts from the wizard. */
export async function ensureShop(request: APIRequestContext, shopName: string, admin: Person): Promise<void> {
  const status = await api<{ initialized: boolean }>(request, null, 'setup.status', {});
  if (!status.initialized) await api(request, null, 'setup.initialize', { shopName, terminalLetter: 'A', adminName: admin.name, adminPin: admin.pin });
}

export const login = async (request: APIRequestContext, who: Person) => (await api<{ token: string }>(request, null, 'auth.login', who)).token;

/** From the first screen: the person's tile, then the PIN typed on the keyboard. */
export async function signIn(page: Page, who: Person) {
  await page.goto('/');
  await page.getByTestId('user-tile').filter({ hasText: who.name }).click();
  await expect(page.getByTestId('pin-step')).toContainText(who.name);
  await page.keyboard.type(who.pin);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('current-user')).toContainText(who.name);
}

/**
 * The suite's shop as a spec needs it, whichever specs ran before: set up if it is not, with this spec's
 * cashier and a caixa open. Returns the admin's and the cashier's tokens.
 */
export async function shopWithCashier(request: APIRequestContext, shop: { shopName: string; admin: Person; cashier: Person }) {
  const status = await api<{ initialized: boolean }>(request, null, 'setup.status', {});
  if (!status.initialized) await api(request, null, 'setup.initialize', { shopName: shop.shopName, terminalLetter: 'A', adminName: shop.admin.name, adminPin: shop.admin.pin });
  const admin = await login(request, shop.admin);
  const roster = await api<{ name: string }[]>(request, null, 'auth.roster', {});
  if (!roster.some((user) => user.name === shop.cashier.name)) await api(request, admin, 'users.create', { id: uuidv7(), name: shop.cashier.name, role: 'cashier', pin: shop.cashier.pin });
  const cashier = await login(request, shop.cashier);
  const current = await api<{ session: unknown }>(request, cashier, 'cash.current', {});
  if (!current.session) await api(request, cashier, 'cash.open', { id: uuidv7(), openingFloat: 10_000 });
  return { admin, cashier };
}
