import { type ImageInputs, type RepositorySettings, validateImageInputs, validateImageName } from '@ensure-image/conventions';
import {
  BUILD_INPUTS,
  type BuildSettings,
  REPOSITORY_INPUTS,
  buildSettings,
  credentials,
  declareInputs,
  imageInputs,
  input,
  isAct,
  log,
  readDeclared,
  repositorySettings,
  workspace,
} from '@ensure-image/kit';
import type { CacheMode } from '@ensure-image/conventions';

/** Every input build-push reads, with action.yml's defaults. */
export const INPUTS = declareInputs({
  image: input.text(''),
  repository: input.text(''),
  tag: input.text(''),
  registry: input.text(''),
  account: input.text(''),
  region: input.text(''),
  name: input.parsed('', (n, v) => (v === '' ? '' : validateImageName(n, v))),
  ...BUILD_INPUTS,
  ...REPOSITORY_INPUTS,
  'skip-if-exists': input.bool('true'),
  'platform-job': input.bool('false'),
  username: input.text(''),
  password: input.text(''),
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
  /** Build the one platform for a later merge (actions/merge). */
  platformJob: boolean;
}

/** The inputs, read and checked as a whole (before STS, a registry or docker is asked). */
export function readInputs(env: NodeJS.ProcessEnv = process.env): BuildPushInputs {
  const v = readDeclared(INPUTS, env);
  const creds = credentials(v, log);
  const image = imageInputs(v);
  validateImageInputs(image, env);
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
    platformJob: v['platform-job'],
  };
}
