// Node's compile cache (module.enableCompileCache, Node 22.1+) in RUNNER_TEMP: the steps of one
// job share one directory, so a bundle's chunks compiled by one step (ecr-login's main step)
// are read back as V8 code cache by the next run of the same bundle in that job (its post step,
// a second login, the root action called twice). Called first thing in every entry point, which
// then loads the rest of the bundle with import() so that nearly all of it goes through the cache.
import * as module from 'node:module';
import * as path from 'node:path';

export const COMPILE_CACHE_DIR = 'ensure-image-compile-cache';

/** Turn the cache on (RUNNER_TEMP set, Node has it); never fails a step: without it the code is compiled as before. */
export function enableCompileCache(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const enable = (module as { enableCompileCache?: (dir: string) => { directory?: string } }).enableCompileCache;
  if (!env.RUNNER_TEMP || !enable) return undefined;
  try {
    return enable(path.join(env.RUNNER_TEMP, COMPILE_CACHE_DIR)).directory;
  } catch {
    return undefined;
  }
}
