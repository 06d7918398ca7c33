// The all-in-one action's use case: resolve the tag, log in, check, build only when missing,
// gate on the scan, give the CDK args. Adapters come in as `deps`, so unit tests run it over fakes.
import type { Ecr } from '@ensure-image/adapters/aws';
import type { DirCache } from '@ensure-image/adapters/cache';
import type { Docker } from '@ensure-image/adapters/docker';
import type { Git } from '@ensure-image/adapters/git';
import type { Log } from '@ensure-image/adapters/log';
import type { Registry } from '@ensure-image/adapters/oci';
import {
  type BuildSettings,
  type DirtyMode,
  type ImageInputs,
  type RegionEnv,
  type ResolveTagInputs,
  type ResolvedImage,
  type StepReport,
  cdkContext,
  classifyRegistry,
  isAccountId,
  planLogins,
} from '@ensure-image/core';
import type { PushSettings } from '../build.js';
import { buildFromTag, buildRows } from '../build-from-tag.js';
import { basicLogin, login } from '../login.js';
import { platformsJson } from '../platforms.js';
import { resolveTag } from '../resolve-tag.js';
import { type ScanGateResult, type ScanOutputs, type ScanSettings, gateImage } from '../scan.js';
import { resolveTarget } from '../target.js';
import { judgeWorktree, worktreeChanges } from '../worktree.js';
import { Phases } from './phases.js';

/** What the all-in-one action takes: every value decided, nothing left to read. */
export interface EnsureRequest {
  /** The image's name: its CDK key and cache scope. */
  name: string;
  image: ImageInputs;
  tag: ResolveTagInputs;
  settings: BuildSettings;
  /** More tags from `tags` (bare or full references). */
  tags: readonly string[];
  push: PushSettings;
  login: boolean;
  force: boolean;
  dirty: DirtyMode;
  flag: string;
  keySuffix: string;
  /** The scan gate over the image, built or skipped (off: no call). */
  scan: ScanSettings;
}

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

/** The CDK arguments of one image; called with a stand-in tag while reading inputs, so a colliding flag fails first. */
export const ensureCdkArgs = (r: Pick<EnsureRequest, 'flag' | 'keySuffix' | 'name'>, usePrebuilt: boolean, tag: string) =>
  cdkContext({ flag: r.flag, usePrebuilt, images: [{ name: r.name, tag }], keySuffix: r.keySuffix, extra: [], inputs: { images: 'name' } });

/** Log docker in to the image's registry: ECR (private or public) by token, others with username/password. */
async function logIn(r: EnsureRequest, image: ResolvedImage, deps: EnsureDeps): Promise<void> {
  if (image.registry.kind !== 'oci') {
    await login(planLogins([image.ref.registry], r.image.region, deps.env), deps, { onLogin: deps.onLogin });
  } else if (r.push.credentials) {
    await basicLogin(image.ref.registry, r.push.credentials, deps);
    deps.onLogin(image.ref.registry);
  }
}

export async function ensureImage(r: EnsureRequest, deps: EnsureDeps): Promise<StepReport<EnsureOutputs>> {
  const phases = new Phases();
  // Start loading the AWS SDK now, while git runs, when the registry may be ECR.
  const registry = r.image.registry ?? '';
  if (registry === '' || isAccountId(registry) || classifyRegistry(registry).kind !== 'oci') void deps.ecr().catch(() => {});

  const [tag, [changes = []]] = await phases.time('resolve tag', () =>
    Promise.all([resolveTag(r.tag, deps), r.dirty === 'ignore' ? [[]] : worktreeChanges(r.tag.workspace, [r.tag.paths], deps.git)]),
  );
  judgeWorktree(r.dirty, [{ name: r.name, tag: tag.tag, files: changes.map((c) => c.path) }], deps.log);
  const image = await resolveTarget({ ...r.image, tag: tag.tag }, deps, deps.env);

  // A private ECR check goes through the API, so the login runs alongside it and only a build
  // waits for it; other registries' checks may need the login the docker config is given.
  const loggedIn = r.login ? phases.time('login', () => logIn(r, image, deps)) : Promise.resolve();
  if (image.registry.kind !== 'ecr') await loggedIn;
  const result = await phases.time('check and build', () =>
    buildFromTag(
      {
        ...r.push,
        image,
        settings: r.settings,
        revision: tag.sha,
        aliases: tag.tags.slice(1),
        tags: r.tags,
        skipIfExists: !r.force,
        ready: loggedIn,
        name: r.name,
      },
      deps,
    ),
  );
  // Gated whether built or skipped: an image built last week gains CVEs while it sits in the registry.
  const gate = (): Promise<ScanGateResult> => gateImage(r.scan, image, result.digest, deps);
  const scan = await (r.scan.mode === 'off' ? gate() : phases.time('scan gate', gate));
  const usePrebuilt = result.digest !== '';
  const cdk = ensureCdkArgs(r, usePrebuilt, tag.tag);
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
      platforms: platformsJson(result, r.settings.platforms),
      ...scan.outputs,
    },
    summary: {
      title: `ensure-image: ${r.name}`,
      rows: [['image', result.image], ['tag', tag.tag], ...buildRows(result, r.settings.push), ['CDK args', cdk.shell], ...phases.rows],
    },
    scan: { mode: r.scan.mode, ...scan },
  };
}
