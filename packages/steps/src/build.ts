import * as path from 'node:path';
import type { Ecr } from '@ensure-image/adapters/aws';
import type { DirCache } from '@ensure-image/adapters/cache';
import type { Docker } from '@ensure-image/adapters/docker';
import { ImmutableTagError } from '@ensure-image/adapters/errors';
import type { Log } from '@ensure-image/adapters/log';
import type { Registry } from '@ensure-image/adapters/oci';
import {
  type BuildPlan,
  type BuildSettings,
  type RepositorySettings,
  type ResolvedImage,
  buildxArgs,
  cacheName,
  classicBuildArgs,
  classicLimits,
  formatName,
  formatReference,
  pinnedReference,
  prefixOfTag,
  secretEnv,
} from '@ensure-image/core';
import { type TagState, aliasImages, pointAliases, readTags } from './aliases.js';
import { chooseCache } from './cache.js';
import { type PlatformResult, buildPlatforms } from './platforms.js';
import type { CheckTarget, ExistsOptions } from './exists.js';

export interface BuildDeps {
  docker: Docker;
  log: Log;
  ecr: () => Promise<Ecr>;
  registry: Registry;
  cache: DirCache;
}

/** One image to build unless it exists: where (image), what (settings), and the references besides its own. */
/** How every pushing step pushes one image: the registry's login, a missing repository, the platform job, the runner. */
export interface PushSettings {
  credentials?: { username: string; password: string };
  runnerTemp: string;
  /** Running under act: the cache service is absent by design. */
  act: boolean;
  /** Create a missing repository with these settings before the push. */
  createRepository?: RepositorySettings;
  missingRepository: 'error' | 'absent';
  /** Build this one platform for a later merge (actions/merge): pushed by digest, or under `<tag>-<platform>`. */
  platformJob: boolean;
}

export interface BuildRequest {
  image: ResolvedImage;
  settings: BuildSettings;
  /** More references to push (aliases, extra tags, other registries), full. */
  extraRefs: readonly string[];
  skipIfExists: boolean;
  credentials?: { username: string; password: string };
  runnerTemp: string;
  /** Running under act: the cache service is absent by design. */
  act: boolean;
  /** Work that must finish before docker builds or pushes, run alongside the existence check (a login). */
  ready?: Promise<unknown>;
  /** The image's name, for its cache scope (default: the tag's prefix, else the repository's last segment). */
  name?: string;
  missingRepository?: 'error' | 'absent';
  /** Create a missing repository with these settings before the push. */
  createRepository?: RepositorySettings;
  /** The running action's inputs about missing repositories, for the error message. */
  repositoryInputs?: readonly string[];
  /** Build this one platform for a later merge (actions/merge): pushed by digest, or under `<tag>-<platform>`. */
  platformJob?: boolean;
}

export interface BuildResult {
  built: boolean;
  /** The digest the tag names when the step ends; empty when nothing was pushed. */
  digest: string;
  image: string;
  imageDigest: string;
  metadata: string;
  /** Whether the image was there before this step. */
  existed: boolean;
  /** How it was built: buildx, classic, or skipped. */
  builder: 'buildx' | 'classic' | 'skipped';
  /** Aliases moved to the digest (a rerun or rollback re-points `<name>-latest`). */
  repointed: string[];
  /** Several platforms: each platform's manifest digest and how it came to be (built, existed). */
  platforms?: PlatformResult[];
}

export interface Built {
  digest: string;
  metadata: string;
  built: boolean;
  /** Another run pushed the tag while this one built: its image (as found) is taken, ours not pushed. */
  adopted?: TagState;
}

/**
 * Build and push an image unless it already exists, and leave every tag it names on the digest
 * it reports. A skip re-points the aliases; after a push the tag's digest is read back from the
 * registry (another run may have pushed the same tag meanwhile). A push refused because an
 * immutable repository already holds the tag (two runs raced) is success when that image is there.
 */
