import { DockerCli, loadSdkEcr } from '@ensure-image/adapters';
import { planLogins } from '@ensure-image/conventions';
import { guarded, log, logoutSaved, readDeclared, setOutputs, trackLogins, writeSummary } from '@ensure-image/kit';
import { login, logout } from '@ensure-image/steps';
import { INPUTS } from './inputs.js';

async function main(): Promise<void> {
  const i = readDeclared(INPUTS);
  const plan = planLogins(i.registries, i.region || undefined, process.env);
  const result = await login(
    plan,
    { ecr: loadSdkEcr, docker: new DockerCli(), log },
    // Unmasked only when the user both asks for credential outputs and turns masking off.
    { mask: i['mask-password'] || !i['output-credentials'], onLogin: trackLogins(!i['skip-logout']) },
  );
  const first = i['output-credentials'] ? result.credentials[0] : undefined;
  setOutputs({
    registry: result.registry,
    registries: result.hosts.join(','),
    'docker-username': first?.username,
    'docker-password': first?.password,
  });
  await writeSummary('ECR login', result.hosts.map((h) => ['logged in', h]));
}

/** The action (also what @github/local-action calls): failures end the step, never throw. */
export const run = guarded(main);

/** The post step: log out of what the main step logged in to. */
export const post = guarded(() => logoutSaved(logout));
