import { loadSdkEcr } from '@ensure-image/adapters/aws';
import { DockerCli } from '@ensure-image/adapters/docker';
import { guarded, log, logoutSaved, report, trackLogins } from '@ensure-image/runner';
import { logInRegistries, logout } from '@ensure-image/steps';
import { readInputs } from './inputs.js';

/** The action (also what @github/local-action calls): failures end the step, never throw. */
export const run = guarded(async () => {
  const i = readInputs();
  await report(await logInRegistries(i, { ecr: loadSdkEcr, docker: new DockerCli(), log, onLogin: trackLogins(!i.skipLogout) }));
});

/** The post step: log out of what the main step logged in to. */
export const post = guarded(() => logoutSaved(logout));
