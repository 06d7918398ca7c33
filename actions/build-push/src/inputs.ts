import { type ImageInputs, type RepositorySettings, validateImageInputs, validateImageName } from '@ensure-image/core';
import {
  IMAGE_INPUTS,
  BUILD_INPUTS,
  type BuildSettings,
  DIRTY_INPUT,
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
import type { CacheMode, DirtyMode } from '@ensure-image/core';
import type { ScanSettings } from '@ensure-image/steps';

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

export interface BuildPushInputs {
  image: ImageInputs;
  settings: BuildSettings;
  /** More tags (bare or full references), expanded once the image is resolved. */
  tags: readonly string[];
  cache: CacheMode;
  skipIfExists: boolean;
  credentials?: { username: string; password: string };
  runnerTemp: string;
  act: boolean;
  workspace: string;
  /** The image's name (cache scope); empty: from the tag. */
  name: string;
  createRepository?: RepositorySettings;
  missingRepository: 'error' | 'absent';
  dirty: DirtyMode;
  /** The scan gate over the image pushed or found (off: no call). */
  scan: ScanSettings;
  /** Build the one platform for a later merge (actions/merge). */
  platformJob: boolean;
}

/** The inputs, read and checked as a whole (before STS, a registry or docker is asked). */
export function readInputs(env: NodeJS.ProcessEnv = process.env): BuildPushInputs {
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
    cache: v.cache,
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
