import type { Db } from '../../database/connection.js';
import {
  expectedBySession,
  findClosing,
  findConfirmation,
  sessionMovements,
  sessionOrderFigures,
  type SessionRow,
} from '../../database/queries/cash.js';
import { terminalLetter } from '../../database/queries/meta.js';
import type { CashReport } from '../../models/cash.js';
import type { PaymentMethod } from '../../models/money.js';

/** A caixa is named by the terminal it was opened on, whichever terminal reads it. */
export function sessionInfo(db: Db, session: SessionRow): CashReport['session'] {
  const closing = findClosing(db, session.id);
  const confirmation = findConfirmation(db, session.id);
  return {
    id: session.id,
    terminalLetter: terminalLetter(db, session.terminalId) ?? '',
    status: closing ? 'closed' : 'open',
    openedAt: session.openedAt,
    openedByName: session.openedByName,
    openingFloat: session.openingFloat,
    closedAt: closing?.closedAt ?? null,
    closedByName: closing?.closedByName ?? null,
    confirmedAt: confirmation?.confirmedAt ?? null,
    confirmedByName: confirmation?.confirmedByName ?? null,
  };
}

/**
 * The X report of an open caixa, or the Z report of a closed one. A closed caixa's expected figures
 * are the ones frozen at closing, so its Z report never changes.
 */
export function buildCashReport(db: Db, session: SessionRow): CashReport {
  const info = sessionInfo(db, session);
  const closing = findClosing(db, session.id);
  const { cash, methods } = expectedBySession(db, session);
  const counted = closing ? (JSON.parse(closing.counted) as Record<PaymentMethod, number>) : null;
  const frozen = closing ? (JSON.parse(closing.expected) as Record<PaymentMethod, number>) : null;
  return {
    kind: closing ? 'Z' : 'X',
    session: info,
    methods: methods.map((line) => {
      const expected = frozen ? frozen[line.method] : line.expected;
      const count = counted ? counted[line.method] : null;
      return { ...line, expected, counted: count, difference: count === null ? null : count - expected };
    }),
    cash: frozen ? { ...cash, expected: frozen.cash } : cash,
    orders: sessionOrderFigures(db, session.id),
    movements: sessionMovements(db, session.id),
    auditHead: closing?.auditSeq != null && closing.auditHash != null ? { seq: closing.auditSeq, hash: closing.auditHash } : null,
  };
}
