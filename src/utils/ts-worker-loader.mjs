// Starts a module worker's TypeScript entry from the sources (tests): a worker thread starts without
// the test runner's loader, so it registers tsx itself. Built, thread-worker.ts starts the compiled .js.
import { register } from 'tsx/esm/api';

register();
// The entry comes last on the thread's argv, so its workerData reaches it untouched.
await import(process.argv.at(-1));
