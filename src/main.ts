// The all-in-one action: inputs read and checked first, then the ensureImage use case over the real adapters.
import { loadSdkEcr } from '@ensure-image/adapters/aws';
import { ActionsDirCache } from '@ensure-image/adapters/cache';
import { DockerCli } from '@ensure-image/adapters/docker';
import { GitCli } from '@ensure-image/adapters/git';
import { HttpRegistry } from '@ensure-image/adapters/oci';
import { guarded, log, logoutSaved, report, trackLogins } from '@ensure-image/runner';
import { ensureImage, logout } from '@ensure-image/steps';
import { readInputs } from './inputs.js';

const deps = () => ({
  git: new GitCli(),
  ecr: loadSdkEcr,
  docker: new DockerCli(),
  registry: new HttpRegistry(),
  cache: new ActionsDirCache(),
  log,
  env: process.env,
  onLogin: trackLogins(),
});

/** The action (also what @github/local-action calls): failures end the step, never throw. */
export const run = guarded(async () => report(await ensureImage(readInputs(process.env), deps())));

/** The post step: log out of what the main step logged in to. */
export const post = guarded(() => logoutSaved(logout));
