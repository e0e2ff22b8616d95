import { z } from 'zod';
import { Empty, EpochMs, Id } from './fields.js';
import type { OperationTable } from './operation.js';

const BoardLinkView = z.object({ id: Id, label: z.string(), createdBy: Id, createdAt: EpochMs, revokedAt: EpochMs.nullable() });

/**
 * Board links: the call board's TV runs on a read-only token instead of a staff login. The token can
 * read the board and hear its events, nothing else (a later pairing of shop devices grows from here).
 */
export const boardOperations = {
  'board.createLink': {
    summary: 'Cria um link do painel de chamada (só leitura, revogável); o token aparece só desta vez.',
    input: z.strictObject({
      label: z.string({ error: 'Dê um nome ao painel.' }).trim().min(1, 'Dê um nome ao painel (ex.: TV da entrada).').max(60, 'O nome pode ter no máximo 60 caracteres.'),
    }),
    output: z.object({ id: Id, token: z.string() }),
  },
  'board.listLinks': { summary: 'Os links do painel criados, sem os tokens.', input: Empty, output: z.array(BoardLinkView) },
  'board.revokeLink': { summary: 'Revoga um link do painel: a TV para na hora.', input: z.strictObject({ id: Id }), output: z.object({ id: Id }) },
} satisfies OperationTable;
