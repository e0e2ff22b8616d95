import { z } from 'zod';
import { operations, type OperationName } from '../models/contract.js';
import type { Registry } from '../services/registry.js';

export interface ContractEntry {
  name: string;
  summary: string;
  roles: readonly string[] | 'public';
  input: unknown;
  output: unknown;
}

/** GET /api/contract: every operation with its roles and the JSON Schema of what it takes and returns. */
export function describeContract(registry: Registry): ContractEntry[] {
  return [...registry.values()]
    .map((script) => {
      const spec = operations[script.name as OperationName];
      return {
        name: script.name,
        summary: spec.summary,
        roles: script.roles,
        input: z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }),
        output: z.toJSONSchema(spec.output, { io: 'output', unrepresentable: 'any' }),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
