import * as path from 'node:path';

/** Running under nektos/act (`ACT=true`): no cache service, no OIDC. */
export function isAct(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.ACT === 'true';
}

/** GITHUB_WORKSPACE, or the current directory outside a runner. */
export function workspace(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.GITHUB_WORKSPACE || process.cwd());
}
