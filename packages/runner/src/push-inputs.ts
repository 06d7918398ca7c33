// How the steps that push one image (the root action, build-push) push it: the registry's
// username and password, the repository inputs, the platform job, and the runner's temp dir.
import { input, type Values } from './declare.js';
import { isAct } from './env.js';
import { CREDENTIAL_INPUTS, credentials } from './image-inputs.js';
import { log } from './log.js';
import { type RepositoryValues, repositorySettings } from './repository-inputs.js';

export const PUSH_INPUTS = {
  'platform-job': input.bool('false'),
  ...CREDENTIAL_INPUTS,
};

/** The push settings as the use cases take them (steps' PushSettings); the password is masked here. */
export function pushSettings(v: Values<typeof PUSH_INPUTS> & RepositoryValues, env: NodeJS.ProcessEnv) {
  const creds = credentials(v, log);
  const create = repositorySettings(v);
  return {
    ...(creds ? { credentials: creds } : {}),
    runnerTemp: env.RUNNER_TEMP || '/tmp',
    act: isAct(env),
    ...(create ? { createRepository: create } : {}),
    missingRepository: v['missing-repository'],
    platformJob: v['platform-job'],
  };
}
