import { z } from 'zod';
import { Empty, EpochMs } from './fields.js';
import type { OperationTable } from './operation.js';

/**
 * What the sync indicator shows. `mode` is where the terminal stands (no connection set: purely
 * local); `phase` what the worker is doing now. Texts are pt-BR, ready for the screen.
 */
export const SyncStatus = z.object({
  mode: z.enum(['local', 'online', 'offline']),
  phase: z.enum(['idle', 'syncing', 'recovering']),
  /** Changes made here that the shop's server does not hold yet. */
  waiting: z.number().int().nonnegative(),
  /** Changes received that wait for what they refer to (a product created on a terminal whose log is behind). */
  held: z.number().int().nonnegative(),
  lastSuccessAt: EpochMs.nullable(),
  lastError: z.string().nullable(),
  /** While catching up: changes applied in this run, and how many the server had for us when it started. */
  progress: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).nullable(),
  /** Something the staff must know, e.g. what a terminal restored from a backup got back. */
  notice: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** The connection string as Atlas gives it ("Connect" → "Drivers"). It holds a password: never logged nor audited. */
export const SyncUri = z
  .string({ error: 'Informe o endereço de conexão (URI) do banco da loja.' })
  .trim()
  .min(1, 'Informe o endereço de conexão (URI) do banco da loja.')
  .max(2000, 'Endereço de conexão longo demais.')
  .regex(/^mongodb(\+srv)?:\/\/\S+$/i, 'O endereço deve começar com mongodb:// ou mongodb+srv:// (copie do Atlas, em "Connect" → "Drivers"), sem espaços.');

/** MongoDB's rules for a database name, and the shop's own database: never one of the server's. */
export const SyncDatabase = z
  .string({ error: 'Informe o nome do banco da loja.' })
  .trim()
  .min(1, 'Informe o nome do banco da loja.')
  .max(63, 'O nome do banco pode ter no máximo 63 caracteres.')
  .regex(/^[^/\\. "$*<>:|?]+$/, 'Nome de banco inválido: use letras, números, - ou _, sem espaço, ponto, barra nem $.')
  .refine((name) => !['admin', 'local', 'config'].includes(name.toLowerCase()), 'Use um banco só da loja (ex.: balcao), não admin, local nem config.');

export const SyncConnectionInput = z.strictObject({ uri: SyncUri, database: SyncDatabase });

/** `{ uri, database }` to connect, `{ clear: true }` to run on its own; the connection to set, or null. */
export const SyncConfigureInput = z
  .strictObject({ uri: SyncUri.optional(), database: SyncDatabase.optional(), clear: z.literal(true).optional() })
  .check((ctx) => {
    const { uri, database, clear } = ctx.value;
    if (clear && (uri !== undefined || database !== undefined)) ctx.issues.push({ code: 'custom', input: clear, path: ['clear'], message: 'Envie o endereço e o banco, ou só clear para apagar a conexão.' });
    if (clear) return;
    if (uri === undefined) ctx.issues.push({ code: 'custom', input: uri, path: ['uri'], message: 'Informe o endereço de conexão (URI) do banco da loja.' });
    if (database === undefined) ctx.issues.push({ code: 'custom', input: database, path: ['database'], message: 'Informe o nome do banco da loja.' });
  })
  .transform(({ uri, database }) => (uri !== undefined && database !== undefined ? { uri, database } : null));

/** Where this terminal's connection comes from, and what it points at: never the user or the password. */
export const SyncConnectionView = z.object({
  source: z.enum(['none', 'env', 'saved']),
  /** The servers, without credentials ("cluster0.ab1cd.mongodb.net"). */
  host: z.string().nullable(),
  database: z.string().nullable(),
  /** False where it comes from `.env` (browser mode): it is changed there. */
  canChange: z.boolean(),
});
export type SyncConnectionView = z.infer<typeof SyncConnectionView>;

/** A join code as typed or pasted (read and checked by the script). */
export const JoinCodeText = z
  .string({ error: 'Informe o código de conexão.' })
  .trim()
  .min(1, 'Informe o código de conexão.')
  .max(200, 'Código de conexão inválido: confira as letras e números.');

export const syncOperations = {
  'sync.status': {
    summary: 'Como está a sincronização com o servidor da loja: local, online ou sem conexão, alterações esperando, último sucesso e último erro.',
    input: Empty,
    output: SyncStatus,
  },
  'sync.now': {
    summary: 'Sincroniza agora (envia e recebe tudo) e devolve como ficou.',
    input: Empty,
    output: SyncStatus,
  },
  'sync.connection': {
    summary: 'De onde vem a conexão com o servidor da loja (nenhuma, .env ou salva neste terminal), o servidor e o banco, sem usuário nem senha.',
    input: Empty,
    output: SyncConnectionView,
  },
  'sync.test': {
    summary: 'Testa um endereço e um banco sem salvar nada: conecta, prepara as coleções e lê os terminais da loja.',
    input: SyncConnectionInput,
    output: z.object({ ok: z.boolean(), message: z.string(), ms: z.number().int().nonnegative() }),
  },
  'sync.configure': {
    summary: 'Salva a conexão deste terminal com o servidor da loja (ou a apaga, com clear) e sincroniza com ela. Não vale onde a conexão vem do .env.',
    input: SyncConfigureInput,
    output: SyncConnectionView,
  },
  'sync.joinCode': {
    summary: 'O código que outro terminal digita para entrar nesta loja. Dá acesso à proteção dos PINs: só nos terminais da própria loja.',
    input: Empty,
    output: z.object({ code: z.string() }),
  },
  'sync.restoreShopKey': {
    summary:
      'Devolve a este terminal a chave da loja que ficou em outro computador (banco restaurado ou trazido de outro PC), a partir do código de conexão de outro terminal da loja.',
    input: z.strictObject({ joinCode: JoinCodeText }),
    output: z.object({ restored: z.literal(true) }),
  },
} satisfies OperationTable;
