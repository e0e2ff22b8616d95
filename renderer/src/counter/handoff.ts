/**
 * A request from another screen to the counter ("add items to comanda A-012", "take its payment"):
 * the orders list sets it and navigates; the counter reads it once when it opens.
 */
export interface CounterRequest {
  orderId: string;
  action: 'add' | 'pay';
}

let pending: CounterRequest | null = null;

export function requestCounter(request: CounterRequest): void {
  pending = request;
}

export function takeCounterRequest(): CounterRequest | null {
  const request = pending;
  pending = null;
  return request;
}
