// The all-in-one action's inputs: declared once (with action.yml's defaults), read and
// validated as a whole before git, STS, ECR or docker runs.
import * as path from 'node:path';
import { defaultImagePaths, isAutoPaths, normalisePath, parseList, validateImageName, validatePrefix, validateShaInput } from '@ensure-image/core';
import {
  CDK_INPUTS,
  BUILD_INPUTS,
  DIRTY_INPUT,
  PUSH_INPUTS,
  REPOSITORY_INPUTS,
  SCAN_INPUTS,
  buildSettings,
  declareInputs,
  input,
  imageInputs,
  log,
  pushSettings,
  readDeclared,
  refuseUnscannable,
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
  ...PUSH_INPUTS,
  login: input.bool('true'),
  ...CDK_INPUTS,
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
  const image = imageInputs(v, env);
  refuseUnscannable(v['scan-gate'], image, env);
  const name = validateImageName('name', v.name || (v.repository.split('/').pop() as string));
  // The CDK keys are known now (only the tag is not): a flag that collides with the image's key fails here.
  ensureCdkArgs({ flag: v.flag, keySuffix: v['key-suffix'], name }, true, 'x');
  const settings = buildSettings(v, ws, env, log);
  const push = pushSettings(v, env);
  return {
    name,
    image,
    tag: {
      ...tagInputs(
        { ...v, source: v['tag-source'], prefix: v.prefix || validatePrefix('name', name) },
        ws,
        defaultPaths(ws, settings.context, settings.file),
        env,
      ),
      // No paths (or `auto`): the tag covers what the Dockerfile reads.
      build: {
        context: path.relative(ws, settings.context) || '.',
        file: path.relative(ws, settings.file),
        buildArgs: settings.buildArgs,
        ...(settings.target ? { target: settings.target } : {}),
        name,
      },
      auto: v.paths.length === 0,
    },
    settings,
    tags: v.tags,
    push,
    login: v.login,
    force: v['force-build'],
    dirty: v.dirty,
    flag: v.flag,
    keySuffix: v['key-suffix'],
    scan: scanSettings(v),
  };
}
