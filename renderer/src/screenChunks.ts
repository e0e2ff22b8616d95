import { lazyScreen } from './components/LazyScreen';
import { SCREEN_CODE } from './screenCode';

/**
 * The staff screens, each its own chunk fetched the first time it opens (or preloaded), so the
 * counter never carries chart.js and the kitchen never carries the catalog admin.
 */
export const SCREENS = {
  dashboard: lazyScreen(SCREEN_CODE.dashboard),
  reports: lazyScreen(SCREEN_CODE.reports),
  counter: lazyScreen(SCREEN_CODE.counter),
  orders: lazyScreen(SCREEN_CODE.orders),
  cash: lazyScreen(SCREEN_CODE.cash),
  kitchen: lazyScreen(SCREEN_CODE.kitchen),
  board: lazyScreen(SCREEN_CODE.board),
  catalog: lazyScreen(SCREEN_CODE.catalog),
  printJobs: lazyScreen(SCREEN_CODE.printJobs),
  users: lazyScreen(SCREEN_CODE.users),
  audit: lazyScreen(SCREEN_CODE.audit),
  settings: lazyScreen(SCREEN_CODE.settings),
  stock: lazyScreen(SCREEN_CODE.stock),
  feedback: lazyScreen(SCREEN_CODE.feedback),
  webhooks: lazyScreen(SCREEN_CODE.webhooks),
  sync: lazyScreen(SCREEN_CODE.sync),
  chain: lazyScreen(SCREEN_CODE.chain),
  backups: lazyScreen(SCREEN_CODE.backups),
  restore: lazyScreen(SCREEN_CODE.restore),
  devices: lazyScreen(SCREEN_CODE.devices),
};