export async function buildPush(i: BuildRequest, deps: BuildDeps): Promise<BuildResult> {
  const image = formatReference(i.image.ref);
  const refs = [...new Set([image, ...i.extraRefs])];
  const aliases = aliasImages(refs.slice(1), {});
  const target: CheckTarget = { ...i.image, prefix: prefixOfTag(i.image.ref.tag) };
  const opts: ExistsOptions = {
    ...(i.credentials ? { credentials: i.credentials } : {}),
    ...(i.missingRepository ? { missingRepository: i.missingRepository } : {}),
    ...(i.createRepository ? { create: i.createRepository } : {}),
    repositoryInputs: i.repositoryInputs ?? ['create-repository', 'missing-repository'],
  };
  const read = (): Promise<TagState> => readTags(target, aliases, deps, opts);
  const settle = async (state: TagState, r: Omit<BuildResult, 'image' | 'imageDigest' | 'repointed'>): Promise<BuildResult> => {
    const repointed = r.digest && i.settings.push ? await pointAliases(i.image, r.digest, state, deps, i.credentials) : [];
    return { ...r, image, imageDigest: r.digest ? pinnedReference(i.image.ref, r.digest) : '', repointed };
  };

  const [before] = await Promise.all([i.skipIfExists || i.createRepository ? read() : undefined, i.ready]);
  // Several platforms (or one platform's part of them): built per platform, merged by digest.
  if (i.settings.push && (i.settings.platforms.length > 1 || i.platformJob)) return buildPlatforms({ i, image, refs, before, read, settle }, deps);
  if (i.skipIfExists && before?.main.exists) {
    deps.log.info(`${image} exists (${before.main.digest}): build skipped`);
    return settle(before, { built: false, existed: true, digest: before.main.digest, metadata: '{}', builder: 'skipped' });
  }
  if (i.createRepository && i.image.registry.kind === 'ecr-public' && i.settings.push) {
    // ECR Public has no BatchGetImage to tell a missing repository: create it, or find it there.
    const name = i.image.ref.repository.split('/').slice(1).join('/') || i.image.ref.repository;
    const made = await (await deps.ecr()).createPublicRepository(name);
    deps.log.info(made === 'created' ? `Created ECR Public repository ${name}` : `ECR Public repository ${name} exists`);
  }

  const plan: BuildPlan = { ...i.settings, refs };
  // Both probes at once: the classic path needs the client version, and they are two processes.
  const [buildx, version] = await Promise.all([deps.docker.hasBuildx(), deps.docker.clientVersion()]);
  let out: Built;
  try {
    // The classic path builds and pushes in two commands: look again in between (skip-if-exists),
    // so a run that lost the race takes the winner's image instead of replacing it.
    const recheck = i.skipIfExists
      ? async (): Promise<TagState | undefined> => {
          const now = await read();
          return now.main.exists ? now : undefined;
        }
      : undefined;
    out = buildx ? await buildWithBuildx(plan, i, deps) : await buildClassic(plan, i, deps, version, recheck);
  } catch (e) {
    if (!(e instanceof ImmutableTagError)) throw e;
    const now = await read();
    if (!now.main.exists) throw new Error(`Push of ${image} was refused and the tag is not there: ${e.message}`);
    deps.log.warning(`${image} was pushed by another run meanwhile (immutable tag); using its digest ${now.main.digest}.`);
    return settle(now, { built: false, existed: false, digest: now.main.digest, metadata: '{}', builder: buildx ? 'buildx' : 'classic' });
  }
  const builder = buildx ? 'buildx' : 'classic';
  if (out.adopted) {
    const now = out.adopted;
    deps.log.warning(`${image} was pushed by another run while this one built; using its digest ${now.main.digest} (this build is not pushed).`);
    return settle(now, { built: false, existed: false, digest: now.main.digest, metadata: '{}', builder });
  }
  if (!plan.push) return settle({ main: { image, exists: false, digest: '' }, aliases: [] }, { ...out, existed: false, builder });

  // Read the tag back: its digest, not ours, is what a deploy pinned by digest gets.
  const after = await read();
  if (!after.main.exists) throw new Error(`${image} was pushed, but the registry does not list it afterwards`);
  if (out.digest && after.main.digest !== out.digest) {
    deps.log.warning(
      `${image} names ${after.main.digest}, not ${out.digest} that this run pushed: another run pushed the same tag meanwhile. Reporting the registry's digest.`,
    );
  }
  return settle(after, { ...out, digest: after.main.digest, existed: false, builder });
}

