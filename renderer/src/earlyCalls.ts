import type { BridgeOutcome } from '../../src/models/bridge.js';
import type { OperationInput, OperationName } from '../../src/models/contract.js';

type Answer = Promise<BridgeOutcome<OperationName>>;

const answers = new Map<string, Answer>();
const keyOf = (operation: OperationName, input: unknown, token: string | null) => JSON.stringify([operation, input, token]);

/**
 * A page's first calls, sent by the entry (main.tsx) while React and the page's code are still
 * loading: the page's own identical call then gets this answer instead of asking again and waiting.
 * `send` is the bridge's invoke; each answer is handed out once, so a later call (a retry, a reload of
 * the data) always goes to the terminal.
 */
export function askEarly<N extends OperationName>(
  send: (operation: N, input: OperationInput<N>, token: string | null) => Promise<BridgeOutcome<N>>,
  operation: N,
  input: OperationInput<N>,
  token: string | null,
): Promise<BridgeOutcome<N>> {
  const answer = send(operation, input, token);
  answers.set(keyOf(operation, input, token), answer as Answer);
  return answer;
}

/** The answer to this exact call (operation, input and token) asked early, once; null when there is none. */
export function takeEarlyAnswer<N extends OperationName>(operation: N, input: OperationInput<N>, token: string | null): Promise<BridgeOutcome<N>> | null {
  const key = keyOf(operation, input, token);
  const answer = answers.get(key);
  if (!answer) return null;
  answers.delete(key);
  return answer as Promise<BridgeOutcome<N>>;
}
