import { loadSdkEcr } from '@ensure-image/adapters/aws';
import { DockerCli } from '@ensure-image/adapters/docker';
import { guarded, log, logoutSaved, setOutputs, trackLogins, writeSummary } from '@ensure-image/runner';
import { login, logout } from '@ensure-image/steps';
import { readInputs } from './inputs.js';

async function main(): Promise<void> {
  const i = readInputs();
  const result = await login(i.plan, { ecr: loadSdkEcr, docker: new DockerCli(), log }, { mask: i.mask, onLogin: trackLogins(!i.skipLogout) });
  const first = i.outputCredentials ? result.credentials[0] : undefined;
  setOutputs({
    registry: result.registry,
    registries: result.hosts.join(','),
    'docker-username': first?.username,
    'docker-password': first?.password,
  });
  await writeSummary(
    'ECR login',
    result.hosts.map((h) => ['logged in', h]),
  );
}

/** The action (also what @github/local-action calls): failures end the step, never throw. */
export const run = guarded(main);

/** The post step: log out of what the main step logged in to. */
export const post = guarded(() => logoutSaved(logout));