export async function buildWithBuildx(plan: BuildPlan, i: BuildRequest, deps: BuildDeps): Promise<Built> {
  const name = i.name ?? cacheName(i.image.ref.repository, i.image.ref.tag);
  const localDir = path.join(i.runnerTemp, 'ensure-image-cache', `${i.image.ref.repository.replace(/\//g, '_')}-${name}`);
  const builder = await deps.docker.builderInfo(plan.builder);
  const cache = chooseCache(
    {
      mode: plan.cache,
      scope: { name, repository: formatName(i.image.ref), ecr: i.image.registry.kind === 'ecr', localDir },
      builder,
      push: plan.push,
      act: i.act,
      ...(plan.cacheFrom ? { rawFrom: plan.cacheFrom } : {}),
      ...(plan.cacheTo ? { rawTo: plan.cacheTo } : {}),
    },
    deps,
  );
  const key = `ensure-image-${i.image.ref.repository}-${name}-${i.image.ref.tag ?? 'digest'}`;
  if (cache.mode === 'local')
    await deps.cache
      .restore(localDir, key, [`ensure-image-${i.image.ref.repository}-${name}-`])
      .catch((e: Error) => deps.log.warning(`Cache restore failed: ${e.message}`));

  const meta = await deps.docker.buildx(buildxArgs(plan, cache.flags), secretEnv(plan.secrets));
  const metaDigest = meta['containerimage.digest'];
  const digest = plan.push && typeof metaDigest === 'string' ? metaDigest : '';

  if (cache.mode === 'local') await deps.cache.save(localDir, key, `${localDir}-new`).catch((e: Error) => deps.log.warning(`Cache save failed: ${e.message}`));
  return { digest, metadata: JSON.stringify(meta), built: true };
}

export async function buildClassic(
  plan: BuildPlan,
  i: BuildRequest,
  deps: BuildDeps,
  clientVersion: string,
  recheck?: () => Promise<TagState | undefined>,
): Promise<Built> {
  const needs = classicLimits(plan);
  if (needs.length) {
    throw new Error(`${needs.join(', ')}: needs docker buildx, which is not installed (docker/setup-buildx-action installs it)`);
  }
  if (plan.cache !== 'auto' && plan.cache !== 'none') deps.log.warning(`cache: ${plan.cache} needs docker buildx; building without a cache.`);
  // The docker CLI from 23.0 on needs buildx for BuildKit; older CLIs carry BuildKit themselves.
  const major = Number(clientVersion.split('.')[0]);
  const buildkit = major < 23 ? '1' : '0';
  deps.log.info(
    buildkit === '1'
      ? 'docker buildx is not available: building with docker build (DOCKER_BUILDKIT=1) and docker push'
      : `docker buildx is not available and docker ${clientVersion} has BuildKit only through it: building with the legacy builder ` +
          '(no RUN --mount, no heredocs, no cache export) and docker push; docker/setup-buildx-action installs buildx',
  );
  await deps.docker.build(classicBuildArgs(plan), { DOCKER_BUILDKIT: buildkit });
  if (!plan.push) return { digest: '', metadata: JSON.stringify({ 'image.name': plan.refs.join(',') }), built: true };
  const taken = recheck ? await recheck() : undefined;
  if (taken) return { digest: '', metadata: '{}', built: false, adopted: taken };

  let digest = '';
  for (const ref of plan.refs) {
    const pushed = await deps.docker.push(ref);
    digest ||= pushed;
  }
  return { digest, metadata: JSON.stringify({ 'containerimage.digest': digest, 'image.name': plan.refs.join(',') }), built: true };
}
