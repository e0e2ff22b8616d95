// Prints the one closing line CI reads: "testes: N passed, N failed, N skipped", from vitest's and
// Playwright's JSON reports of this run.
import { readFileSync } from 'node:fs';

const read = (path) => JSON.parse(readFileSync(path, 'utf8'));
const unit = read('.test-reports/vitest.json');
const e2e = read('.test-reports/playwright.json').stats;
const passed = unit.numPassedTests + e2e.expected + (e2e.flaky ?? 0);
const failed = unit.numFailedTests + e2e.unexpected;
const skipped = (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0) + e2e.skipped;
console.log(`testes: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 ? 1 : 0;
