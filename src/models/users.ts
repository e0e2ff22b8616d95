import { z } from 'zod';
import { EpochMs, Id, PersonName, Pin } from './fields.js';
import type { OperationTable } from './operation.js';
import { Role } from './roles.js';

export const UserView = z.object({
  id: Id,
  name: z.string(),
  role: Role,
  active: z.boolean(),
  lockedUntil: EpochMs.nullable(),
  createdAt: EpochMs,
});
export type UserView = z.infer<typeof UserView>;

const UserRef = z.strictObject({ id: Id });
const UserIdResult = z.object({ id: Id });

export const usersOperations = {
  'users.list': {
    summary: 'Lista os usuários, com o bloqueio por PIN de cada um.',
    input: z.strictObject({ includeInactive: z.boolean().optional() }),
    output: z.array(UserView),
  },
  'users.create': {
    summary: 'Cria um usuário com papel e PIN. O id pode vir da tela, para que repetir o pedido não crie dois.',
    input: z.strictObject({ id: Id.optional(), name: PersonName, role: Role, pin: Pin }),
    output: UserIdResult,
  },
  'users.update': {
    summary: 'Muda o nome ou o papel de um usuário. Subir para gerente ou administrador pede um PIN novo, mais longo.',
    input: z.strictObject({ id: Id, name: PersonName.optional(), role: Role.optional(), pin: Pin.optional() }),
    output: UserIdResult,
  },
  'users.deactivate': {
    summary: 'Desativa um usuário e encerra as sessões dele. O histórico continua.',
    input: UserRef,
    output: UserIdResult,
  },
  'users.resetPin': {
    summary: 'Define um novo PIN para o usuário e desfaz o bloqueio.',
    input: z.strictObject({ id: Id, pin: Pin }),
    output: UserIdResult,
  },
  'users.unlock': {
    summary: 'Desfaz o bloqueio por PINs errados antes do prazo.',
    input: UserRef,
    output: UserIdResult,
  },
} satisfies OperationTable;
