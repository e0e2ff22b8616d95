import { describe, expect, it } from 'vitest';
import { formatHlc, HybridLogicalClock, parseHlc } from '../../src/utils/hlc.js';
import { ManualClock } from '../helpers/manual-clock.js';

describe('hybrid logical clock', () => {
  it('stamps strictly increase, even when the wall clock stands still or goes back', () => {
    const clock = new ManualClock(1_000);
    const hlc = new HybridLogicalClock(clock, 'T1');
    const stamps = [hlc.tick(), hlc.tick()];
    clock.advance(-500);
    stamps.push(hlc.tick());
    clock.advance(10_000);
    stamps.push(hlc.tick());
    for (let i = 1; i < stamps.length; i++) expect(stamps[i]! > stamps[i - 1]!).toBe(true);
    expect(parseHlc(stamps[2]!)).toEqual({ wall: 1_000, counter: 2, node: 'T1' });
  });

  it('resumes after the last stamp it had written', () => {
    const clock = new ManualClock(5);
    const last = formatHlc({ wall: 9_000, counter: 3, node: 'T1' });
    const hlc = new HybridLogicalClock(clock, 'T1', last);
    expect(hlc.tick() > last).toBe(true);
  });

  it('sorts after a stamp received from a terminal whose clock runs ahead', () => {
    const clock = new ManualClock(1_000);
    const hlc = new HybridLogicalClock(clock, 'T1');
    const remote = formatHlc({ wall: 50_000, counter: 7, node: 'T2' });
    const merged = hlc.receive(remote);
    expect(merged > remote).toBe(true);
    expect(hlc.tick() > merged).toBe(true);
  });

  it('compares as strings in wall-time order', () => {
    expect(formatHlc({ wall: 99, counter: 0, node: 'Z' }) < formatHlc({ wall: 100, counter: 0, node: 'A' })).toBe(true);
  });
});
