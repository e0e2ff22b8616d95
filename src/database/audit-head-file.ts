import { judgeWitness, type WitnessedHead } from '../hashing/audit-witness.js';
import { readSealedFile, unsealed, writeSealedFile } from '../utils/sealed-file.js';
import type { Db } from './connection.js';
import { auditHashAt, readAuditHead } from './queries/audit.js';

export const AUDIT_HEAD_FILE = 'audit-head.json';

/** What the file holds: the chain's head as last recorded here, and the last one the shop's server held for this terminal. */
export interface OutsideHeads {
  local: WitnessedHead | null;
  server: WitnessedHead | null;
  /** False when a file is there but cannot be read (damaged or replaced). */
  readable: boolean;
}

const isHead = (value: unknown): value is WitnessedHead => {
  const head = value as WitnessedHead | null;
  return typeof head?.seq === 'number' && typeof head.hash === 'string' && typeof head.at === 'number';
};

/**
 * `audit-head.json` beside the database, readable by this user only: a witness of the audit chain
 * outside the file. Recorded at moments that cost no sale (a caixa close, a sync round, every few
 * minutes, the app's close), never per write. A chain that no longer reaches the recorded head
 * (rows cut from its end, or rewritten) does not move it: the file keeps the evidence.
 */
export class AuditHeadFile {
  constructor(private readonly path: string) {}

  read(): OutsideHeads {
    try {
      const parsed = JSON.parse(readSealedFile(this.path, unsealed) ?? '{}') as Record<string, unknown>;
      return { local: isHead(parsed.local) ? parsed.local : null, server: isHead(parsed.server) ? parsed.server : null, readable: true };
    } catch {
      return { local: null, server: null, readable: false };
    }
  }

  /** Records the chain's head now, when it continues the one recorded. */
  checkpoint(db: Db, at: number): void {
    const head = readAuditHead(db);
    const { local, server } = this.read();
    if (!head || (local?.seq === head.seq && local.hash === head.hash)) return;
    if (local && judgeWitness(head.seq, auditHashAt(db, local.seq), local) !== 'agrees') return;
    this.write({ local: { ...head, at }, server });
  }

  /**
   * A restored database: its chain is older than the head recorded here, rightly. The head moves to
   * it (the restore's audit row keeps the replaced one); what the server holds stays as evidence.
   */
  restartAt(db: Db, at: number): void {
    const head = readAuditHead(db);
    this.write({ local: head ? { ...head, at } : null, server: this.read().server });
  }

  /** The head the shop's server holds for this terminal, as last seen. */
  noteServer(server: WitnessedHead): void {
    const { local } = this.read();
    this.write({ local, server });
  }

  private write(heads: Omit<OutsideHeads, 'readable'>): void {
    writeSealedFile(this.path, unsealed, JSON.stringify(heads));
  }
}
