import { defaultImagePaths, dockerfilePath, isAutoPaths, normalisePath, parseList, validatePrefix, validateShaInput, validateStage } from '@ensure-image/core';
import { DIRTY_INPUT, declareInputs, input, readDeclared, tagInputs, workspace } from '@ensure-image/runner';
import type { TagCheckoutRequest } from '@ensure-image/steps';

/** Every input resolve-tag reads, with action.yml's defaults. */
export const INPUTS = declareInputs({
  prefix: input.parsed('', validatePrefix),
  source: input.choice(['commit', 'tree'] as const, 'commit'),
  paths: input.parsed('.', (n, v) => (isAutoPaths(v) ? [] : parseList(v).map((p) => normalisePath(n, p)))),
  context: input.parsed('.', normalisePath),
  file: input.parsed('', (n, v) => (v === '' ? '' : normalisePath(n, v))),
  'build-args': input.pairs(''),
  target: input.parsed('', validateStage),
  length: input.int(1, 64, '7'),
  sha: input.parsed('', (n, v) => (v === '' ? '' : validateShaInput(n, v))),
  aliases: input.list(''),
  ...DIRTY_INPUT,
});

/** The inputs, read and checked as far as they can be without git. */
export function readInputs(env: NodeJS.ProcessEnv = process.env): TagCheckoutRequest {
  const v = readDeclared(INPUTS, env);
  // `paths: auto`: what the Dockerfile reads; its context (and Dockerfile) are where uncommitted changes are looked for.
  const file = dockerfilePath(v.context, v.file);
  const auto = v.paths.length === 0;
  const build = { context: v.context, file, buildArgs: v['build-args'], ...(v.target ? { target: v.target } : {}), ...(v.prefix ? { name: v.prefix } : {}) };
  return { ...tagInputs(v, workspace(env), defaultImagePaths(v.context, file), env), ...(auto ? { auto, build } : {}), dirty: v.dirty };
}
