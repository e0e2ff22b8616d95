import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The renderer built for real (the project's vite.config.ts, into a temporary folder): each page's
 * chunk graph, read from the Vite manifest as the browser follows it (a page's static imports plus
 * the dynamic imports that open its screen), and which source modules each chunk holds.
 */
interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}

/** Bytes of JavaScript a small screen may fetch: about 480 kB today (React, i18next, every text in both languages, the shared parts). */
const SMALL_PAGE_BUDGET = 560_000;

/** What a page fetches to show its screen: the HTML's entry and the lazy chunks it opens, with everything they import. */
const PAGES = {
  'board link (#/painel-tv)': ['src/board/BoardLinkApp.tsx'],
  'paired kitchen': ['src/devices/DeviceApp.tsx', 'src/kitchen/KitchenScreen.tsx'],
  'paired board': ['src/devices/DeviceApp.tsx', 'src/board/BoardScreen.tsx'],
  'rating kiosk (#/avaliacao)': ['src/feedback/KioskApp.tsx'],
  'paired rating tablet': ['src/devices/DeviceApp.tsx', 'src/feedback/KioskApp.tsx'],
  'device pairing': ['src/devices/DeviceApp.tsx', 'src/devices/PairingScreen.tsx'],
  'paired customer display': ['src/devices/DeviceApp.tsx', 'src/display/CustomerDisplay.tsx'],
  "counter PC's customer display (#/cliente)": ['src/display/LocalDisplayApp.tsx'],
} as const;

/** Code no small page may carry (every page has all the texts: the areas' i18n.ts files are not counted). */
const FORBIDDEN = [
  { what: 'chart.js', test: /node_modules[\\/](chart\.js|@kurkle)[\\/]/ },
  { what: 'the counter', test: /renderer[\\/]src[\\/]counter[\\/]/ },
  { what: 'the reports', test: /renderer[\\/]src[\\/]reports[\\/]/ },
  { what: 'the catalog admin', test: /renderer[\\/]src[\\/]catalog[\\/]/ },
  { what: 'the stockroom', test: /renderer[\\/]src[\\/]stock[\\/](?!routes\.ts$)/ },
  { what: 'the staff login and menus', test: /renderer[\\/]src[\\/](App\.tsx|screens[\\/])/ },
  { what: 'the core (zod schemas)', test: /node_modules[\\/]zod[\\/]/ },
];

