import { createHash } from 'node:crypto';
import type { Db } from '../database/connection.js';
import { deleteRepliesBefore, findReply, insertReply } from '../database/queries/request-replies.js';
import { BusinessError, Rejection } from '../exceptions/business-error.js';
import { canonicalJson } from '../hashing/canonical-json.js';

/**
 * How a script that creates something from an id the screen made answers a retry (double click,
 * lost reply, reconnect): the same request gets the stored answer, another request under the same
 * id gets CONFLICT. Never a stored answer to a different question.
 */
export interface RetryRule<I> {
  /** The id the screen made, with the kind of thing it names ("order:<id>"); kinds share ids across operations. */
  key(input: I): string;
  /** What makes two requests the same (the whole input unless said otherwise). */
  content?(input: I): unknown;
  /** What the screen is told, and the field it concerns, when the same key comes with another request. */
  conflict: { message: string; field: string };
}

export const requestFingerprint = (operation: string, content: unknown): string =>
  createHash('sha256').update(operation).update('\n').update(canonicalJson(content)).digest('hex');

/** Runs the body once per key, inside the caller's transaction, and keeps its answer for the retries. */
export function answerOnce<I>(tx: Db, operation: string, rule: RetryRule<I>, input: I, now: number, run: () => unknown): unknown {
  const key = rule.key(input);
  const fingerprint = requestFingerprint(operation, rule.content ? rule.content(input) : input);
  const stored = findReply(tx, key);
  if (stored) {
    if (stored.fingerprint !== fingerprint) throw new BusinessError('CONFLICT', rule.conflict.message, rule.conflict.field);
    return JSON.parse(stored.reply) as unknown;
  }
  const reply = run();
  if (!(reply instanceof Rejection)) insertReply(tx, { key, operation, fingerprint, reply: JSON.stringify(reply), at: now });
  return reply;
}

/** A screen retries within minutes (a double click, a lost reply, a reconnect); a month is far beyond any retry. */
export const REPLY_KEEP_DAYS = 30;
const FORGET_BATCH = 500;

/**
 * Forgets the answers older than REPLY_KEEP_DAYS, a few hundred per transaction with the event loop
 * free in between, so a year's backlog never holds a sale up. A clock set back forgets nothing more.
 */
export async function forgetOldReplies(db: Db, now: number): Promise<number> {
  const before = now - REPLY_KEEP_DAYS * 86_400_000;
  let forgotten = 0;
  // A restore may close the database between two batches: what is left goes at the next pass.
  while (db.open) {
    const gone = db.transaction(() => deleteRepliesBefore(db, before, FORGET_BATCH)).immediate();
    forgotten += gone;
    if (gone < FORGET_BATCH) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return forgotten;
}
