// `docker buildx bake --print`: the resolved JSON of a bake (or compose) file, as docker/bake-action
// reads it. HCL is never parsed here. argv only; the files and targets are the user's, checked first.
import * as exec from '@actions/exec';

export interface BakeRequest {
  /** Where bake runs: contexts in the file are relative to it (the workspace). */
  cwd: string;
  /** The files, as `-f` (docker's lookup when empty). */
  files: readonly string[];
  /** Targets or groups (the default group when empty). */
  targets: readonly string[];
  env?: Record<string, string>;
}

/** Thrown when buildx is not there to resolve a bake file. */
export class BuildxMissingError extends Error {
  override readonly name = 'BuildxMissingError';
}

async function run(args: string[], cwd: string, env: Record<string, string>): Promise<exec.ExecOutput | undefined> {
  try {
    return await exec.getExecOutput('docker', args, { cwd, ignoreReturnCode: true, silent: true, env: { ...(process.env as Record<string, string>), ...env } });
  } catch {
    return undefined; // no docker CLI at all
  }
}

/** The JSON `docker buildx bake --print` prints for the request. */
export async function bakePrint(r: BakeRequest): Promise<unknown> {
  const env = r.env ?? {};
  const version = await run(['buildx', 'version'], r.cwd, env);
  if (!version || version.exitCode !== 0)
    throw new BuildxMissingError((version?.stderr || version?.stdout || 'docker is not on PATH').trim().split('\n')[0] ?? '');
  const args = ['buildx', 'bake', '--print', ...r.files.flatMap((f) => ['-f', f]), '--', ...r.targets];
  const out = await run(args, r.cwd, env);
  if (!out || out.exitCode !== 0) throw new Error(`docker buildx bake --print failed: ${(out?.stderr ?? '').trim().split('\n').slice(-3).join(' ')}`);
  return JSON.parse(out.stdout) as unknown;
}
