// The all-in-one action as a plain function: resolve the tag, log in, check, build only when
// missing, give the CDK args. Adapters come in as `deps`, so unit tests run it over fakes.
import type { Ecr } from '@ensure-image/adapters/aws';
import type { DirCache } from '@ensure-image/adapters/cache';
import type { Docker } from '@ensure-image/adapters/docker';
import type { Git } from '@ensure-image/adapters/git';
import type { Log } from '@ensure-image/adapters/log';
import type { Registry } from '@ensure-image/adapters/oci';
import { type RegionEnv, type ResolvedImage, cdkContext, withRevision, classifyRegistry, expandTags, isAccountId, planLogins } from '@ensure-image/core';
import {
  type ScanGateResult,
  type ScanOutputs,
  basicLogin,
  buildPush,
  gateImage,
  judgeWorktree,
  login,
  platformRows,
  platformsJson,
  resolveTag,
  resolveTarget,
  worktreeChanges,
} from '@ensure-image/steps';
import type { EnsureInputs } from './inputs.js';

export interface EnsureDeps {
  git: Git;
  ecr: () => Promise<Ecr>;
  docker: Docker;
  registry: Registry;
  cache: DirCache;
  log: Log;
  env: RegionEnv;
  /** Hears of each host docker holds a login for (the post step logs out of them). */
  onLogin: (host: string) => void;
}

export type EnsureOutputs = {
  image: string;
  tag: string;
  id: string;
  sha: string;
  tags: string;
  digest: string;
  'image-digest': string;
  exists: boolean;
  built: boolean;
  'cdk-args': string;
  'cdk-args-json': string;
  'use-prebuilt': boolean;
  platforms: string;
} & ScanOutputs;

export interface EnsureResult {
  outputs: EnsureOutputs;
  /** Rows for the job summary: what happened, and the seconds per phase. */
  summary: [string, string][];
  /** The scan gate's findings (none when off); `scan.failure` is for the caller to throw once outputs are written. */
  scan: ScanGateResult;
}

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
async function logIn(i: EnsureInputs, image: ResolvedImage, deps: EnsureDeps): Promise<void> {
  if (image.registry.kind !== 'oci') {
    await login(planLogins([image.ref.registry], i.image.region, deps.env), deps, { onLogin: deps.onLogin });
  } else if (i.credentials) {
    await basicLogin(image.ref.registry, i.credentials, deps);
    deps.onLogin(image.ref.registry);
  }
}

export async function ensure(i: EnsureInputs, deps: EnsureDeps): Promise<EnsureResult> {
  const phases = new Phases();
  // Start loading the AWS SDK now, while git runs, when the registry may be ECR.
  const registry = i.image.registry ?? '';
  if (registry === '' || isAccountId(registry) || classifyRegistry(registry).kind !== 'oci') void deps.ecr().catch(() => {});

  const [tag, [changes = []]] = await phases.time('resolve tag', () =>
    Promise.all([resolveTag(i.tag, deps), i.dirty === 'ignore' ? [[]] : worktreeChanges(i.tag.workspace, [i.tag.paths], deps.git)]),
  );
  judgeWorktree(i.dirty, [{ name: i.name, tag: tag.tag, files: changes.map((c) => c.path) }], deps.log);
  const image = await resolveTarget({ ...i.image, tag: tag.tag }, deps, deps.env);
  // The revision label is the commit the tag was taken from.
  const plan = {
    ...withRevision(i.build, tag.sha),
    extraRefs: [...expandTags('aliases', image.ref, tag.tags.slice(1)), ...expandTags('tags', image.ref, i.tags)],
  };

  // A private ECR check goes through the API, so the login runs alongside it and only a build
  // waits for it; other registries' checks may need the login the docker config is given.
  const loggedIn = i.login ? phases.time('login', () => logIn(i, image, deps)) : Promise.resolve();
  if (image.registry.kind !== 'ecr') await loggedIn;
  const result = await phases.time('check and build', () =>
    buildPush(
      {
        image,
        plan,
        cache: i.cache,
        skipIfExists: !i.force,
        runnerTemp: i.runnerTemp,
        act: i.act,
        ready: loggedIn,
        name: i.name,
        missingRepository: i.missingRepository,
        ...(i.platformJob ? { platformJob: true } : {}),
        ...(i.credentials ? { credentials: i.credentials } : {}),
        ...(i.createRepository ? { createRepository: i.createRepository } : {}),
      },
      deps,
    ),
  );
  // Gated whether built or skipped: an image built last week gains CVEs while it sits in the registry.
  const gate = (): Promise<ScanGateResult> => gateImage(i.scan, image, result.digest, deps);
  const scan = await (i.scan.mode === 'off' ? gate() : phases.time('scan gate', gate));
  const usePrebuilt = result.digest !== '';
  const cdk = cdkContext({
    flag: i.flag,
    usePrebuilt,
    images: [{ name: i.name, tag: tag.tag }],
    keySuffix: i.keySuffix,
    extra: [],
    inputs: { images: 'name' },
  });
  deps.log.info(`CDK arguments: ${cdk.shell}`);
  return {
    outputs: {
      image: result.image,
      tag: tag.tag,
      id: tag.id,
      sha: tag.sha,
      tags: tag.tags.join('\n'),
      digest: result.digest,
      'image-digest': result.imageDigest,
      exists: result.existed,
      built: result.built,
      'cdk-args': cdk.shell,
      'cdk-args-json': JSON.stringify(cdk.argv),
      'use-prebuilt': usePrebuilt,
      platforms: platformsJson(result, i.build.platforms),
      ...scan.outputs,
    },
    scan,
    summary: [
      ['image', result.image],
      ['tag', tag.tag],
      ['result', result.existed ? 'existed: build skipped' : result.built ? `built and pushed (${result.builder})` : 'pushed by another run'],
      ['digest', result.digest],
      ...(result.repointed.length ? ([['re-pointed', result.repointed.join(', ')]] as [string, string][]) : []),
      ...platformRows(result),
      ['CDK args', cdk.shell],
      ...phases.rows,
    ],
  };
}
