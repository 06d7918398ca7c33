import * as exec from '@actions/exec';
import { listFiles, readFile } from './tree.js';
import type { WorktreeChange } from '@ensure-image/core';

/** What the steps ask of git. */
export interface Git {
  /** `git rev-parse` of several revisions in one process; throws when any is unknown. Each rev starts with HEAD or a hex id, so none reads as an option. */
  revParse(cwd: string, revs: readonly string[]): Promise<string[]>;
  /** Whether `cwd` is a shallow clone (actions/checkout's default `fetch-depth: 1`); asked only to explain a failure. */
  isShallow?(cwd: string): Promise<boolean>;
  /** Files under `cwd` that differ from HEAD (modified, staged, deleted, untracked and not ignored), `cwd`-relative. */
  changes?(cwd: string): Promise<WorktreeChange[]>;
  /** The git blob ids of files as they are in the working tree (`cwd`-relative paths). */
  hashFiles?(cwd: string, files: readonly string[]): Promise<string[]>;
  /** The committed files under `path` (recursive, workspace-relative, with their object ids) at `commit` (a full id). */
  listFiles?(cwd: string, commit: string, path: string): Promise<GitFile[]>;
  /** A committed file's text at `commit`, or undefined when no file is there. */
  readFile?(cwd: string, commit: string, path: string): Promise<string | undefined>;
}

/** A committed file: workspace-relative path and git object id. */
export interface GitFile {
  path: string;
  id: string;
}

async function git(cwd: string, args: readonly string[]): Promise<string> {
  let r: exec.ExecOutput;
  try {
    r = await exec.getExecOutput('git', ['-C', cwd, ...args], { ignoreReturnCode: true, silent: true });
  } catch (e) {
    throw new Error(`git is not available (${(e as Error).message})`);
  }
  if (r.exitCode !== 0) throw new Error(`git ${args[0]} in ${cwd} failed: ${r.stderr.trim()}`);
  return r.stdout;
}

/** `git status --porcelain -z` entries (`XY path`, paths from the repository root) under `prefix`, made `prefix`-relative. */
export function parseStatus(out: string, prefix: string): WorktreeChange[] {
  return out
    .split('\0')
    .filter((e) => e.length > 3)
    .map((e) => ({ code: e.slice(0, 2), file: e.slice(3) }))
    .filter((e) => e.file.startsWith(prefix))
    .map((e) => ({ path: e.file.slice(prefix.length), deleted: e.code.includes('D') }));
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
    const r = await exec
      .getExecOutput('git', ['-C', cwd, 'rev-parse', '--is-shallow-repository'], { ignoreReturnCode: true, silent: true })
      .catch(() => undefined);
    return r?.exitCode === 0 && r.stdout.trim() === 'true';
  }

  async changes(cwd: string): Promise<WorktreeChange[]> {
    const [status, prefix] = await Promise.all([
      git(cwd, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames', '--', '.']),
      git(cwd, ['rev-parse', '--show-prefix']),
    ]);
    return parseStatus(status, prefix.trim());
  }

  async hashFiles(cwd: string, files: readonly string[]): Promise<string[]> {
    if (files.length === 0) return [];
    return (await git(cwd, ['hash-object', '--', ...files])).trim().split('\n');
  }

  listFiles(cwd: string, commit: string, path: string): Promise<GitFile[]> {
    return listFiles(cwd, commit, path);
  }

  readFile(cwd: string, commit: string, path: string): Promise<string | undefined> {
    return readFile(cwd, commit, path);
  }
}

interface Pending {
  revs: readonly string[];
  resolve: (ids: string[]) => void;
  reject: (e: unknown) => void;
}

/** The promise kept under `key`, made on first ask. */
function once<T>(kept: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let p = kept.get(key);
  if (!p) kept.set(key, (p = make()));
  return p;
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

  async changes(cwd: string): Promise<WorktreeChange[]> {
    if (!this.inner.changes) throw new Error('this git cannot list working-tree changes');
    return this.inner.changes(cwd);
  }

  async hashFiles(cwd: string, files: readonly string[]): Promise<string[]> {
    if (!this.inner.hashFiles) throw new Error('this git cannot hash files');
    return this.inner.hashFiles(cwd, files);
  }

  /** Listings are asked once per directory, commit and path however many images share a context. */
  private readonly listings = new Map<string, Promise<GitFile[]>>();
  listFiles(cwd: string, commit: string, path: string): Promise<GitFile[]> {
    return once(this.listings, `${cwd}\0${commit}\0${path}`, () =>
      this.inner.listFiles ? this.inner.listFiles(cwd, commit, path) : Promise.reject(new Error('this git cannot list files')),
    );
  }

  /** Committed text is read once per directory, commit and path (images share Dockerfiles and ignore files). */
  private readonly texts = new Map<string, Promise<string | undefined>>();
  readFile(cwd: string, commit: string, path: string): Promise<string | undefined> {
    return once(this.texts, `${cwd}\0${commit}\0${path}`, () =>
      this.inner.readFile ? this.inner.readFile(cwd, commit, path) : Promise.reject(new Error('this git cannot read files')),
    );
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
