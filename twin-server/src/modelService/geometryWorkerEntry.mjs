// Entry of the geometry worker thread: lets the thread load the TypeScript sources, as
// bin/twin.mjs does for the main thread, then runs the worker. web-ifc (a large plain-JavaScript
// bundle) is loaded first: through the TypeScript loader it takes a third longer.
import 'web-ifc';
import { register } from 'tsx/esm/api';

register();
await import('./geometryWorker.ts');
