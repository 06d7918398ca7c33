import { validateImageName } from '@ensure-image/core';
import {
  BUILD_INPUTS,
  DIRTY_INPUT,
  IMAGE_INPUTS,
  PUSH_INPUTS,
  REPOSITORY_INPUTS,
  SCAN_INPUTS,
  buildSettings,
  declareInputs,
  imageInputs,
  input,
  log,
  pushSettings,
  readDeclared,
  refuseUnscannable,
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
  ...PUSH_INPUTS,
  ...SCAN_INPUTS,
});

/** The inputs, read and checked as a whole (before STS, a registry or docker is asked). */
export function readInputs(env: NodeJS.ProcessEnv = process.env): BuildImageRequest {
  const v = readDeclared(INPUTS, env);
  const push = pushSettings(v, env);
  const image = imageInputs(v, env);
  refuseUnscannable(v['scan-gate'], image, env);
  const ws = workspace(env);
  return {
    image,
    settings: buildSettings(v, ws, env, log),
    tags: v.tags,
    skipIfExists: v['skip-if-exists'],
    push,
    workspace: ws,
    name: v.name,
    dirty: v.dirty,
    scan: scanSettings(v),
  };
}
