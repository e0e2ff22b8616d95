import { bridgeRoundtripRatio, scriptWriteRatio } from './foundation.js';
import { saleOverHttp, saleRatio, saleWithRecipeRatio } from './sale.js';
import { stockOnHand } from './stock.js';
import { syncFigures } from './sync.js';
import { webhookOverhead, webhookThroughput } from './webhooks.js';
import { browserFigures } from './browser.js';
import { reportFigures, summaryOverhead } from './reports.js';
import { report, type Figures } from './lib.js';

/** npm run bench: every figure, measured in one run so ratios compare like with like. */
const figures: Figures = {};
await scriptWriteRatio(figures);
await bridgeRoundtripRatio(figures);
await saleRatio(figures);
await saleOverHttp(figures);
await saleWithRecipeRatio(figures);
await stockOnHand(figures);
await summaryOverhead(figures);
await reportFigures(figures);
await webhookOverhead(figures);
await webhookThroughput(figures);
await syncFigures(figures);
await browserFigures(figures);
report(figures);
