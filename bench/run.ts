import { bridgeRoundtripRatio, scriptWriteRatio } from './foundation.js';
import { saleOverHttp, saleRatio } from './sale.js';
import { report, type Figures } from './lib.js';

/** npm run bench: every figure, measured in one run so ratios compare like with like. */
const figures: Figures = {};
await scriptWriteRatio(figures);
await bridgeRoundtripRatio(figures);
await saleRatio(figures);
await saleOverHttp(figures);
report(figures);
