import type { Db } from '../database/connection.js';
import type { Change } from '../database/queries/change-log.js';
import { replaceComboSlots, replaceModifierOptions, replaceProductGroups, type ComboSlotInput, type ModifierOptionInput } from '../database/queries/catalog.js';
import { keepFieldStamps, readFieldStamps } from '../database/queries/field-stamps.js';
import { findTicket, insertTicketItems, queueTicket, setTicketStatus, TICKET_STEPS, type TicketItem } from '../database/queries/kitchen.js';
import { deriveOrderState, writeOrderState } from '../database/queries/orders.js';
import { sql } from '../database/statements.js';
import { replaceItemUnits, replaceModifierRecipe, replaceRecipe, type RecipeItem } from '../database/queries/stock.js';
import { productSearchKey } from '../services/catalog/product-writer.js';
import { applyToLevel, readLevel, writeLevel } from '../services/stock-ledger.js';
import { foldText } from '../utils/text.js';
import { overrides } from './merge.js';
import { unwrapUserPin } from './pin-wrap.js';
import { readShopKey } from './shop-key.js';
import { stampedFields, syncedEntity, type SyncedEntity } from './tables.js';

/** A change as the log holds it: its data still as stored (JSON text) or already parsed. */
export type IncomingChange = Omit<Change, 'data'> & { data: string | Record<string, unknown> };

type Row = Record<string, unknown>;

/**
 * Writes the rows of a batch of change-log entries into this database, in one transaction.
 * Facts are a set union by id; reference data merges per field, the later HLC winning. Applying the
 * same batch twice changes nothing. It never appends to the local change log and never queues a
 * webhook, a print or a live event: those happened on the terminal that made the change.
 *
 * Derived tables (order and ticket states, stock levels) are not shipped: they are caches of the
 * facts, so they are recomputed here as each fact lands, by the rules the scripts use.
 * Shipping them would let two terminals' caches overwrite each other.
 *
 * A pulled page goes through `applyPulledPage` (apply-page.ts), which also holds back a change
 * whose references have not arrived and moves the cursor in the same transaction.
 */
export function applyChanges(db: Db, changes: readonly IncomingChange[]): void {
  db.transaction(() => {
    for (const change of changes) {
      try {
        applyChange(db, change);
      } catch (error) {
        throw new Error(`Mudança ${change.entity} ${change.entityId} (${change.id}) não aplicada: ${(error as Error).message}`, { cause: error });
      }
    }
  }).immediate();
}

/** A change's data as this terminal keeps it: a user's PIN hash travels wrapped with the shop key and is opened here. */
export function arrivedData(db: Db, change: IncomingChange): Row {
  const sent = typeof change.data === 'string' ? (JSON.parse(change.data) as Row) : change.data;
  return change.entity === 'user' ? unwrapUserPin(readShopKey(db), change, sent) : sent;
}

/**
 * Writes one change; throws when it cannot (a reference not here yet shows as a foreign-key error).
 * `from: 'log'` is one of this terminal's own changes as its log holds it (its PIN hash not wrapped).
 */
export function applyChange(db: Db, change: IncomingChange, from: 'server' | 'log' = 'server', states?: OrderStateQueue): void {
  const entity = syncedEntity(change.entity);
  if (!entity) throw new Error(`Mudança de tipo desconhecido: ${change.entity}`);
  const data = from === 'server' ? arrivedData(db, change) : (change.data as Row);
  if (entity.kind === 'fact') applyFact(db, change, entity, data, states);
  else applyReference(db, change, entity, data);
}

const snakeCase = (field: string) => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

const tableColumns = new WeakMap<Db, Map<string, Set<string>>>();

function columnsOf(db: Db, table: string): Set<string> {
  let byTable = tableColumns.get(db);
  if (!byTable) tableColumns.set(db, (byTable = new Map()));
  let columns = byTable.get(table);
  if (!columns) {
    columns = new Set((db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name));
    byTable.set(table, columns);
  }
  return columns;
}

/** SQLite holds no booleans and no objects: flags become 0/1, structured values their JSON text. */
const storable = (value: unknown) => (typeof value === 'boolean' ? Number(value) : typeof value === 'object' && value !== null ? JSON.stringify(value) : value);

/** The entry's fields as the table's columns; a field the table does not know is a bug, not data to drop. */
function columnValues(db: Db, change: IncomingChange, entity: SyncedEntity, data: Row, fields: readonly string[]): Map<string, unknown> {
  const columns = columnsOf(db, entity.table);
  const childFields = new Set((entity.children ?? []).map((c) => c.field));
  const values = new Map<string, unknown>();
  for (const field of fields) {
    if (childFields.has(field) || data[field] === undefined) continue;
    const column = snakeCase(field);
    if (!columns.has(column)) throw new Error(`Campo ${field} desconhecido em ${change.entity} (${change.id}).`);
    values.set(column, storable(data[field]));
  }
  return values;
}

