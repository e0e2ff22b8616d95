import { bridgeRoundtripRatio, scriptWriteRatio } from './foundation.js';
import { saleOverHttp, saleRatio, salesDuringLogins, saleWithRecipeRatio } from './sale.js';
import { stockOnHand } from './stock.js';
import { syncFigures } from './sync.js';
import { webhookOverhead, webhookThroughput } from './webhooks.js';
import { browserFigures } from './browser.js';
import { screenFigures } from './screens.js';
import { lanEventLatency, saleWithListeners, saleWithScreens } from './devices.js';
import { reportFigures, summaryOverhead } from './reports.js';
import { dashboardFigures } from './dashboard.js';
import { backupFigures } from './backup.js';
import { publishFigures } from './shop-documents.js';
import { report, type Figures } from './lib.js';
import { startupFigures } from './startup.js';

/**
 * npm run bench: every figure, measured in one run so ratios compare like with like.
 * `node build/bench/run.js sync browser` measures only the parts named (while working on one) and
 * leaves the recorded results as they were.
 */
const parts: Record<string, (figures: Figures) => Promise<void>> = {
  foundation: async (figures) => {
    await scriptWriteRatio(figures);
    await bridgeRoundtripRatio(figures);
  },
  startup: startupFigures,
  sale: async (figures) => {
    await saleRatio(figures);
    await saleOverHttp(figures);
    await saleWithRecipeRatio(figures);
    await salesDuringLogins(figures);
  },
  stock: stockOnHand,
  reports: async (figures) => {
    await summaryOverhead(figures);
    await reportFigures(figures);
  },
  dashboard: dashboardFigures,
  backup: backupFigures,
  webhooks: async (figures) => {
    await webhookOverhead(figures);
    await webhookThroughput(figures);
  },
  sync: syncFigures,
  documents: publishFigures,
  browser: browserFigures,
  screens: screenFigures,
  devices: async (figures) => {
    await saleWithScreens(figures);
    await lanEventLatency(figures);
  },
  listeners: saleWithListeners,
};
const named = process.argv.slice(2);
const unknown = named.filter((name) => !(name in parts));
if (unknown.length > 0) throw new Error(`Partes desconhecidas: ${unknown.join(', ')} (há ${Object.keys(parts).join(', ')}).`);
const figures: Figures = {};
for (const [name, measure] of Object.entries(parts)) if (named.length === 0 || named.includes(name)) await measure(figures);
report(figures, named.length === 0);
