import { enableCompileCache } from '@ensure-image/kit/compile-cache';

// The cache first, then the rest of the bundle through it (see compile-cache.ts).
enableCompileCache();
const [{ runAction }, { post, run }] = await Promise.all([import('@ensure-image/kit'), import('./main.js')]);
await runAction(run, post);
