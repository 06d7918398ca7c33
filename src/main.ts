// The all-in-one action: resolve the tag, log in, check, build only when missing, emit CDK
// args. It chains the same step functions as the sub-actions, in one process.
import { ActionsDirCache, DockerCli, GitCli, HttpRegistry, loadSdkEcr } from '@ensure-image/adapters';
import { type ResolvedImage, cdkContext, classifyRegistry, formatName, planLogins } from '@ensure-image/conventions';
import { getState, isAct, log, readBuildPlan, saveState, setOutputs, writeSummary } from '@ensure-image/kit';
import { basicLogin, buildPush, login, logout, resolveTag, resolveTarget } from '@ensure-image/steps';
import { type EnsureInputs, readInputs } from './inputs.js';

const LOGGED_IN = 'registries';

/** Seconds per phase, for the job summary (login overlaps the check). */
class Phases {
  readonly rows: [string, string][] = [];
  async time<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      this.rows.push([`${name} (s)`, ((performance.now() - t0) / 1000).toFixed(2)]);
    }
  }
}

/** Log docker in to the image's registry: ECR (private or public) by token, others with username/password. */
async function logIn(i: EnsureInputs, image: ResolvedImage, docker: DockerCli): Promise<void> {
  const hosts: string[] = [];
  const remember = (host: string): void => {
    hosts.push(host);
    saveState(LOGGED_IN, hosts);
  };
  if (image.registry.kind !== 'oci') {
    await login(planLogins([image.ref.registry], i.image.region, process.env), { ecr: loadSdkEcr, docker, log }, { onLogin: remember });
  } else if (i.credentials) {
    await basicLogin(image.ref.registry, i.credentials, { docker, log });
    remember(image.ref.registry);
  }
}

export async function run(): Promise<void> {
  const env = process.env;
  const i = readInputs(env);
  const phases = new Phases();
  // Start loading the AWS SDK now, while git runs, when the registry may be ECR.
  const registry = i.image.registry ?? '';
  if (registry === '' || /^\d{12}$/.test(registry) || classifyRegistry(registry).kind !== 'oci') void loadSdkEcr().catch(() => {});

  const tag = await phases.time('resolve tag', () => resolveTag(i.tag, { git: new GitCli(), log }));
  const image = await resolveTarget({ ...i.image, tag: tag.tag }, { ecr: loadSdkEcr, log }, env);
  const plan = readBuildPlan(image.ref, i.workspace, env);
  plan.extraRefs = tag.tags.slice(1).map((t) => `${formatName(image.ref)}:${t}`);

  const docker = new DockerCli();
  // A private ECR check goes through the API, so the login runs alongside it and only a build
  // waits for it; other registries' checks may need the login the docker config is given.
  const loggedIn = i.login ? phases.time('login', () => logIn(i, image, docker)) : Promise.resolve();
  if (image.registry.kind !== 'ecr') await loggedIn;
  const result = await phases.time('check and build', () =>
    buildPush(
      { image, plan, cache: i.cache, skipIfExists: !i.force, runnerTemp: env.RUNNER_TEMP || '/tmp', act: isAct(env), ready: loggedIn, ...(i.credentials ? { credentials: i.credentials } : {}) },
      { docker, log, ecr: loadSdkEcr, registry: new HttpRegistry(), cache: new ActionsDirCache() },
    ),
  );
  const cdk = cdkContext({ flag: i.flag, usePrebuilt: result.digest !== '', images: [{ name: i.name, tag: tag.tag }], keySuffix: i.keySuffix, extra: [] });

  setOutputs({
    image: result.image,
    tag: tag.tag,
    id: tag.id,
    digest: result.digest,
    'image-digest': result.imageDigest,
    exists: result.existed,
    built: result.built,
    'cdk-args': cdk.shell,
    'cdk-args-json': JSON.stringify(cdk.argv),
  });
  log.info(`CDK arguments: ${cdk.shell}`);
  await writeSummary(`ensure-image: ${i.name}`, [
    ['image', result.image],
    ['tag', tag.tag],
    ['result', result.existed ? 'existed: build skipped' : result.built ? `built and pushed (${result.builder})` : 'pushed by another run'],
    ['digest', result.digest],
    ['CDK args', cdk.shell],
    ...phases.rows,
  ]);
}

export async function post(): Promise<void> {
  const hosts = getState<string[]>(LOGGED_IN) ?? [];
  if (hosts.length > 0) await logout(hosts, { docker: new DockerCli(), log });
}
