import * as exec from '@actions/exec';

/** What the steps ask of git. */
export interface Git {
  /** `git rev-parse` of several revisions in one process; throws when any is unknown. Each rev starts with HEAD or a hex id, so none reads as an option. */
  revParse(cwd: string, revs: readonly string[]): Promise<string[]>;
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
}
