// Runs a worker thread's TypeScript entry from the sources (tests): a worker starts without the
// test runner's loader, so it registers tsx itself. Built, the pool starts the compiled .js directly.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
