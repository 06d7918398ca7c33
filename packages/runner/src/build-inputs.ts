import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { Log } from '@ensure-image/adapters/log';
import {
  type BuildSecret,
  type BuildSettings,
  CACHE_MODES,
  ValidationError,
  ociLabels,
  parseExtraTags,
  parsePlatforms,
  parseSecretEnvs,
  shown,
  validateNetwork,
  validateSecretIds,
  validateStage,
} from '@ensure-image/core';
import { type Values, input } from './declare.js';

/** Lines of raw buildx values (cache-from/cache-to hold commas, so only newlines separate them). */
const lines = (_name: string, v: string): string[] =>
  v
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));

/** The build inputs build-push and the all-in-one action both declare (same names, same defaults). */
export const BUILD_INPUTS = {
  tags: input.parsed('', parseExtraTags),
  context: input.text('.'),
  file: input.text(''),
  'build-args': input.pairs(''),
  platforms: input.parsed('', parsePlatforms),
  target: input.parsed('', validateStage),
  labels: input.pairs(''),
  cache: input.choice(CACHE_MODES, 'auto'),
  provenance: input.bool('false'),
  push: input.bool('true'),
  builder: input.text(''),
  secrets: input.pairs(''),
  'secret-envs': input.pairs(''),
  'secret-files': input.pairs(''),
  ssh: input.parsed('', lines, { multiline: true }),
  'no-cache': input.bool('false'),
  pull: input.bool('false'),
  network: input.parsed('', validateNetwork),
  'cache-from': input.parsed('', lines, { multiline: true }),
  'cache-to': input.parsed('', lines, { multiline: true }),
};

/** The build inputs as read (their types inferred from the declarations above). */
export type BuildValues = Values<typeof BUILD_INPUTS>;

/** A workspace-relative path input, resolved and checked to exist. */
function workspacePath(name: string, value: string, ws: string): string {
  const abs = path.resolve(ws, value);
  if (!existsSync(abs)) throw new ValidationError(name, `${shown(value)} does not exist (paths are relative to the workspace, ${ws})`);
  return abs;
}

/** Context and Dockerfile, relative to the workspace; `file` defaults to `<context>/Dockerfile`. */
function contextAndFile(v: { context: string; file: string }, ws: string): { context: string; file: string } {
  const context = workspacePath('context', v.context, ws);
  const file = v.file ? workspacePath('file', v.file, ws) : workspacePath('file', path.join(context, 'Dockerfile'), ws);
  return { context, file };
}

/** Build secrets from `secrets` (values, masked at once), `secret-envs` and `secret-files`. */
function buildSecrets(v: BuildValues, ws: string, log: Log): BuildSecret[] {
  validateSecretIds(
    'secrets',
    [...v.secrets, ...v['secret-envs'], ...v['secret-files']].map((kv) => kv.key),
  );
  for (const s of v.secrets) log.secret(s.value);
  return [
    ...v.secrets.map(({ key, value }) => ({ id: key, value })),
    ...parseSecretEnvs('secret-envs', v['secret-envs']),
    ...v['secret-files'].map(({ key, value }) => ({ id: key, file: workspacePath('secret-files', value, ws) })),
  ];
}

/**
 * The build settings, paths checked, secret values masked; the OCI source label from the
 * workflow run. The revision label is added once git has run (withRevision): it is the commit
 * the tag was taken from.
 */
export function buildSettings(v: BuildValues, ws: string, env: NodeJS.ProcessEnv, log: Log): BuildSettings {
  const source = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}` : undefined;
  const secrets = buildSecrets(v, ws, log);
  return {
    ...contextAndFile(v, ws),
    buildArgs: v['build-args'],
    labels: ociLabels(v.labels, undefined, source),
    ...(secrets.length ? { secrets } : {}),
    ...(v.ssh.length ? { ssh: v.ssh } : {}),
    ...(v['no-cache'] ? { noCache: true } : {}),
    ...(v.pull ? { pull: true } : {}),
    ...(v.network ? { network: v.network } : {}),
    ...(v['cache-from'].length ? { cacheFrom: v['cache-from'] } : {}),
    ...(v['cache-to'].length ? { cacheTo: v['cache-to'] } : {}),
    platforms: v.platforms,
    provenance: v.provenance,
    push: v.push,
    cache: v.cache,
    ...(v.target ? { target: v.target } : {}),
    ...(v.builder ? { builder: v.builder } : {}),
  };
}
