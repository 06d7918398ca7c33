import { enableCompileCache } from '@ensure-image/runner/compile-cache';

// The cache first, then the rest of the bundle through it, as one chunk (see compile-cache.ts).
enableCompileCache();
// Destructured where imported, so that the bundler still drops what is not used.
const { runAction } = await import(/* webpackChunkName: "action" */ '@ensure-image/runner');
const { run } = await import(/* webpackChunkName: "action" */ './main.js');
await runAction(run);
