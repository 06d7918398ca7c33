import { existsSync } from 'node:fs';
import * as path from 'node:path';
import {
  type BuildSpec,
  CACHE_MODES,
  type KeyValue,
  ValidationError,
  ociLabels,
  parseExtraTags,
  parsePlatforms,
  shown,
  validateStage,
} from '@ensure-image/conventions';
import { input } from './declare.js';

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
};

export interface BuildValues {
  context: string;
  file: string;
  'build-args': KeyValue[];
  platforms: string[];
  target: string;
  labels: KeyValue[];
  provenance: boolean;
  push: boolean;
  builder: string;
}

/** What build-push's step takes, less the extra references (known once the image is). */
export type BuildSettings = Omit<BuildSpec, 'extraRefs'>;

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

/** The build settings, paths checked; OCI revision and source labels added from the workflow run. */
export function buildSettings(v: BuildValues, ws: string, env: NodeJS.ProcessEnv = process.env): BuildSettings {
  const source = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}` : undefined;
  return {
    ...contextAndFile(v, ws),
    buildArgs: v['build-args'],
    labels: ociLabels(v.labels, env.GITHUB_SHA, source),
    platforms: v.platforms,
    provenance: v.provenance,
    push: v.push,
    ...(v.target ? { target: v.target } : {}),
    ...(v.builder ? { builder: v.builder } : {}),
  };
}
