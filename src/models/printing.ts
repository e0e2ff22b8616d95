import { z } from 'zod';
import { EpochMs, Id } from './fields.js';
import type { OperationTable } from './operation.js';

export const PAPER_WIDTHS = [80, 58] as const;
const Paper = z.union([z.literal(80), z.literal(58)], { error: 'Largura do papel: 80 ou 58 mm.' });
export const PRINT_KINDS = ['receipt', 'kitchen', 'cash_slip', 'day_summary'] as const;

export const PrintJobView = z.object({
  id: Id,
  kind: z.enum(PRINT_KINDS),
  refId: z.string(),
  label: z.string(),
  status: z.enum(['pending', 'printed', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: EpochMs,
  updatedAt: EpochMs,
});

export const printingOperations = {
  'printing.receiptHtml': {
    summary: 'O cupom do cliente (não fiscal) em HTML pronto para imprimir, 80 ou 58 mm.',
    input: z.strictObject({ orderId: Id, paper: Paper.optional() }),
    output: z.object({ html: z.string() }),
  },
  'printing.kitchenHtml': {
    summary: 'O ticket da cozinha em HTML pronto para imprimir, 80 ou 58 mm.',
    input: z.strictObject({ orderId: Id, paper: Paper.optional() }),
    output: z.object({ html: z.string() }),
  },
  'printing.print': {
    summary: 'Manda (de novo) o cupom ou o ticket da cozinha para a impressora de rede.',
    input: z.strictObject({ orderId: Id, kind: z.enum(['receipt', 'kitchen']) }),
    output: z.object({ jobIds: z.array(Id) }),
  },
  'printing.jobs': {
    summary: 'Os trabalhos de impressão recentes, com os que falharam.',
    input: z.strictObject({ status: z.enum(['pending', 'printed', 'failed']).optional(), limit: z.number().int().min(1).max(200).optional() }),
    output: z.array(PrintJobView),
  },
  'printing.retry': {
    summary: 'Tenta de novo um trabalho de impressão que falhou.',
    input: z.strictObject({ jobId: Id }),
    output: z.object({ id: Id }),
  },
} satisfies OperationTable;
