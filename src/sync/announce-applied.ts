import type { Db } from '../database/connection.js';
import { sql } from '../database/statements.js';
import type { EventHub } from '../services/event-hub.js';
import { orderOf } from './apply-changes.js';
import type { SyncChange } from './sync-store.js';

const CATALOG = new Set(['category', 'product', 'modifier_group']);
const RECIPES = new Set(['recipe', 'modifier_recipe']);
const KITCHEN = new Set(['kitchen_ticket', 'kitchen_event']);
const CASH = new Set(['cash_session', 'cash_closing', 'cash_confirmation', 'cash_movement']);
const CONFIGURATION = new Set(['shop', 'terminal', 'setting']);

/**
 * Tells the live screens what other terminals' changes moved here, the way a local sale would:
 * the kitchen queue, the board, the orders list, the catalog. Returns whether the shop, the
 * terminals or the settings changed, for the caller to reread them.
 */
export function announceApplied(db: Db, events: EventHub, changes: readonly SyncChange[], at: number): { configurationChanged: boolean } {
  const orders = new Set<string>();
  const kitchenOrders = new Set<string>();
  const users = new Set<string>();
  const stockItems = new Set<string>();
  const cashSessions = new Set<string>();
  let catalog = false;
  let recipes = false;
  let configurationChanged = false;
  for (const change of changes) {
    const orderId = orderOf(db, change.entity, change.data);
    if (orderId) orders.add(orderId);
    if (orderId && KITCHEN.has(change.entity)) kitchenOrders.add(orderId);
    if (change.entity === 'user') users.add(change.entityId);
    if (change.entity === 'stock_movement') stockItems.add(change.data.itemId as string);
    if (change.entity === 'stock_item') stockItems.add(change.entityId);
    if (CASH.has(change.entity)) cashSessions.add((change.data.sessionId ?? change.data.id) as string);
    catalog ||= CATALOG.has(change.entity);
    recipes ||= RECIPES.has(change.entity);
    configurationChanged ||= CONFIGURATION.has(change.entity);
  }
  for (const userId of users) events.publish({ type: 'users.changed', data: { userId }, at });
  if (catalog) events.publish({ type: 'catalog.changed', data: {}, at });
  if (recipes) events.publish({ type: 'recipes.changed', data: {}, at });
  if (stockItems.size > 0) events.publish({ type: 'stock.changed', data: { itemIds: [...stockItems] }, at });
  for (const sessionId of cashSessions) events.publish({ type: 'cash.changed', data: { sessionId }, at });
  for (const orderId of orders) {
    const order = sql<[string], { number: string; status: string }>(
      db,
      'SELECT o.display_number AS number, s.status FROM orders o JOIN order_state s ON s.order_id = o.id WHERE o.id = ?',
    ).get(orderId);
    if (order) events.publish({ type: 'orders.changed', data: { orderId, ...order }, at });
  }
  for (const orderId of kitchenOrders) events.publish({ type: 'kitchen.changed', data: { orderId }, at });
  return { configurationChanged };
}