let outDir: string;
let manifest: Record<string, ManifestChunk>;
const modulesOf = new Map<string, string[]>();

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'balcao-renderer-'));
  // Built as `npm run build` builds it: under vitest NODE_ENV is "test", which would bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  let result: Awaited<ReturnType<typeof build>>;
  try {
    result = await build({ configFile: resolve('vite.config.ts'), mode: 'production', logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  for (const item of outputs.flatMap((output) => output.output)) if (item.type === 'chunk') modulesOf.set(item.fileName, item.moduleIds);
  manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
}, 120_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

function chunkOf(key: string): ManifestChunk {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} não está no manifesto: ${Object.keys(manifest).join(', ')}`);
  return chunk;
}

/** The chunks a page loads: the entry and the named lazy chunks, with their static imports, transitively. */
function pageChunks(lazyChunks: readonly string[]): string[] {
  const seen = new Set<string>();
  const pending = ['index.html', ...lazyChunks];
  while (pending.length > 0) {
    const key = pending.pop()!;
    if (seen.has(key)) continue;
    seen.add(key);
    pending.push(...(chunkOf(key).imports ?? []));
  }
  return [...seen];
}

const pageFiles = (lazyChunks: readonly string[]) => pageChunks(lazyChunks).map((key) => chunkOf(key).file);

const pageModules = (files: readonly string[]) => files.flatMap((file) => modulesOf.get(file) ?? []);
const pageBytes = (files: readonly string[]) => files.reduce((sum, file) => sum + statSync(join(outDir, file)).size, 0);

describe('the renderer in chunks', () => {
  it('has one entry that loads none of the screens by itself', () => {
    const entry = chunkOf('index.html');
    expect(entry.isEntry).toBe(true);
    const modules = pageModules(pageFiles([]));
    expect(modules.some((id) => /renderer[\\/]src[\\/]main\.tsx$/.test(id))).toBe(true);
    for (const screen of ['App.tsx', 'counter/CounterScreen.tsx', 'kitchen/KitchenScreen.tsx', 'board/BoardScreen.tsx', 'feedback/KioskApp.tsx', 'devices/DeviceApp.tsx']) {
      expect(modules.filter((id) => id.replaceAll('\\', '/').endsWith(`renderer/src/${screen}`)), screen).toEqual([]);
    }
    // No React in what the HTML loads: the entry sends the page's first calls before React has loaded.
    expect(modules.filter((id) => /node_modules[\\/](react|react-dom|scheduler|i18next)[\\/]/.test(id))).toEqual([]);
    expect(modules.some((id) => /renderer[\\/]src[\\/]earlyCalls\.ts$/.test(id))).toBe(true);
    // Each page kind is a chunk of its own, opened from the entry.
    const opened = pageChunks([]).flatMap((key) => chunkOf(key).dynamicImports ?? []);
    expect(opened).toEqual(expect.arrayContaining(['src/pageRoot.tsx', 'src/App.tsx', 'src/board/BoardLinkApp.tsx', 'src/feedback/KioskApp.tsx', 'src/devices/DeviceApp.tsx', 'src/display/LocalDisplayApp.tsx']));
  });

  for (const [page, lazyChunks] of Object.entries(PAGES)) {
    it(`the ${page} page carries none of the counter, reports, chart.js or admin screens, within ${SMALL_PAGE_BUDGET / 1000} kB`, () => {
      const files = pageFiles(lazyChunks);
      const modules = pageModules(files);
      // The page's own screen is there: the graph is the real one.
      for (const key of lazyChunks) expect(modules.some((id) => id.replaceAll('\\', '/').endsWith(`renderer/${key}`)), key).toBe(true);
      const code = modules.filter((id) => !/[\\/]i18n\.ts$/.test(id));
      for (const { what, test } of FORBIDDEN) expect(code.filter((id) => test.test(id)), what).toEqual([]);
      expect(pageBytes(files)).toBeLessThan(SMALL_PAGE_BUDGET);
    });
  }

  it('the counter page does carry its own code and the staff app, and still no chart.js', () => {
    const modules = pageModules(pageFiles(['src/App.tsx', 'src/counter/CounterScreen.tsx']));
    expect(modules.some((id) => /renderer[\\/]src[\\/]counter[\\/]CounterScreen\.tsx$/.test(id))).toBe(true);
    expect(modules.some((id) => /renderer[\\/]src[\\/]App\.tsx$/.test(id))).toBe(true);
    expect(modules.filter((id) => /node_modules[\\/]chart\.js[\\/]/.test(id))).toEqual([]);
  });

  it('keeps chart.js in a chunk of its own that only the reports and the dashboard open', () => {
    const chartFiles = [...modulesOf].filter(([, ids]) => ids.some((id) => /node_modules[\\/]chart\.js[\\/]/.test(id))).map(([file]) => file);
    expect(chartFiles).toHaveLength(1);
    expect(modulesOf.get(chartFiles[0]!)!.every((id) => /node_modules[\\/](chart\.js|@kurkle)[\\/]/.test(id))).toBe(true);
    // The screens whose graph reaches it: the reports, the dashboard, the chain of shops, the feedback reports.
    const withCharts = Object.keys(manifest)
      .filter((key) => !key.startsWith('_') && key !== 'index.html' && pageFiles([key]).includes(chartFiles[0]!))
      .sort();
    expect(withCharts).toEqual(['src/feedback/ReportScreen.tsx', 'src/reports/ReportsScreen.tsx', 'src/reports/chain/ChainScreen.tsx', 'src/reports/dashboard/DashboardScreen.tsx']);
  });
});
