// Entry of the import worker thread: lets the thread load the TypeScript sources, as
// bin/twin.mjs does for the main thread, then runs the worker.
import { register } from 'tsx/esm/api';

register();
await import('./importWorker.ts');
