import { auditHashAt, readAuditHead, verifyAuditChain } from '../../database/queries/audit.js';
import { lastPrintedAuditHead } from '../../database/queries/cash.js';
import type { Db } from '../../database/connection.js';
import { judgeWitness, shortAuditHash, type WitnessedHead } from '../../hashing/audit-witness.js';
import type { AuditWitnessCheck } from '../../models/audit.js';
import { MANAGER_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';

type Source = AuditWitnessCheck['source'];

const WITNESS_NAMES: Record<Source, string> = {
  file: 'o arquivo audit-head.json deste computador',
  server: 'o servidor da loja',
  z: 'o último relatório Z impresso',
};

function check(db: Db, lastSeq: number, source: Source, witness: WitnessedHead): AuditWitnessCheck {
  const verdict = judgeWitness(lastSeq, auditHashAt(db, witness.seq), witness);
  const name = WITNESS_NAMES[source];
  const message =
    verdict === 'agrees'
      ? `Confere com ${name} (registro nº ${witness.seq}).`
      : verdict === 'rows-missing'
        ? `Faltam registros no fim da auditoria: ${name} viu até o registro nº ${witness.seq}, e este banco ${lastSeq === 0 ? 'não tem nenhum' : `termina no nº ${lastSeq}`}.`
        : `A auditoria foi reescrita: o registro nº ${witness.seq} não tem o hash que ${name} guardou (${shortAuditHash(witness.hash)}…).`;
  return { source, seq: witness.seq, hash: witness.hash, at: witness.at, verdict, message };
}

/**
 * The chain is walked row by row (a row changed or removed from the middle breaks it), and its end
 * is compared with the heads seen outside the database file: the file beside it, the shop's server
 * (asked now when it answers, else as last seen) and the last Z report printed. Rows cut from the
 * end, or a chain rewritten whole, disagree with them.
 */
export default defineScript('audit.verify', {
  roles: MANAGER_ROLES,
  readOnly: true,
  async prepare(_input, ctx) {
    if (!ctx.sync?.connected) return { server: null, asked: false };
    try {
      return { server: await ctx.sync.auditHeadOnServer(), asked: true };
    } catch {
      return { server: null, asked: false };
    }
  },
  run(tx, _input, ctx, prepared) {
    const chain = verifyAuditChain(tx);
    const head = readAuditHead(tx);
    const outside = ctx.auditHeadFile?.read() ?? { local: null, server: null, readable: true };
    const server = prepared.asked ? prepared.server : outside.server;
    const seen: [Source, WitnessedHead | null | undefined][] = [
      ['file', outside.local],
      ['server', server],
      ['z', lastPrintedAuditHead(tx, ctx.terminal.id)],
    ];
    const witnesses = seen.flatMap(([source, witness]) => (witness ? [check(tx, head?.seq ?? 0, source, witness)] : []));
    const notes = [
      !outside.readable && 'O arquivo audit-head.json está ilegível (danificado ou trocado): ele não serviu de testemunha.',
      ctx.sync?.connected && !prepared.asked && 'O servidor da loja não respondeu agora: vale o último registro dele visto por este terminal.',
      witnesses.length === 0 &&
        'Ainda não há registro da auditoria fora deste banco (terminal novo: nenhum Z impresso, nenhuma sincronização): só a corrente foi conferida.',
    ].filter((note): note is string => typeof note === 'string');
    return {
      ...chain,
      ok: chain.ok && witnesses.every((w) => w.verdict === 'agrees'),
      head,
      witnesses,
      note: notes.length > 0 ? notes.join(' ') : null,
    };
  },
});
