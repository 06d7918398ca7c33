import { DockerCli, loadSdkEcr } from '@ensure-image/adapters';
import { parseBoolean, parseList, planLogins } from '@ensure-image/conventions';
import { getInput, getState, log, saveState, setOutputs, writeSummary } from '@ensure-image/kit';
import { login, logout } from '@ensure-image/steps';

const LOGGED_IN = 'registries';

export async function run(): Promise<void> {
  const maskPassword = parseBoolean('mask-password', getInput('mask-password'), true);
  const skipLogout = parseBoolean('skip-logout', getInput('skip-logout'), false);
  const outputCredentials = parseBoolean('output-credentials', getInput('output-credentials'), false);
  const plan = planLogins(parseList(getInput('registries')), getInput('region') || undefined, process.env);

  const hosts: string[] = [];
  const result = await login(
    plan,
    { ecr: loadSdkEcr, docker: new DockerCli(), log },
    {
      // Unmasked only when the user both asks for credential outputs and turns masking off.
      mask: maskPassword || !outputCredentials,
      onLogin: (host) => {
        hosts.push(host);
        if (!skipLogout) saveState(LOGGED_IN, hosts);
      },
    },
  );
  const first = outputCredentials ? result.credentials[0] : undefined;
  setOutputs({
    registry: result.registry,
    registries: result.hosts.join(','),
    'docker-username': first?.username,
    'docker-password': first?.password,
  });
  await writeSummary('ECR login', result.hosts.map((h) => ['logged in', h]));
}

export async function post(): Promise<void> {
  const hosts = getState<string[]>(LOGGED_IN) ?? [];
  if (hosts.length === 0) return;
  await logout(hosts, { docker: new DockerCli(), log });
}
