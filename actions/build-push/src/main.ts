import { loadSdkEcr } from '@ensure-image/adapters/aws';
import { ActionsDirCache } from '@ensure-image/adapters/cache';
import { DockerCli } from '@ensure-image/adapters/docker';
import { GitCli } from '@ensure-image/adapters/git';
import { HttpRegistry } from '@ensure-image/adapters/oci';
import { guarded, log, report } from '@ensure-image/runner';
import { buildImage } from '@ensure-image/steps';
import { readInputs } from './inputs.js';

const deps = () => ({
  git: new GitCli(),
  docker: new DockerCli(),
  log,
  ecr: loadSdkEcr,
  registry: new HttpRegistry(),
  cache: new ActionsDirCache(),
  env: process.env,
});

/** The action (also what @github/local-action calls): failures end the step, never throw. */
export const run = guarded(async () => report(await buildImage(readInputs(), deps())));
