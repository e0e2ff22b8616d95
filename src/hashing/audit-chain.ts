import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/** The hash that links one audit row to the one before it. The first row's previous hash is GENESIS. */
export const AUDIT_GENESIS = '0'.repeat(64);

export const auditRowHash = (previousHash: string, content: Record<string, unknown>): string =>
  createHash('sha256').update(previousHash).update('\n').update(canonicalJson(content)).digest('hex');

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');
