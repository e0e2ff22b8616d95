/**
 * Where the end-to-end tests save the screens they pass through: test-results/ by default, so a test
 * run leaves the tree clean; `BALCAO_SCREENSHOTS_DIR=docs/screenshots npx playwright test` refreshes
 * the README's pictures.
 */
export const SHOTS = process.env.BALCAO_SCREENSHOTS_DIR || 'test-results/screenshots';
