import type { Migration } from './migration.js';

/** An order counts as a sale once paid, and stops counting when voided (or if ever cancelled). */
const counted = (state: string) => `(${state}.paid_at IS NOT NULL AND ${state}.status NOT IN ('voided', 'cancelled'))`;

/**
 * What the counted orders chosen by `where` (over order_state s) sold of each product. The order's own
 * discount is shared over its lines by their running total, each share the difference of two floors,
 * so the shares add up to the discount to the centavo and every line's net is an integer.
 */
const insertSoldProducts = (where: string) => `
  INSERT INTO sold_products (order_id, product_id, business_day, lines, quantity, gross, discount, cost, uncosted_net, uncosted_lines)
  SELECT order_id, product_id, business_day, count(*), sum(quantity), sum(gross), sum(gross - net),
         sum(CASE WHEN cost_known THEN cost ELSE 0 END), sum(CASE WHEN cost_known THEN 0 ELSE net END), sum(1 - cost_known)
  FROM (
    SELECT l.order_id, l.product_id, o.business_day, l.quantity, l.unit_price * l.quantity AS gross, l.cost, l.cost_known,
           l.total - CASE WHEN s.subtotal > 0
             THEN (s.subtotal - s.total) * (sum(l.total) OVER running) / s.subtotal
                - (s.subtotal - s.total) * (sum(l.total) OVER running - l.total) / s.subtotal
             ELSE 0 END AS net
    FROM order_state s JOIN orders o ON o.id = s.order_id JOIN order_lines l ON l.order_id = s.order_id
    WHERE ${where}
    WINDOW running AS (PARTITION BY l.order_id ORDER BY l.position, l.id ROWS UNBOUNDED PRECEDING)
  )
  GROUP BY order_id, product_id;`;

const refreshOrder = (orderId: string) => `
  DELETE FROM sold_products WHERE order_id = ${orderId};
  ${insertSoldProducts(`s.order_id = ${orderId} AND ${counted('s')}`)}`;

const FIGURES = ['lines', 'quantity', 'gross', 'discount', 'cost', 'uncosted_net', 'uncosted_lines'] as const;

/**
 * Sales reports over years of sales must answer in milliseconds, so they read summaries kept up to
 * date by triggers on the facts and on order_state: one trigger set serves every path that writes
 * them (a sale, a void, a comanda's later items, a change applied by the sync from another terminal).
 *
 * - order_lines.cost_known: whether the line's cost of goods sold is known (a recipe whose items had
 *   an average cost). Lines stored before are known when the stock ledger shows them priced.
 * - sold_products: per counted order and product, what it sold, net of every discount.
 * - sales_by_day_product: the same summed per business day and product; sales_by_day per business day.
 */
