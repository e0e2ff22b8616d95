import type { Db } from '../connection.js';
import { sql } from '../statements.js';
import { PAYMENT_METHODS, type PaymentMethod } from '../../models/money.js';
import type { CashReport } from '../../models/cash.js';
import type { WitnessedHead } from '../../hashing/audit-witness.js';

export interface SessionRow {
  id: string;
  terminalId: string;
  openedBy: string;
  openedByName: string;
  openedAt: number;
  openingFloat: number;
}

const SESSION_COLUMNS = `s.id, s.terminal_id AS terminalId, s.opened_by AS openedBy, s.opened_by_name AS openedByName,
  s.opened_at AS openedAt, s.opening_float AS openingFloat`;

/** The caixa open on a terminal: opened and not yet closed. */
export const openSession = (db: Db, terminalId: string): SessionRow | undefined =>
  sql<[string], SessionRow>(
    db,
    `SELECT ${SESSION_COLUMNS} FROM cash_sessions s
     WHERE s.terminal_id = ? AND NOT EXISTS (SELECT 1 FROM cash_closings c WHERE c.session_id = s.id)
     ORDER BY s.opened_at DESC LIMIT 1`,
  ).get(terminalId);

/** Every caixa open now on any terminal this database knows (its own and those sync brought), oldest first. */
export const openSessions = (db: Db): (SessionRow & { terminalLetter: string })[] =>
  sql<[], SessionRow & { terminalLetter: string }>(
    db,
    `SELECT ${SESSION_COLUMNS}, coalesce(t.letter, '') AS terminalLetter FROM cash_sessions s LEFT JOIN terminals t ON t.id = s.terminal_id
     WHERE NOT EXISTS (SELECT 1 FROM cash_closings c WHERE c.session_id = s.id)
     ORDER BY s.opened_at, s.rowid`,
  ).all();

export const findSession = (db: Db, id: string): SessionRow | undefined =>
  sql<[string], SessionRow>(db, `SELECT ${SESSION_COLUMNS} FROM cash_sessions s WHERE s.id = ?`).get(id);

export function insertSession(db: Db, row: SessionRow & { hlc: string }): void {
  sql(
    db,
    `INSERT INTO cash_sessions (id, terminal_id, opened_by, opened_by_name, opened_at, opening_float, hlc)
     VALUES (@id, @terminalId, @openedBy, @openedByName, @openedAt, @openingFloat, @hlc)`,
  ).run(row);
}

export interface MovementRow {
  id: string;
  sessionId: string;
  kind: 'suprimento' | 'sangria';
  amount: number;
  reason: string;
  userId: string;
  userName: string;
  at: number;
  hlc: string;
}

export function insertMovement(db: Db, row: MovementRow): void {
  sql(
    db,
    `INSERT INTO cash_movements (id, session_id, kind, amount, reason, user_id, user_name, at, hlc)
     VALUES (@id, @sessionId, @kind, @amount, @reason, @userId, @userName, @at, @hlc)`,
  ).run(row);
}

export const findMovement = (db: Db, id: string): MovementRow | undefined =>
  sql<[string], MovementRow>(
    db,
    `SELECT id, session_id AS sessionId, kind, amount, reason, user_id AS userId, user_name AS userName, at, hlc FROM cash_movements WHERE id = ?`,
  ).get(id);

interface ClosingRow {
  closedBy: string;
  closedByName: string;
  closedAt: number;
  counted: string;
  expected: string;
  auditSeq: number | null;
  auditHash: string | null;
}

export const findClosing = (db: Db, sessionId: string): ClosingRow | undefined =>
  sql<[string], ClosingRow>(
    db,
    `SELECT closed_by AS closedBy, closed_by_name AS closedByName, closed_at AS closedAt, counted, expected, audit_seq AS auditSeq, audit_hash AS auditHash
     FROM cash_closings WHERE session_id = ?`,
  ).get(sessionId);

/** The audit head printed on the last Z report of this terminal's caixas: a witness of its chain on paper. */
export const lastPrintedAuditHead = (db: Db, terminalId: string): WitnessedHead | undefined =>
  sql<[string], WitnessedHead>(
    db,
    `SELECT c.audit_seq AS seq, c.audit_hash AS hash, c.closed_at AS at FROM cash_closings c JOIN cash_sessions s ON s.id = c.session_id
     WHERE s.terminal_id = ? AND c.audit_seq IS NOT NULL ORDER BY c.audit_seq DESC LIMIT 1`,
  ).get(terminalId);

