import { mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import * as path from 'node:path';
import type { DirCache, Docker, Ecr, Log, Registry, RunResult } from '@ensure-image/adapters';
import { type ResolvedImage, formatName, formatReference, pinnedReference } from '@ensure-image/conventions';
import {
  type BuildPlan,
  type CacheFlags,
  type CacheMode,
  buildxArgs,
  cacheFlags,
  classicBuildArgs,
  digestFromPush,
  isImmutableTagError,
} from './build-args.js';
import { checkImages } from './exists.js';

export interface BuildDeps {
  docker: Docker;
  log: Log;
  ecr: () => Promise<Ecr>;
  registry: Registry;
  cache: DirCache;
}

export interface BuildInputs {
  image: ResolvedImage;
  plan: Omit<BuildPlan, 'refs' | 'metadataFile'> & { extraRefs: readonly string[] };
  cache: CacheMode;
  skipIfExists: boolean;
  credentials?: { username: string; password: string };
  runnerTemp: string;
  /** Running under act: the cache service is absent by design. */
  act: boolean;
  /** Work that must finish before docker builds or pushes, run alongside the existence check (a login). */
  ready?: Promise<unknown>;
}

export interface BuildResult {
  built: boolean;
  /** Pushed (or existing) manifest digest; empty when nothing was pushed. */
  digest: string;
  image: string;
  imageDigest: string;
  metadata: string;
  /** Whether the image was there before this step. */
  existed: boolean;
  /** How it was built: buildx, classic, or skipped. */
  builder: 'buildx' | 'classic' | 'skipped';
}

function tail(r: RunResult, lines = 25): string {
  return (r.stderr || r.stdout).trim().split('\n').slice(-lines).join('\n');
}

/**
 * Build and push an image unless it already exists. With buildx: `docker buildx build --push`,
 * digest from the metadata file. Without it (self-hosted runners, act, older engines):
 * `docker build` then `docker push`, digest from the push. A push refused because an immutable
 * repository already holds the tag (two runs raced) is success when that image is there.
 */
export async function buildPush(i: BuildInputs, deps: BuildDeps): Promise<BuildResult> {
  const image = formatReference(i.image.ref);
  const result = (r: Omit<BuildResult, 'image' | 'imageDigest'>): BuildResult => ({
    ...r,
    image,
    imageDigest: r.digest ? pinnedReference(i.image.ref, r.digest) : '',
  });
  const lookup = async (): Promise<string> => {
    const [r] = await checkImages([i.image], deps, i.credentials ? { credentials: i.credentials } : {});
    return r?.digest ?? '';
  };

  const [existing] = await Promise.all([i.skipIfExists ? lookup() : '', i.ready]);
  if (existing) {
    deps.log.info(`${image} exists (${existing}): build skipped`);
    return result({ built: false, existed: true, digest: existing, metadata: '{}', builder: 'skipped' });
  }

  const tmp = await mkdtemp(path.join(i.runnerTemp, 'ensure-image-'));
  try {
    // resolve-tag's `tags` output holds the main tag too: each reference is built and pushed once.
    const refs = [...new Set([image, ...i.plan.extraRefs])];
    const plan: BuildPlan = { ...i.plan, refs, metadataFile: path.join(tmp, 'metadata.json') };
    // Both probes at once: the classic path needs the client version, and they are two processes.
    const [buildx, version] = await Promise.all([deps.docker.hasBuildx(), deps.docker.clientVersion()]);
    const run = buildx ? buildWithBuildx(plan, i, deps) : buildClassic(plan, i, deps, version);
    const out = await run.catch(async (e: Error) => {
      if (!(e instanceof PushRefused)) throw e;
      const existing = await lookup();
      if (!existing) throw new Error(`Push of ${image} was refused and the tag is not there: ${e.message}`);
      deps.log.warning(`${image} was pushed by another run meanwhile (immutable tag); using its digest ${existing}.`);
      return { digest: existing, metadata: '{}', built: false };
    });
    return result({ existed: false, builder: buildx ? 'buildx' : 'classic', ...out });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

class PushRefused extends Error {}

async function buildWithBuildx(plan: BuildPlan, i: BuildInputs, deps: BuildDeps): Promise<{ digest: string; metadata: string; built: boolean }> {
  const cache = await chooseCache(i, deps);
  const localDir = path.join(i.runnerTemp, 'ensure-image-cache', i.image.ref.repository.replace(/\//g, '_'));
  const key = `ensure-image-${i.image.ref.repository}-${i.image.ref.tag ?? 'digest'}`;
  const restoreKey = `ensure-image-${i.image.ref.repository}-`;
  if (cache === 'local') await deps.cache.restore(localDir, key, [restoreKey]).catch((e: Error) => deps.log.warning(`Cache restore failed: ${e.message}`));

  const flags: CacheFlags = cacheFlags(cache, { scope: i.image.ref.repository, cacheRef: `${formatName(i.image.ref)}:buildcache`, ecr: i.image.registry.kind === 'ecr', localDir });
  const r = await deps.docker.run(buildxArgs(plan, flags));
  if (r.exitCode !== 0) {
    if (isImmutableTagError(r.stderr)) throw new PushRefused(tail(r, 3));
    throw new Error(`docker buildx build failed (exit ${r.exitCode}):\n${tail(r)}`);
  }
  const metadata = await readFile(plan.metadataFile, 'utf8').catch(() => '{}');
  const digest = plan.push ? ((JSON.parse(metadata) as Record<string, string>)['containerimage.digest'] ?? '') : '';

  if (cache === 'local') {
    await rm(localDir, { recursive: true, force: true });
    await rename(`${localDir}-new`, localDir).catch(() => {});
    await deps.cache.save(localDir, key).catch((e: Error) => deps.log.warning(`Cache save failed: ${e.message}`));
  }
  return { digest, metadata, built: true };
}

async function buildClassic(plan: BuildPlan, i: BuildInputs, deps: BuildDeps, clientVersion: string): Promise<{ digest: string; metadata: string; built: boolean }> {
  if (plan.platforms.length > 1) {
    throw new Error(`platforms: building ${plan.platforms.join(',')} needs docker buildx, which is not installed (docker/setup-buildx-action installs it)`);
  }
  if (i.cache !== 'auto' && i.cache !== 'none') deps.log.warning(`cache: ${i.cache} needs docker buildx; building without a cache.`);
  // The docker CLI from 23.0 on needs buildx for BuildKit; older CLIs carry BuildKit themselves.
  const major = Number(clientVersion.split('.')[0]);
  const buildkit = major < 23 ? '1' : '0';
  deps.log.info(`docker buildx is not available: building with docker build (DOCKER_BUILDKIT=${buildkit}) and docker push`);
  const r = await deps.docker.run(classicBuildArgs(plan), { env: { DOCKER_BUILDKIT: buildkit } });
  if (r.exitCode !== 0) throw new Error(`docker build failed (exit ${r.exitCode}):\n${tail(r)}`);
  if (!plan.push) return { digest: '', metadata: JSON.stringify({ 'image.name': plan.refs.join(',') }), built: true };

  let digest = '';
  for (const ref of plan.refs) {
    const p = await deps.docker.run(['push', ref]);
    if (p.exitCode !== 0) {
      if (isImmutableTagError(`${p.stderr}\n${p.stdout}`)) throw new PushRefused(tail(p, 3));
      throw new Error(`docker push ${ref} failed (exit ${p.exitCode}):\n${tail(p)}`);
    }
    digest ||= digestFromPush(p.stdout) ?? '';
  }
  if (!digest) throw new Error(`docker push ${plan.refs[0]} printed no digest`);
  return { digest, metadata: JSON.stringify({ 'containerimage.digest': digest, 'image.name': plan.refs.join(',') }), built: true };
}

/** buildx only: settle `auto` and check that the chosen cache can work here; else none, with a warning. */
async function chooseCache(i: BuildInputs, deps: BuildDeps): Promise<Exclude<CacheMode, 'auto'>> {
  const serviceReady = deps.cache.available();
  if (i.cache === 'none') return 'none';
  if (i.cache === 'auto') {
    if (serviceReady && (await exportsCaches(i, deps))) return 'gha';
    return i.plan.push ? 'registry' : 'none';
  }
  if ((i.cache === 'gha' || i.cache === 'local') && !serviceReady) {
    deps.log.warning(`cache: ${i.cache} needs the Actions cache service, which is not here${i.act ? ' (running under act)' : ''}; building without a cache.`);
    return 'none';
  }
  if (i.cache === 'gha' && !(await exportsCaches(i, deps))) {
    deps.log.warning('cache: gha needs a buildx builder with the docker-container driver (docker/setup-buildx-action); building without a cache.');
    return 'none';
  }
  return i.cache;
}

/** Whether the buildx builder's driver can export caches (the plain `docker` driver cannot). */
async function exportsCaches(i: BuildInputs, deps: BuildDeps): Promise<boolean> {
  const r = await deps.docker.run(['buildx', 'inspect', ...(i.plan.builder ? [i.plan.builder] : [])], { quiet: true });
  const driver = /^Driver:\s*(\S+)/m.exec(r.stdout)?.[1] ?? 'docker';
  return r.exitCode === 0 && driver !== 'docker';
}
