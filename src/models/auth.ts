import { z } from 'zod';
import { Empty, EpochMs, Id, PersonName, Pin } from './fields.js';
import type { OperationTable } from './operation.js';
import { Role } from './roles.js';

export const SessionUser = z.object({ id: Id, name: z.string(), role: Role });
export type SessionUser = z.infer<typeof SessionUser>;

const Credentials = z.strictObject({ name: PersonName, pin: Pin });

const SessionInfo = z.object({
  token: z.string(),
  user: SessionUser,
  idleLockMinutes: z.number().int().positive(),
});

export const authOperations = {
  'auth.roster': {
    summary: 'Nomes e papéis dos usuários ativos, para a tela de login.',
    input: Empty,
    output: z.array(SessionUser),
  },
  'auth.login': {
    summary: 'Entra com nome e PIN e recebe o token da sessão.',
    input: Credentials,
    output: SessionInfo,
  },
  'auth.logout': {
    summary: 'Encerra a sessão.',
    input: Empty,
    output: z.object({ ok: z.literal(true) }),
  },
  'auth.session': {
    summary: 'A sessão atual: usuário, se está bloqueada, loja e terminal.',
    input: Empty,
    output: z.object({
      user: SessionUser,
      locked: z.boolean(),
      idleLockMinutes: z.number().int().positive(),
      shopName: z.string(),
      terminalLetter: z.string(),
      timezone: z.string(),
    }),
  },
  'auth.lock': {
    summary: 'Bloqueia a tela. A sessão e o que estava na tela continuam.',
    input: Empty,
    output: z.object({ locked: z.literal(true) }),
  },
  'auth.unlock': {
    summary: 'Desbloqueia com o PIN do mesmo usuário, ou troca de usuário com o PIN de outro.',
    input: Credentials,
    output: SessionInfo.extend({ switched: z.boolean() }),
  },
  'auth.override': {
    summary:
      'Autorização de gerente: quem aprova digita o próprio PIN e recebe um token de uso único, ligado a uma operação e a um registro.',
    input: z.strictObject({
      name: PersonName,
      pin: Pin,
      operation: z.string({ error: 'Informe a operação.' }).regex(/^[a-z]+\.[A-Za-z]+$/, 'Operação inválida.'),
      recordId: z.string({ error: 'Informe o registro.' }).min(1, 'Informe o registro.').max(100),
    }),
    output: z.object({
      overrideToken: z.string(),
      expiresAt: EpochMs,
      approver: SessionUser,
    }),
  },
} satisfies OperationTable;
