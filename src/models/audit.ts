import { z } from 'zod';
import { Empty, EpochMs, Id } from './fields.js';
import type { OperationTable } from './operation.js';

export const AUDIT_RESULTS = ['ok', 'denied', 'failed'] as const;

export const AuditRow = z.object({
  seq: z.number().int(),
  id: Id,
  at: EpochMs,
  terminalId: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  action: z.string(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  result: z.enum(AUDIT_RESULTS),
  approverId: z.string().nullable(),
  approverName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditRow = z.infer<typeof AuditRow>;

export const AuditHead = z.object({ seq: z.number().int(), hash: z.string() });

/** One head seen outside the database file, and how the chain stands against it. */
export const AUDIT_WITNESSES = ['file', 'server', 'z'] as const;
export const AuditWitnessCheck = AuditHead.extend({
  source: z.enum(AUDIT_WITNESSES),
  at: EpochMs,
  verdict: z.enum(['agrees', 'rows-missing', 'rewritten']),
  message: z.string(),
});
export type AuditWitnessCheck = z.infer<typeof AuditWitnessCheck>;

export const auditOperations = {
  'audit.list': {
    summary: 'Registros da auditoria, do mais novo ao mais antigo, com filtros.',
    input: z.strictObject({
      from: EpochMs.optional(),
      to: EpochMs.optional(),
      action: z.string().max(60).optional(),
      userId: Id.optional(),
      result: z.enum(AUDIT_RESULTS).optional(),
      beforeSeq: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).optional(),
    }),
    output: z.object({ rows: z.array(AuditRow), nextBeforeSeq: z.number().int().nullable() }),
  },
  'audit.verify': {
    summary:
      'Confere a corrente de hashes da auditoria e aponta o primeiro registro adulterado; compara o fim da corrente com o visto fora do banco ' +
      '(arquivo audit-head.json, servidor da loja, último Z impresso), o que revela registros apagados do fim ou a corrente reescrita.',
    input: Empty,
    output: z.object({
      ok: z.boolean(),
      rows: z.number().int(),
      badRowId: Id.optional(),
      head: AuditHead.nullable(),
      witnesses: z.array(AuditWitnessCheck),
      note: z.string().nullable(),
    }),
  },
} satisfies OperationTable;