function applyFact(db: Db, change: IncomingChange, entity: SyncedEntity, data: Row, states?: OrderStateQueue): void {
  const values = columnValues(db, change, entity, data, Object.keys(data));
  if (columnsOf(db, entity.table).has('hlc')) values.set('hlc', change.hlc);
  const columns = [...values.keys()];
  const inserted = sql(
    db,
    // Only the same fact (same key) is a no-op: a clash on another unique column is an error, never a silent drop.
    `INSERT INTO ${entity.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ON CONFLICT (${entity.key.map(snakeCase).join(', ')}) DO NOTHING`,
  ).run(...values.values()).changes;
  // Already here: a fact never changes, so there is nothing more to do.
  if (inserted === 0) return;
  if (change.entity === 'kitchen_ticket') {
    insertTicketItems(db, data.id as string, data.items as TicketItem[]);
    queueTicket(db, data.id as string, data.orderId as string, data.createdAt as number);
  }
  if (change.entity === 'kitchen_event') {
    // Two terminals' moves may arrive in any order: a ticket never goes back.
    const status = data.status as 'preparing' | 'ready';
    const ticket = findTicket(db, data.ticketId as string);
    if (ticket && TICKET_STEPS[ticket.status] < TICKET_STEPS[status]) setTicketStatus(db, ticket.id, status, data.at as number);
  }
  if (change.entity === 'stock_movement') {
    const itemId = data.itemId as string;
    writeLevel(db, itemId, applyToLevel(readLevel(db, itemId), data.quantity as number, data.value as number), data.at as number);
  }
  const orderId = orderOf(db, change.entity, data);
  if (!orderId) return;
  if (states) states.touch(orderId, change.at);
  else writeOrderState(db, orderId, deriveOrderState(db, orderId), change.at);
}

/**
 * Order states to write while a batch is applied: once per order and script (its changes share
 * their time), not once per fact, with the same result, since a state is derived from every fact
 * of the order. The caller flushes at the end of the batch.
 */
export class OrderStateQueue {
  private pending: { orderId: string; at: number } | null = null;

  constructor(private readonly db: Db) {}

  touch(orderId: string, at: number): void {
    if (this.pending && (this.pending.orderId !== orderId || this.pending.at !== at)) this.flush();
    this.pending = { orderId, at };
  }

  flush(): void {
    if (!this.pending) return;
    const { orderId, at } = this.pending;
    writeOrderState(this.db, orderId, deriveOrderState(this.db, orderId), at);
    this.pending = null;
  }
}

/** The order whose state a fact moves, if any. */
export function orderOf(db: Db, entity: string, data: Row): string | undefined {
  if (entity === 'order') return data.id as string;
  if (entity === 'kitchen_event') return findTicket(db, data.ticketId as string)?.orderId;
  if (['order_line', 'order_discount', 'payment', 'refund', 'order_event', 'kitchen_ticket'].includes(entity)) return data.orderId as string;
  return undefined;
}

function applyReference(db: Db, change: IncomingChange, entity: SyncedEntity, data: Row): void {
  const stamps = readFieldStamps(db, change.entity, change.entityId);
  const where = entity.key.map((field) => `${snakeCase(field)} = ?`).join(' AND ');
  const keyValues = entity.key.map((field) => data[field]);
  // A recipe is nothing but its set of rows: there is no row of its own to merge.
  const ownsRow = !(entity.children ?? []).some((child) => child.tables.includes(entity.table));
  const stored = ownsRow ? (sql(db, `SELECT * FROM ${entity.table} WHERE ${where}`).get(...keyValues) as Row | undefined) : undefined;
  // A field no stamp speaks for was last written with the row itself.
  const rowStamp = typeof stored?.hlc === 'string' ? stored.hlc : undefined;
  const winners = stampedFields(entity, data).filter((field) => overrides(change.hlc, stamps.get(field) ?? rowStamp));
  if (winners.length === 0) return;

  if (ownsRow) {
    const values = columnValues(db, change, entity, data, winners);
    const hasHlc = columnsOf(db, entity.table).has('hlc');
    for (const [column, key] of Object.entries(searchKeys(change.entity, { ...stored, ...Object.fromEntries(values) }))) values.set(column, key);
    if (!stored) {
      for (const [i, field] of entity.key.entries()) values.set(snakeCase(field), keyValues[i]);
      if (hasHlc) values.set('hlc', change.hlc);
      const columns = [...values.keys()];
      sql(db, `INSERT INTO ${entity.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...values.values());
    } else if (values.size > 0) {
      if (hasHlc && overrides(change.hlc, rowStamp)) values.set('hlc', change.hlc);
      const sets = [...values.keys()].map((column) => `${column} = ?`).join(', ');
      sql(db, `UPDATE ${entity.table} SET ${sets} WHERE ${where}`).run(...values.values(), ...keyValues);
    }
  }
  for (const field of winners) applyChildren(db, change, field, data);
  keepFieldStamps(db, change.entity, change.entityId, winners, change.hlc);
}

/** Search keys follow the merged name (and code), not any one terminal's copy of them. */
function searchKeys(entity: string, row: Row): Record<string, string> {
  if (entity === 'product') return { search_key: productSearchKey(row.name as string, row.code as string, row.barcode as string | null) };
  if (entity === 'user') return { name_key: foldText(row.name as string) };
  if (entity === 'stock_item') return { search_key: foldText(row.name as string) };
  return {};
}

/** A set owned by a row is shipped whole and replaced whole when its field wins. */
function applyChildren(db: Db, change: IncomingChange, field: string, data: Row): void {
  const id = data.id as string;
  switch (`${change.entity}.${field}`) {
    case 'product.modifierGroupIds':
      return replaceProductGroups(db, id, data.modifierGroupIds as string[]);
    case 'product.comboSlots':
      return replaceComboSlots(db, id, data.comboSlots as ComboSlotInput[]);
    case 'modifier_group.options':
      return replaceModifierOptions(db, id, data.options as ModifierOptionInput[], change.hlc);
    case 'stock_item.units':
      return replaceItemUnits(db, id, data.units as { name: string; factor: number }[]);
    case 'recipe.items':
      return replaceRecipe(db, data.productId as string, data.items as RecipeItem[], change.hlc);
    case 'modifier_recipe.items':
      return replaceModifierRecipe(db, data.optionId as string, data.items as RecipeItem[], change.hlc);
  }
}
