// Reading committed content: what `paths: auto` lists and reads (only committed content counts,
// as for tree ids). Every revision given is a full object id, so none reads as an option.
import * as exec from '@actions/exec';
import type { GitFile } from './git.js';

async function git(cwd: string, args: string[]): Promise<exec.ExecOutput> {
  try {
    return await exec.getExecOutput('git', ['-C', cwd, ...args], { ignoreReturnCode: true, silent: true });
  } catch (e) {
    throw new Error(`git is not available (${(e as Error).message})`);
  }
}

/** `git ls-tree -r -z <commit> -- <path>`: every file (and submodule) under path, workspace-relative. */
export async function listFiles(cwd: string, commit: string, path: string): Promise<GitFile[]> {
  const r = await git(cwd, ['ls-tree', '-r', '-z', commit, '--', path]);
  if (r.exitCode !== 0) throw new Error(`git ls-tree ${commit} -- ${path} in ${cwd} failed: ${r.stderr.trim()}`);
  const out: GitFile[] = [];
  for (const entry of r.stdout.split('\0')) {
    // `<mode> SP <type> SP <object> TAB <path>`
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const meta = entry.slice(0, tab).split(' ');
    out.push({ path: entry.slice(tab + 1), id: meta[2] as string });
  }
  return out;
}

/** `git cat-file blob <commit>:./<path>`, or undefined when the commit has no file there. */
export async function readFile(cwd: string, commit: string, path: string): Promise<string | undefined> {
  const exists = await git(cwd, ['cat-file', '-e', `${commit}:./${path}`]);
  if (exists.exitCode !== 0) return undefined;
  const r = await git(cwd, ['cat-file', 'blob', `${commit}:./${path}`]);
  if (r.exitCode !== 0) throw new Error(`git cat-file ${commit}:${path} in ${cwd} failed: ${r.stderr.trim()}`);
  return r.stdout;
}
