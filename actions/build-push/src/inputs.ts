import { validateImageInputs, validateImageName } from '@ensure-image/core';
import {
  BUILD_INPUTS,
  DIRTY_INPUT,
  IMAGE_INPUTS,
  REPOSITORY_INPUTS,
  SCAN_INPUTS,
  buildSettings,
  credentials,
  declareInputs,
  imageInputs,
  input,
  isAct,
  log,
  readDeclared,
  refuseUnscannable,
  repositorySettings,
  scanSettings,
  workspace,
} from '@ensure-image/runner';
import type { BuildImageRequest } from '@ensure-image/steps';

/** Every input build-push reads, with action.yml's defaults. */
export const INPUTS = declareInputs({
  ...IMAGE_INPUTS,
  name: input.parsed('', (n, v) => (v === '' ? '' : validateImageName(n, v))),
  ...BUILD_INPUTS,
  ...REPOSITORY_INPUTS,
  'skip-if-exists': input.bool('true'),
  ...DIRTY_INPUT,
  'platform-job': input.bool('false'),
  username: input.text(''),
  password: input.text(''),
  ...SCAN_INPUTS,
});

/** The inputs, read and checked as a whole (before STS, a registry or docker is asked). */
export function readInputs(env: NodeJS.ProcessEnv = process.env): BuildImageRequest {
  const v = readDeclared(INPUTS, env);
  const creds = credentials(v, log);
  const image = imageInputs(v);
  validateImageInputs(image, env);
  refuseUnscannable(v['scan-gate'], image, env);
  const ws = workspace(env);
  const create = repositorySettings(v);
  return {
    image,
    settings: buildSettings(v, ws, env, log),
    tags: v.tags,
    skipIfExists: v['skip-if-exists'],
    ...(creds ? { credentials: creds } : {}),
    runnerTemp: env.RUNNER_TEMP || '/tmp',
    act: isAct(env),
    workspace: ws,
    name: v.name,
    ...(create ? { createRepository: create } : {}),
    missingRepository: v['missing-repository'],
    dirty: v.dirty,
    scan: scanSettings(v),
    platformJob: v['platform-job'],
  };
}