export function insertClosing(
  db: Db,
  row: {
    sessionId: string;
    closedBy: string;
    closedByName: string;
    closedAt: number;
    counted: Record<PaymentMethod, number>;
    expected: Record<PaymentMethod, number>;
    auditSeq: number | null;
    auditHash: string | null;
    hlc: string;
  },
): void {
  sql(
    db,
    `INSERT INTO cash_closings (session_id, closed_by, closed_by_name, closed_at, counted, expected, audit_seq, audit_hash, hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(row.sessionId, row.closedBy, row.closedByName, row.closedAt, JSON.stringify(row.counted), JSON.stringify(row.expected), row.auditSeq, row.auditHash, row.hlc);
}

export const findConfirmation = (db: Db, sessionId: string) =>
  sql<[string], { confirmedByName: string; confirmedAt: number }>(
    db,
    'SELECT confirmed_by_name AS confirmedByName, confirmed_at AS confirmedAt FROM cash_confirmations WHERE session_id = ?',
  ).get(sessionId);

export function insertConfirmation(db: Db, row: { sessionId: string; confirmedBy: string; confirmedByName: string; confirmedAt: number; hlc: string }): void {
  sql(db, 'INSERT INTO cash_confirmations (session_id, confirmed_by, confirmed_by_name, confirmed_at, hlc) VALUES (?, ?, ?, ?, ?)').run(
    row.sessionId,
    row.confirmedBy,
    row.confirmedByName,
    row.confirmedAt,
    row.hlc,
  );
}

export const listSessions = (db: Db, terminalId: string, limit: number): SessionRow[] =>
  sql<[string, number], SessionRow>(db, `SELECT ${SESSION_COLUMNS} FROM cash_sessions s WHERE s.terminal_id = ? ORDER BY s.opened_at DESC LIMIT ?`).all(terminalId, limit);

/**
 * What the drawer should hold, per method. Cash: float + cash received − change given + suprimentos
 * − sangrias − cash refunds. Change is never counted as cash received.
 */
export function expectedBySession(db: Db, session: SessionRow) {
  const byMethod = new Map(
    sql<[string], { method: PaymentMethod; sales: number; received: number; change: number }>(
      db,
      `SELECT method, sum(amount) AS sales, coalesce(sum(tendered), 0) AS received, coalesce(sum(change), 0) AS change
       FROM payments WHERE cash_session_id = ? GROUP BY method`,
    )
      .all(session.id)
      .map((row) => [row.method, row]),
  );
  const refunds = new Map(
    sql<[string], { method: PaymentMethod; amount: number }>(db, 'SELECT method, sum(amount) AS amount FROM refunds WHERE cash_session_id = ? GROUP BY method')
      .all(session.id)
      .map((row) => [row.method, row.amount]),
  );
  const moves = sql<[string], { kind: 'suprimento' | 'sangria'; amount: number }>(
    db,
    'SELECT kind, sum(amount) AS amount FROM cash_movements WHERE session_id = ? GROUP BY kind',
  ).all(session.id);
  const suprimentos = moves.find((m) => m.kind === 'suprimento')?.amount ?? 0;
  const sangrias = moves.find((m) => m.kind === 'sangria')?.amount ?? 0;
  const cashRow = byMethod.get('cash');
  const cash = {
    openingFloat: session.openingFloat,
    received: cashRow?.received ?? 0,
    change: cashRow?.change ?? 0,
    suprimentos,
    sangrias,
    refunds: refunds.get('cash') ?? 0,
    expected: 0,
  };
  cash.expected = cash.openingFloat + cash.received - cash.change + cash.suprimentos - cash.sangrias - cash.refunds;
  const methods = PAYMENT_METHODS.map((method) => {
    const sales = byMethod.get(method)?.sales ?? 0;
    const refunded = refunds.get(method) ?? 0;
    return { method, sales, refunds: refunded, expected: method === 'cash' ? cash.expected : sales - refunded };
  });
  return { cash, methods };
}

/**
 * The caixa's orders: those sold in it and not cancelled nor voided in it, and the voids it made. A
 * void belongs to the caixa open when it happened, so voiding an order of a closed caixa later shows
 * in the caixa that refunded it and leaves the closed one as it was.
 */
export function sessionOrderFigures(db: Db, sessionId: string): CashReport['orders'] {
  const sold = `FROM orders o JOIN order_state s ON s.order_id = o.id WHERE o.cash_session_id = @id AND s.status <> 'cancelled'
    AND NOT EXISTS (SELECT 1 FROM order_events e WHERE e.order_id = o.id AND e.kind = 'voided' AND e.cash_session_id = @id)`;
  return sql<[{ id: string }], CashReport['orders']>(
    db,
    `SELECT
       (SELECT count(*) ${sold}) AS count,
       (SELECT coalesce(sum(s.total), 0) ${sold}) AS total,
       (SELECT coalesce(sum(s.discount), 0) ${sold}) AS discounts,
       (SELECT count(*) FROM orders o JOIN order_state s ON s.order_id = o.id WHERE o.cash_session_id = @id AND s.status = 'cancelled') AS cancelled,
       (SELECT count(*) FROM order_events WHERE cash_session_id = @id AND kind = 'voided') AS voided,
       (SELECT coalesce(sum(amount), 0) FROM refunds WHERE cash_session_id = @id) AS voidedTotal`,
  ).get({ id: sessionId })!;
}

export const sessionMovements = (db: Db, sessionId: string) =>
  sql<[string], CashReport['movements'][number]>(
    db,
    'SELECT id, kind, amount, reason, at, user_name AS byName FROM cash_movements WHERE session_id = ? ORDER BY at, rowid',
  ).all(sessionId);
