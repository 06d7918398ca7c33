// The all-in-one action's inputs: declared once (with action.yml's defaults), read and
// validated as a whole before git, STS, ECR or docker runs.
import * as path from 'node:path';
import {
  defaultImagePaths,
  isAutoPaths,
  normalisePath,
  parseList,
  validateContextKey,
  validateImageInputs,
  validateImageName,
  validatePrefix,
  validateShaInput,
} from '@ensure-image/core';
import {
  BUILD_INPUTS,
  DIRTY_INPUT,
  REPOSITORY_INPUTS,
  SCAN_INPUTS,
  buildSettings,
  credentials,
  declareInputs,
  input,
  imageInputs,
  isAct,
  log,
  readDeclared,
  refuseUnscannable,
  repositorySettings,
  scanSettings,
  tagInputs,
  workspace,
} from '@ensure-image/runner';
import { type EnsureRequest, ensureCdkArgs } from '@ensure-image/steps';

/** Every input the all-in-one action reads, with action.yml's defaults. */
export const INPUTS = declareInputs({
  repository: input.text('', { required: true, hint: 'the repository name (like cloudtak or team/app)' }),
  name: input.text(''),
  registry: input.text(''),
  account: input.text(''),
  region: input.text(''),
  'tag-source': input.choice(['commit', 'tree'] as const, 'commit'),
  paths: input.parsed('', (n, v) => (isAutoPaths(v) ? [] : parseList(v).map((p) => normalisePath(n, p)))),
  prefix: input.parsed('', validatePrefix),
  length: input.int(1, 64, '7'),
  sha: input.parsed('', (n, v) => (v === '' ? '' : validateShaInput(n, v))),
  aliases: input.list(''),
  ...BUILD_INPUTS,
  ...REPOSITORY_INPUTS,
  'force-build': input.bool('false'),
  ...DIRTY_INPUT,
  'platform-job': input.bool('false'),
  login: input.bool('true'),
  username: input.text(''),
  password: input.text(''),
  flag: input.parsed('usePreBuiltImages', validateContextKey, { keepEmpty: true }),
  'key-suffix': input.parsed('ImageTag', validateContextKey, { keepEmpty: true }),
  ...SCAN_INPUTS,
});

/** For `tag-source: tree`: the context, plus the Dockerfile when it lies outside it. */
function defaultPaths(ws: string, context: string, file: string): string[] {
  const rel = (p: string): string => path.relative(ws, p) || '.';
  return defaultImagePaths(rel(context), rel(file));
}

export function readInputs(env: NodeJS.ProcessEnv = process.env): EnsureRequest {
  const ws = workspace(env);
  const v = readDeclared(INPUTS, env);
  const image = imageInputs(v);
  validateImageInputs(image, env);
  refuseUnscannable(v['scan-gate'], image, env);
  const name = validateImageName('name', v.name || (v.repository.split('/').pop() as string));
  // The CDK keys are known now (only the tag is not): a flag that collides with the image's key fails here.
  ensureCdkArgs({ flag: v.flag, keySuffix: v['key-suffix'], name }, true, 'x');
  const build = buildSettings(v, ws, env, log);
  const create = repositorySettings(v);
  const creds = credentials(v, log);
  return {
    name,
    image,
    tag: {
      ...tagInputs({ ...v, source: v['tag-source'], prefix: v.prefix || validatePrefix('name', name) }, ws, defaultPaths(ws, build.context, build.file), env),
      // No paths (or `auto`): the tag covers what the Dockerfile reads.
      build: {
        context: path.relative(ws, build.context) || '.',
        file: path.relative(ws, build.file),
        buildArgs: build.buildArgs,
        ...(build.target ? { target: build.target } : {}),
        name,
      },
      auto: v.paths.length === 0,
    },
    build,
    tags: v.tags,
    ...(creds ? { credentials: creds } : {}),
    login: v.login,
    force: v['force-build'],
    dirty: v.dirty,
    flag: v.flag,
    keySuffix: v['key-suffix'],
    runnerTemp: env.RUNNER_TEMP || '/tmp',
    act: isAct(env),
    ...(create ? { createRepository: create } : {}),
    missingRepository: v['missing-repository'],
    scan: scanSettings(v),
    platformJob: v['platform-job'],
  };
}
