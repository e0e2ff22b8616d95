import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Figure {
  median: number;
  unit: string;
  floor: number | null;
  ratio: number | null;
}
export type Figures = Record<string, Figure>;

export const median = (samples: number[]): number => percentile(samples, 50);

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

const round = (n: number, digits = 4) => Number(n.toPrecision(digits));

/**
 * Times two variants in alternating rounds, so both meet the same machine noise, and returns each
 * one's samples in milliseconds per call.
 */
export async function compare(
  subject: () => unknown,
  floor: () => unknown,
  { rounds = 20, perRound = 100, warmup = 200 } = {},
): Promise<{ subject: number[]; floor: number[] }> {
  for (let i = 0; i < warmup; i++) {
    await subject();
    await floor();
  }
  const out = { subject: [] as number[], floor: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    for (const [name, fn] of [['subject', subject], ['floor', floor]] as const) {
      for (let i = 0; i < perRound; i++) {
        const start = performance.now();
        await fn();
        out[name].push(performance.now() - start);
      }
    }
  }
  return out;
}

export function ratioFigure(subject: number[], floor: number[], unit = 'ms'): Figure {
  const m = median(subject);
  const f = median(floor);
  return { median: round(m), unit, floor: round(f), ratio: round(m / f, 3) };
}

/** A tail figure: the p99 of samples taken while something else runs, its floor the p99 of the same work alone. */
export function p99Figure(subject: number[], alone: number[]): Figure {
  const p = percentile(subject, 99);
  const f = percentile(alone, 99);
  return { median: round(p), unit: 'ms', floor: round(f), ratio: round(p / f, 3) };
}

/** Milliseconds each of `runs` calls took, one after the other. */
export async function timeRuns(fn: () => Promise<unknown>, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

/**
 * A sale alone and while `background` runs, alternating round by round so both meet the same machine
 * noise: the background work is asked for first, the sale a moment later (the next turn of the event
 * loop), as a manager's click and the counter's next sale would come.
 */
export async function saleBeside(sale: () => Promise<unknown>, background: () => Promise<unknown>, rounds: number): Promise<{ alone: number[]; during: number[] }> {
  const alone: number[] = [];
  const during: number[] = [];
  for (let i = 0; i < rounds; i++) {
    alone.push(...(await timeRuns(sale, 1)));
    const running = background();
    await new Promise<void>((resolve) => setImmediate(resolve));
    during.push(...(await timeRuns(sale, 1)));
    await running;
  }
  return { alone, during };
}

export function plainFigure(value: number, unit: string): Figure {
  return { median: round(value), unit, floor: null, ratio: null };
}

/** The project folder: the nearest one up with a package.json (this file runs from bench/ or build/bench/). */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

const RESULTS = join(projectRoot(), 'bench', 'results', 'latest.json');

/**
 * Figures whose floor another part measures (the same page with nothing to load): when both ran in
 * this run, the figure is reported with that floor and its ratio.
 */
const FLOOR_OF: Record<string, string> = { 'counter.ready_ms': 'counter.ready_floor_ms' };

export function relateFloors(figures: Figures): void {
  for (const [name, floorName] of Object.entries(FLOOR_OF)) {
    const figure = figures[name];
    const floor = figures[floorName];
    if (figure && floor && figure.floor === null) figures[name] = { ...figure, floor: floor.median, ratio: round(figure.median / floor.median, 3) };
  }
}

/** Shows the figures; a whole run (`save`) also records them as the latest results. */
export function report(figures: Figures, save = true): void {
  relateFloors(figures);
  const rows = Object.entries(figures).map(([name, f]) => ({
    figure: name,
    median: `${f.median} ${f.unit}`,
    floor: f.floor === null ? '—' : `${f.floor} ${f.unit}`,
    ratio: f.ratio === null ? '—' : f.ratio,
  }));
  console.table(rows);
  if (!save) return;
  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`Resultados gravados em ${RESULTS}`);
}
