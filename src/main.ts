// The all-in-one action: resolve the tag, log in, check, build only when missing, emit CDK
// args. It chains the same step functions as the sub-actions, in one process.
import * as path from 'node:path';
import { ActionsDirCache, DockerCli, GitCli, HttpRegistry, loadSdkEcr } from '@ensure-image/adapters';
import {
  ValidationError,
  cdkContext,
  classifyRegistry,
  defaultImagePaths,
  normalisePath,
  parseBoolean,
  parseChoice,
  parseInteger,
  parseList,
  planLogins,
  validatePrefix,
} from '@ensure-image/conventions';
import {
  getInput,
  getState,
  isAct,
  log,
  readBuildPlan,
  readCacheMode,
  readContext,
  readCredentials,
  readImageInputs,
  saveState,
  setOutputs,
  workspace,
  writeSummary,
} from '@ensure-image/kit';
import { basicLogin, buildPush, login, logout, resolveTag, resolveTarget } from '@ensure-image/steps';

const LOGGED_IN = 'registries';

/** Seconds per phase, for the job summary. */
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

/** For `tag-source: tree`: the context, plus the Dockerfile when it lies outside it. */
function defaultPaths(ws: string, context: string, file: string): string[] {
  const rel = (p: string): string => path.relative(ws, p) || '.';
  return defaultImagePaths(rel(context), rel(file));
}

export async function run(): Promise<void> {
  const env = process.env;
  const ws = workspace(env);
  const repository = getInput('repository');
  if (!repository) throw new ValidationError('repository', 'required: the repository name (like cloudtak or team/app)');
  const name = getInput('name') || (repository.split('/').pop() as string);
  const credentials = readCredentials();
  const doLogin = parseBoolean('login', getInput('login'), true);
  const force = parseBoolean('force-build', getInput('force-build'), false);
  const cache = readCacheMode();
  const source = parseChoice('tag-source', getInput('tag-source'), ['commit', 'tree'] as const, 'commit');
  const { context, file } = readContext(ws);
  const paths = parseList(getInput('paths'));
  const phases = new Phases();
  // Start loading the AWS SDK now, while git runs, when the registry may be ECR.
  const registryInput = getInput('registry');
  if (registryInput === '' || /^\d{12}$/.test(registryInput) || classifyRegistry(registryInput).kind !== 'oci') void loadSdkEcr().catch(() => {});

  const tag = await phases.time('resolve tag', () =>
    resolveTag(
      {
        prefix: validatePrefix('prefix', getInput('prefix') || name),
        source,
        paths: (paths.length ? paths : defaultPaths(ws, context, file)).map((p) => normalisePath('paths', p)),
        length: parseInteger('length', getInput('length'), 7, 1, 64),
        aliases: parseList(getInput('aliases')),
        workspace: ws,
        ...(env.GITHUB_SHA ? { githubSha: env.GITHUB_SHA } : {}),
      },
      { git: new GitCli(), log },
    ),
  );
  const image = await resolveTarget(
    { ...readImageInputs(), tag: tag.tag },
    { ecr: loadSdkEcr, log },
    env,
  );
  const plan = readBuildPlan(image.ref, ws, env);
  plan.extraRefs = tag.tags.slice(1).map((t) => `${image.ref.registry}/${image.ref.repository}:${t}`);

  const docker = new DockerCli();
  // The login runs alongside the existence check; a build waits for it.
  const loggedIn = !doLogin
    ? Promise.resolve()
    : phases.time('login', async () => {
        const hosts: string[] = [];
        const remember = (host: string): void => {
          hosts.push(host);
          saveState(LOGGED_IN, hosts);
        };
        if (image.registry.kind !== 'oci') {
          await login(planLogins([image.ref.registry], getInput('region') || undefined, env), { ecr: loadSdkEcr, docker, log }, { onLogin: remember });
        } else if (credentials) {
          await basicLogin(image.ref.registry, credentials, { docker, log });
          remember(image.ref.registry);
        }
      });

  const result = await phases.time('check and build', () =>
    buildPush(
      { image, plan, cache, skipIfExists: !force, runnerTemp: env.RUNNER_TEMP || '/tmp', act: isAct(env), ready: loggedIn, ...(credentials ? { credentials } : {}) },
      { docker, log, ecr: loadSdkEcr, registry: new HttpRegistry(), cache: new ActionsDirCache() },
    ),
  );
  const cdk = cdkContext({
    flag: getInput('flag'),
    usePrebuilt: result.digest !== '',
    images: [{ name, tag: tag.tag }],
    keySuffix: getInput('key-suffix'),
    extra: [],
  });

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
  await writeSummary(`ensure-image: ${name}`, [
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
