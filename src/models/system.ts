import { z } from 'zod';
import { Empty, EpochMs } from './fields.js';
import type { OperationTable } from './operation.js';

export const systemOperations = {
  'system.ping': {
    summary: 'Responde na hora; serve para medir a ponte e ver se o terminal está de pé.',
    input: Empty,
    output: z.object({ ok: z.literal(true), time: EpochMs }),
  },
} satisfies OperationTable;
