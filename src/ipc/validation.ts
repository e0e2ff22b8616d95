import { z } from 'zod';
import { BusinessError } from '../exceptions/business-error.js';

z.config(z.locales.ptBR());

const fieldOf = (issue: z.core.$ZodIssue): string => {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys' && issue.keys[0]) path.push(issue.keys[0]);
  return path.length ? path.join('.') : 'input';
};

/** Parses input at the boundary; the first problem becomes a VALIDATION error naming its field. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ field: fieldOf(issue), message: issue.message }));
  const first = issues[0] ?? { field: 'input', message: 'Entrada inválida.' };
  return (() => {
    throw new BusinessError('VALIDATION', `Campo "${first.field}": ${first.message}`, first.field, { issues });
  })();
}
