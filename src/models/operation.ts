import type { z } from 'zod';

/** One entry of the public contract: what an operation takes and what it returns. */
export interface OperationSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  summary: string;
}

export type OperationTable = Record<string, OperationSpec>;
