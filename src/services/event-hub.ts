import type { LiveEventName, LiveEvents } from '../models/contract.js';

export interface LiveEvent<E extends LiveEventName = LiveEventName> {
  type: E;
  data: LiveEvents[E];
  at: number;
}

type Listener = (event: LiveEvent) => void;

/** The live channel behind `subscribe`: scripts publish after commit, transports fan out. */
export class EventHub {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: LiveEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  get size(): number {
    return this.listeners.size;
  }
}
