import * as exec from '@actions/exec';

/** What the steps ask of git. */
export interface Git {
  /** `git rev-parse` of several revisions in one process; throws when any is unknown. Each rev starts with HEAD or a hex id, so none reads as an option. */
  revParse(cwd: string, revs: readonly string[]): Promise<string[]>;
  /** Whether `cwd` is a shallow clone (actions/checkout's default `fetch-depth: 1`); asked only to explain a failure. */
  isShallow?(cwd: string): Promise<boolean>;
}

export class GitCli implements Git {
  async revParse(cwd: string, revs: readonly string[]): Promise<string[]> {
    let r: exec.ExecOutput;
    try {
      r = await exec.getExecOutput('git', ['-C', cwd, 'rev-parse', ...revs], {
        ignoreReturnCode: true,
        silent: true,
      });
    } catch (e) {
      throw new Error(`git is not available (${(e as Error).message})`);
    }
    if (r.exitCode !== 0) throw new Error(`git rev-parse ${revs.join(' ')} in ${cwd} failed: ${r.stderr.trim()}`);
    return r.stdout.trim().split('\n');
  }

  async isShallow(cwd: string): Promise<boolean> {
    const r = await exec.getExecOutput('git', ['-C', cwd, 'rev-parse', '--is-shallow-repository'], { ignoreReturnCode: true, silent: true }).catch(() => undefined);
    return r?.exitCode === 0 && r.stdout.trim() === 'true';
  }
}

interface Pending {
  revs: readonly string[];
  resolve: (ids: string[]) => void;
  reject: (e: unknown) => void;
}

/**
 * Git that answers every revParse asked in the same tick with one `git rev-parse` per
 * directory (a plan of 100 images costs one process, not 100). When the batch fails, each
 * caller is answered on its own, so only the one with the bad revision sees the error.
 */
export class BatchedGit implements Git {
  private readonly queue = new Map<string, Pending[]>();
  constructor(private readonly inner: Git) {}

  async isShallow(cwd: string): Promise<boolean> {
    return (await this.inner.isShallow?.(cwd)) ?? false;
  }

  revParse(cwd: string, revs: readonly string[]): Promise<string[]> {
    return new Promise((resolve, reject) => {
      const waiting = this.queue.get(cwd);
      if (waiting) return void waiting.push({ revs, resolve, reject });
      this.queue.set(cwd, [{ revs, resolve, reject }]);
      queueMicrotask(() => void this.flush(cwd));
    });
  }

  private async flush(cwd: string): Promise<void> {
    const batch = this.queue.get(cwd) ?? [];
    this.queue.delete(cwd);
    const unique = [...new Set(batch.flatMap((p) => p.revs))];
    try {
      const ids = await this.inner.revParse(cwd, unique);
      const byRev = new Map(unique.map((r, i) => [r, ids[i] as string]));
      for (const p of batch) p.resolve(p.revs.map((r) => byRev.get(r) as string));
    } catch {
      for (const p of batch) this.inner.revParse(cwd, p.revs).then(p.resolve, p.reject);
    }
  }
}
