/**
 * Every table of the schema, classified for the sync. A change-log entry names an entity; each
 * entity writes one table (and, for a few, the child rows it owns). The rebuild test iterates this
 * list, so a new table must be placed here before it can ship.
 *
 * - fact: immutable rows, merged as a set union by id (insert once, never update).
 * - reference: mutable rows, merged per field by HLC (last writer wins, ties by terminal id).
 * - derived: recomputed from the facts when they are applied, never shipped.
 * - local: belongs to this terminal only (the reason is beside each).
 */

export interface ChildSet {
  /** The field of the entry that carries the set. */
  field: string;
  /** The tables the set writes, for the classification. */
  tables: readonly string[];
}

export interface SyncedEntity {
  table: string;
  kind: 'fact' | 'reference';
  /** Columns that identify the row; every entry carries them in its data (camelCase). */
  key: readonly string[];
  /** Sets owned by the row, shipped whole as one field of its entry (recipes, units, options…). */
  children?: readonly ChildSet[];
}

export const SYNCED_ENTITIES = {
  // Reference data: the shop, who works there, what it sells and what it stocks.
  shop: { table: 'shop', kind: 'reference', key: ['id'] },
  terminal: { table: 'terminals', kind: 'reference', key: ['id'] },
  setting: { table: 'settings', kind: 'reference', key: ['key'] },
  // The PIN hash leaves the terminal wrapped with the shop key, which never goes to the server (pin-wrap.ts).
  user: { table: 'users', kind: 'reference', key: ['id'] },
  category: { table: 'categories', kind: 'reference', key: ['id'] },
  product: {
    table: 'products',
    kind: 'reference',
    key: ['id'],
    children: [
      { field: 'modifierGroupIds', tables: ['product_modifier_groups'] },
      { field: 'comboSlots', tables: ['combo_slots', 'combo_slot_options'] },
    ],
  },
  modifier_group: { table: 'modifier_groups', kind: 'reference', key: ['id'], children: [{ field: 'options', tables: ['modifier_options'] }] },
  stock_item: { table: 'stock_items', kind: 'reference', key: ['id'], children: [{ field: 'units', tables: ['stock_item_units'] }] },
  supplier: { table: 'suppliers', kind: 'reference', key: ['id'] },
  recipe: { table: 'recipes', kind: 'reference', key: ['productId'], children: [{ field: 'items', tables: ['recipes'] }] },
  modifier_recipe: { table: 'modifier_recipes', kind: 'reference', key: ['optionId'], children: [{ field: 'items', tables: ['modifier_recipes'] }] },
  // A count's entries are re-typed until it closes: the last entry wins.
  count_line: { table: 'count_lines', kind: 'reference', key: ['countId', 'itemId'] },

  // Facts: what happened, never rewritten.
  cash_session: { table: 'cash_sessions', kind: 'fact', key: ['id'] },
  cash_closing: { table: 'cash_closings', kind: 'fact', key: ['sessionId'] },
  cash_confirmation: { table: 'cash_confirmations', kind: 'fact', key: ['sessionId'] },
  cash_movement: { table: 'cash_movements', kind: 'fact', key: ['id'] },
  order: { table: 'orders', kind: 'fact', key: ['id'] },
  order_line: { table: 'order_lines', kind: 'fact', key: ['id'] },
  order_discount: { table: 'order_discounts', kind: 'fact', key: ['id'] },
  payment: { table: 'payments', kind: 'fact', key: ['id'] },
  refund: { table: 'refunds', kind: 'fact', key: ['id'] },
  order_event: { table: 'order_events', kind: 'fact', key: ['id'] },
  // A ticket's items (a line, or one chosen product of a combo, at its station) are fixed when it is created, so they travel with it.
  kitchen_ticket: { table: 'kitchen_tickets', kind: 'fact', key: ['id'], children: [{ field: 'items', tables: ['kitchen_ticket_items'] }] },
  kitchen_event: { table: 'kitchen_ticket_events', kind: 'fact', key: ['id'] },
  stock_movement: { table: 'stock_movements', kind: 'fact', key: ['id'] },
  count: { table: 'counts', kind: 'fact', key: ['id'] },
  count_closing: { table: 'count_closings', kind: 'fact', key: ['countId'] },
  feedback: { table: 'feedback', kind: 'fact', key: ['id'] },
  feedback_handling: { table: 'feedback_handling', kind: 'fact', key: ['feedbackId'] },
} as const satisfies Record<string, SyncedEntity>;

