import { z } from 'zod';
import { Empty, Id, PersonName, Pin } from './fields.js';
import type { OperationTable } from './operation.js';
import { JoinCodeText, SyncConnectionInput, SyncStatus } from './sync.js';

export const TerminalLetter = z
  .string({ error: 'Informe a letra do terminal.' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]$/, 'A letra do terminal deve ser uma única letra de A a Z.');

export const setupOperations = {
  'setup.status': {
    summary: 'Diz se a loja já foi configurada neste terminal.',
    input: Empty,
    output: z.object({
      initialized: z.boolean(),
      shopName: z.string().optional(),
      terminalLetter: z.string().optional(),
    }),
  },
  'setup.initialize': {
    summary: 'Primeira configuração: loja, letra do terminal e o administrador. Só funciona com o banco vazio, neste computador ou com o código de configuração mostrado ao iniciar.',
    input: z.strictObject({
      shopName: z
        .string({ error: 'Informe o nome da loja.' })
        .trim()
        .min(2, 'O nome da loja precisa de pelo menos 2 letras.')
        .max(80, 'O nome da loja pode ter no máximo 80 caracteres.'),
      terminalLetter: TerminalLetter,
      adminName: PersonName,
      adminPin: Pin,
      /** Needed only from another device: the one-time code browser mode shows when it starts. */
      setupCode: z.string().trim().max(40).optional(),
    }),
    output: z.object({ shopId: Id, terminalId: Id, adminId: Id }),
  },
  'setup.join': {
    summary:
      'Junta este terminal novo a uma loja que já existe: recebe tudo do servidor da loja (com progresso em setup.joinProgress), ganha a primeira letra livre e os usuários da loja entram com seus PINs. Sem endereço, usa a conexão já configurada (.env).',
    input: z.strictObject({
      connection: SyncConnectionInput.optional(),
      joinCode: JoinCodeText,
      setupCode: z.string().trim().max(40).optional(),
    }),
    output: z.object({ shopName: z.string(), terminalLetter: z.string() }),
  },
  'setup.joinProgress': {
    summary:
      'Enquanto um terminal novo se junta a uma loja (ainda sem configuração): quantas alterações já chegaram e quantas são, só os números. Neste computador, ou com o código de configuração.',
    input: z.strictObject({ setupCode: z.string().trim().max(40).optional() }),
    output: z.object({ progress: SyncStatus.shape.progress }),
  },
} satisfies OperationTable;
