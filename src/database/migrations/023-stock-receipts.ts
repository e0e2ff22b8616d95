import type { Migration } from './migration.js';

/**
 * The receipts of each item, apart from its sales: the stock alerts look for the newest receipts
 * still on the shelf, and through the item's index they had to step over a year of sales to find them.
 * Only receipts are in it, so a sale writes nothing more.
 */
export const migration023: Migration = {
  version: 23,
  name: 'stock-receipts',
  up(db) {
    db.exec("CREATE INDEX stock_movements_receipts ON stock_movements (item_id, at) WHERE kind = 'entrada';");
  },
};