export const migration022: Migration = {
  version: 22,
  name: 'sales-reports',
  up(db) {
    db.exec(`
      ALTER TABLE order_lines ADD COLUMN cost_known INTEGER NOT NULL DEFAULT 0 CHECK (cost_known IN (0, 1));
      DROP TRIGGER order_lines_no_update;
      UPDATE order_lines SET cost_known = 1
      WHERE EXISTS (SELECT 1 FROM stock_movements m WHERE m.order_id = order_lines.order_id AND m.order_line_id = order_lines.id AND m.kind = 'venda')
        AND NOT EXISTS (SELECT 1 FROM stock_movements m WHERE m.order_id = order_lines.order_id AND m.order_line_id = order_lines.id AND m.kind = 'venda' AND m.value = 0);
      CREATE TRIGGER order_lines_no_update BEFORE UPDATE ON order_lines BEGIN SELECT RAISE(ABORT, 'order_lines is immutable'); END;

      CREATE TABLE sold_products (
        order_id TEXT NOT NULL REFERENCES orders (id), product_id TEXT NOT NULL, business_day TEXT NOT NULL,
        lines INTEGER NOT NULL, quantity INTEGER NOT NULL, gross INTEGER NOT NULL, discount INTEGER NOT NULL,
        cost INTEGER NOT NULL, uncosted_net INTEGER NOT NULL, uncosted_lines INTEGER NOT NULL,
        PRIMARY KEY (order_id, product_id)
      ) STRICT;

      CREATE TABLE sales_by_day_product (
        business_day TEXT NOT NULL, product_id TEXT NOT NULL, orders INTEGER NOT NULL,
        lines INTEGER NOT NULL, quantity INTEGER NOT NULL, gross INTEGER NOT NULL, discount INTEGER NOT NULL,
        cost INTEGER NOT NULL, uncosted_net INTEGER NOT NULL, uncosted_lines INTEGER NOT NULL,
        PRIMARY KEY (business_day, product_id)
      ) STRICT;

      CREATE TABLE sales_by_day (
        business_day TEXT PRIMARY KEY, orders INTEGER NOT NULL,
        lines INTEGER NOT NULL, quantity INTEGER NOT NULL, gross INTEGER NOT NULL, discount INTEGER NOT NULL,
        cost INTEGER NOT NULL, uncosted_net INTEGER NOT NULL, uncosted_lines INTEGER NOT NULL
      ) STRICT;

      -- Row triggers see an order's products come and go one by one: its first one counts the order, its last one uncounts it.
      CREATE TRIGGER sales_by_day_add AFTER INSERT ON sold_products BEGIN
        INSERT INTO sales_by_day (business_day, orders, ${FIGURES.join(', ')})
        VALUES (NEW.business_day, NOT EXISTS (SELECT 1 FROM sold_products p WHERE p.order_id = NEW.order_id AND p.product_id <> NEW.product_id), ${FIGURES.map((f) => `NEW.${f}`).join(', ')})
        ON CONFLICT (business_day) DO UPDATE SET orders = orders + excluded.orders, ${FIGURES.map((f) => `${f} = ${f} + excluded.${f}`).join(', ')};
      END;
      CREATE TRIGGER sales_by_day_remove AFTER DELETE ON sold_products BEGIN
        UPDATE sales_by_day SET orders = orders - NOT EXISTS (SELECT 1 FROM sold_products p WHERE p.order_id = OLD.order_id),
          ${FIGURES.map((f) => `${f} = ${f} - OLD.${f}`).join(', ')}
        WHERE business_day = OLD.business_day;
        DELETE FROM sales_by_day WHERE business_day = OLD.business_day AND orders = 0;
      END;

      CREATE TRIGGER sales_by_day_product_add AFTER INSERT ON sold_products BEGIN
        INSERT INTO sales_by_day_product (business_day, product_id, orders, ${FIGURES.join(', ')})
        VALUES (NEW.business_day, NEW.product_id, 1, ${FIGURES.map((f) => `NEW.${f}`).join(', ')})
        ON CONFLICT (business_day, product_id) DO UPDATE SET orders = orders + 1, ${FIGURES.map((f) => `${f} = ${f} + excluded.${f}`).join(', ')};
      END;
      CREATE TRIGGER sales_by_day_product_remove AFTER DELETE ON sold_products BEGIN
        UPDATE sales_by_day_product SET orders = orders - 1, ${FIGURES.map((f) => `${f} = ${f} - OLD.${f}`).join(', ')}
        WHERE business_day = OLD.business_day AND product_id = OLD.product_id;
        -- Nothing sold is no row, whichever way the facts arrived (a void applied with its sale never adds one).
        DELETE FROM sales_by_day_product WHERE business_day = OLD.business_day AND product_id = OLD.product_id AND orders = 0;
      END;

      CREATE TRIGGER sold_products_state_insert AFTER INSERT ON order_state WHEN ${counted('NEW')} BEGIN
        ${refreshOrder('NEW.order_id')}
      END;
      -- A kitchen step changes nothing sold: only counting or not, or the money, does.
      CREATE TRIGGER sold_products_state_update AFTER UPDATE ON order_state
      WHEN ${counted('OLD')} IS NOT ${counted('NEW')} OR OLD.subtotal IS NOT NEW.subtotal OR OLD.discount IS NOT NEW.discount OR OLD.total IS NOT NEW.total
      BEGIN
        ${refreshOrder('NEW.order_id')}
      END;
      -- A line that reaches an order already counted (from another terminal, out of step) is counted too.
      CREATE TRIGGER sold_products_late_line AFTER INSERT ON order_lines
      WHEN EXISTS (SELECT 1 FROM order_state s WHERE s.order_id = NEW.order_id AND ${counted('s')})
      BEGIN
        ${refreshOrder('NEW.order_id')}
      END;

      -- The losses report reads one kind of movement over a period.
      CREATE INDEX stock_movements_losses ON stock_movements (at) WHERE kind = 'perda';

      ${insertSoldProducts(counted('s'))}
    `);
  },
};
