import { rename, rm } from 'node:fs/promises';
/** A directory kept between runs (buildx `type=local` cache), behind the Actions cache service. */
export interface DirCache {
  /** Whether the runner's cache service is there (not under act, not outside Actions). */
  available(): boolean;
  /** Restore into `dir`; the key that hit, or undefined. */
  restore(dir: string, key: string, restoreKeys: string[]): Promise<string | undefined>;
  /** Save `dir` under `key`; with `from`, `from` replaces `dir` first (buildx writes a new local cache beside the old). */
  save(dir: string, key: string, from?: string): Promise<void>;
}

/** @actions/cache, loaded only when a local cache is used (it is a large module). */
export class ActionsDirCache implements DirCache {
  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  available(): boolean {
    if (this.env.ACT === 'true') return false;
    return Boolean(this.env.ACTIONS_RUNTIME_TOKEN && (this.env.ACTIONS_CACHE_URL || this.env.ACTIONS_RESULTS_URL));
  }

  async restore(dir: string, key: string, restoreKeys: string[]): Promise<string | undefined> {
    const cache = await import('@actions/cache');
    return cache.restoreCache([dir], key, restoreKeys);
  }

  async save(dir: string, key: string, from?: string): Promise<void> {
    if (from) {
      await rm(dir, { recursive: true, force: true });
      await rename(from, dir);
    }
    const cache = await import('@actions/cache');
    await cache.saveCache([dir], key);
  }
}
