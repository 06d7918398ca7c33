import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A throwaway git repository for the tag tests. */
export class GitFixture {
  readonly dir = mkdtempSync(join(tmpdir(), 'ws-'));
  constructor() {
    this.git('init', '-q', '-b', 'main');
  }
  git(...args: string[]): string {
    return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], {
      cwd: this.dir,
      encoding: 'utf8',
    }).trim();
  }
  write(files: Record<string, string>): this {
    for (const [p, content] of Object.entries(files)) {
      mkdirSync(dirname(join(this.dir, p)), { recursive: true });
      writeFileSync(join(this.dir, p), content);
    }
    return this;
  }
  /** Check out an earlier commit (a rollback's rerun), detached. */
  checkout(rev: string): this {
    this.git('checkout', '-q', '--detach', rev);
    return this;
  }
  commit(message: string): string {
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }
}