export type EntityName = keyof typeof SYNCED_ENTITIES;

export const syncedEntity = (entity: string): SyncedEntity | undefined =>
  Object.hasOwn(SYNCED_ENTITIES, entity) ? SYNCED_ENTITIES[entity as EntityName] : undefined;

/**
 * Kept in the same transaction for the screens' queries; the applier recomputes them from the facts
 * (the sales summaries by triggers on order_state and order_lines, so they follow every path).
 */
export const DERIVED_TABLES = ['order_state', 'kitchen_ticket_state', 'stock_levels', 'sold_products', 'sales_by_day_product', 'sales_by_day'] as const;

/** Tables that never leave this terminal, and why. */
export const LOCAL_TABLES = {
  meta: 'who this terminal is (its id, letter, secrets)',
  order_counters: "this terminal's own gap-free order numbers",
  held_carts: 'a parked cart is not a sale; it belongs to the counter that parked it',
  print_jobs: 'paper comes out of the printer of the terminal that sold',
  pin_attempts: 'a wrong PIN on a tablet must never lock the cashier at the counter out',
  overrides: 'single-use manager approvals, spent on the terminal that asked for them',
  audit_log: "each terminal's hash chain; merging rows from others would break it",
  change_log: 'the log itself is what ships',
  change_log_state: "this terminal's sequence and last stamp",
  change_field_stamps: 'merge bookkeeping, rebuilt from the entries it applies',
  webhook_endpoints: 'webhooks leave from the terminal that wrote the fact (and hold secrets); one endpoint per terminal never delivers twice',
  webhook_queue: 'the outbox of this terminal',
  webhook_events: 'the outbox of this terminal',
  webhook_deliveries: 'the outbox of this terminal',
  webhook_attempts: 'the outbox of this terminal',
  request_replies: "the answers this terminal gave, so a retry sent to it gets the same one",
  board_links: "a read-only board link opens this terminal's board, served by this terminal",
  devices: 'a paired tablet or TV talks to the terminal it was paired with',
  device_pairings: 'pairing codes are asked of and confirmed on one terminal',
  sync_push_state: 'how much of this terminal\'s log the server holds',
  sync_held: 'changes received that wait for what they refer to',
  order_renumberings: 'what a terminal restored from a backup renumbered, so its own orders could take the numbers it had lost',
  sync_cursor: 'how much of each other terminal\'s log this terminal has applied',
  publish_pending: "this terminal's orders whose document on the shop's server is stale: each terminal publishes its own",
  chain_shops: "the other shops this terminal reads; their passwords are in this terminal's secret store",
  catalog_versions: "when this terminal's catalog last changed, kept by its own triggers for its counters' kept catalogs, whatever wrote the rows",
  feedback_contacts: "a customer's contact data stays where it was given until the sync can carry its erasure (LGPD)",
} as const;

/** Every table the synced entities write, their child sets included. */
export const syncedTables = (): string[] => [
  ...new Set(Object.values(SYNCED_ENTITIES).flatMap((e: SyncedEntity) => [e.table, ...(e.children ?? []).flatMap((c) => c.tables)])),
];

/** The fields of a reference entry that carry a value (its key columns only say which row). */
export const stampedFields = (entity: SyncedEntity, data: Record<string, unknown>): string[] =>
  Object.keys(data).filter((field) => data[field] !== undefined && !entity.key.includes(field));
