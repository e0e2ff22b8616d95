import type { Clock } from './clock.js';

/**
 * Hybrid logical clock. Stamps sort as plain strings: wall time (ms, 15 digits), a counter
 * (6 digits) and the terminal id, so "last writer wins" is a string comparison.
 */
export interface HlcStamp {
  wall: number;
  counter: number;
  node: string;
}

export const formatHlc = ({ wall, counter, node }: HlcStamp): string =>
  `${String(wall).padStart(15, '0')}:${String(counter).padStart(6, '0')}:${node}`;

export function parseHlc(stamp: string): HlcStamp {
  const [wall, counter, ...node] = stamp.split(':');
  if (wall === undefined || counter === undefined || node.length === 0) throw new Error(`HLC inválido: ${stamp}`);
  return { wall: Number(wall), counter: Number(counter), node: node.join(':') };
}

export class HybridLogicalClock {
  private wall = 0;
  private counter = 0;

  constructor(
    private readonly clock: Clock,
    private readonly node: string,
    last?: string,
  ) {
    if (last) {
      const parsed = parseHlc(last);
      this.wall = parsed.wall;
      this.counter = parsed.counter;
    }
  }

  /** A stamp for a local event; never goes backwards, even when the wall clock does. */
  tick(): string {
    const physical = this.clock.now();
    if (physical > this.wall) {
      this.wall = physical;
      this.counter = 0;
    } else {
      this.counter += 1;
    }
    return formatHlc({ wall: this.wall, counter: this.counter, node: this.node });
  }

  /** Merges a stamp received from another terminal, so our next stamps sort after it. */
  receive(remote: string): string {
    const other = parseHlc(remote);
    const physical = this.clock.now();
    const wall = Math.max(physical, this.wall, other.wall);
    if (wall === this.wall && wall === other.wall) this.counter = Math.max(this.counter, other.counter) + 1;
    else if (wall === this.wall) this.counter += 1;
    else if (wall === other.wall) this.counter = other.counter + 1;
    else this.counter = 0;
    this.wall = wall;
    return formatHlc({ wall: this.wall, counter: this.counter, node: this.node });
  }
}
