// A multi-platform image built per platform and merged by digest. The tag is looked at per
// platform: only the platforms it lacks are built, each once. A container builder (BuildKit
// daemon) builds them together and pushes them by digest; the `docker` driver and the classic
// builder build one platform at a time under `<tag>-<platform>` (they cannot push by digest).
// Then one OCI index, the tag's existing platforms kept, is put under the tag (merge.ts).
import { ImmutableTagError } from '@ensure-image/adapters/errors';
import { type IndexEntry, cacheName, digestOutput, formatName, missingPlatforms, platformSlug, samePlatform, platformTag } from '@ensure-image/core';
import type { TagState } from './aliases.js';
import { type BuildDeps, type BuildRequest, type BuildResult, buildClassic, buildWithBuildx } from './build.js';
import { childEntries, heldEntries, putIndex, readManifest } from './merge.js';

export interface PlatformResult {
  platform: string;
  digest: string;
  /** `existed`, or where it was built (`buildx, remote driver`, `classic`). */
  how: string;
}

export interface PlatformsContext {
  i: BuildRequest;
  image: string;
  refs: readonly string[];
  before: TagState | undefined;
  read: () => Promise<TagState>;
  settle: (state: TagState, r: Omit<BuildResult, 'image' | 'imageDigest' | 'repointed'>) => Promise<BuildResult>;
}

const byAsked =
  (asked: readonly string[]) =>
  (a: IndexEntry, b: IndexEntry): number =>
    rank(asked, a.platform) - rank(asked, b.platform);
const rank = (asked: readonly string[], p: string): number => (asked.includes(p) ? asked.indexOf(p) : asked.length);

/** Build the platforms `missing` lacks; their index entries and how each was built. */
async function buildMissing(
  i: BuildRequest,
  missing: readonly string[],
  deps: BuildDeps,
): Promise<{ entries: IndexEntry[]; how: string; builder: 'buildx' | 'classic' }> {
  const [buildx, version] = await Promise.all([deps.docker.hasBuildx(), deps.docker.clientVersion()]);
  const driver = buildx ? (await deps.docker.builderInfo(i.settings.builder)).driver : '';
  const repo = formatName(i.image.ref);
  const plan = { ...i.settings, refs: [] as string[] };
  if (buildx && driver !== 'docker') {
    // A container builder: every missing platform in one build, pushed by digest (no tag).
    deps.log.info(`Building ${missing.join(', ')} together on the buildx "${driver}" builder, pushed by digest`);
    const out = await buildWithBuildx({ ...plan, platforms: [...missing], output: digestOutput(repo) }, i, deps);
    if (!out.digest) throw new Error(`docker buildx build pushed ${repo} by digest but reported no digest`);
    return { entries: await childEntries(i.image, out.digest, missing[0] as string, deps, i.credentials), how: `buildx, ${driver} driver`, builder: 'buildx' };
  }
  const name = i.name ?? cacheName(i.image.ref.repository, i.image.ref.tag);
  const entries: IndexEntry[] = [];
  for (const p of missing) {
    const tag = platformTag(i.image.ref.tag as string, p);
    deps.log.info(
      `Building ${p} alone (${buildx ? `the buildx "${driver}" driver` : 'the classic builder'} cannot push several platforms by digest) as ${repo}:${tag}`,
    );
    const one = { ...plan, platforms: [p], refs: [`${repo}:${tag}`] };
    const each = { ...i, name: `${name}-${platformSlug(p)}` };
    const out = buildx ? await buildWithBuildx(one, each, deps) : await buildClassic(one, each, deps, version);
    const digest = out.digest || (await readManifest(i.image, tag, deps, i.credentials))?.digest;
    if (!digest) throw new Error(`${repo}:${tag} was pushed, but the registry does not list it afterwards`);
    entries.push(...(await childEntries(i.image, digest, p, deps, i.credentials)));
  }
  return { entries, how: buildx ? `buildx, ${driver} driver` : 'classic', builder: buildx ? 'buildx' : 'classic' };
}

export async function buildPlatforms(c: PlatformsContext, deps: BuildDeps): Promise<BuildResult> {
  const { i } = c;
  const asked = i.settings.platforms;
  if (i.platformJob && asked.length !== 1)
    throw new Error(`a platform job builds one platform; platforms names ${asked.length} (${asked.join(', ') || 'none'})`);
  const held = c.before?.main.exists ? await heldEntries(i.image, deps, i.credentials) : undefined;
  const entries = i.skipIfExists ? (held?.entries ?? []) : [];
  const missing = missingPlatforms(asked, i.skipIfExists && held ? entries.map((e) => e.platform) : undefined);
  const existed = entries.filter((e) => !missing.includes(e.platform)).map((e) => ({ platform: e.platform, digest: e.digest, how: 'existed' }));

  if (i.platformJob) return platformJob(c, missing, existed, deps);
  if (missing.length === 0 && c.before) {
    deps.log.info(`${c.image} exists with ${asked.join(', ')} (${c.before.main.digest}): build skipped`);
    return {
      ...(await c.settle(c.before, { built: false, existed: true, digest: c.before.main.digest, metadata: '{}', builder: 'skipped' })),
      platforms: existed,
    };
  }
  if (held && missing.length < asked.length)
    deps.log.info(`${c.image} exists without ${missing.join(', ')}: building only ${missing.length === 1 ? 'that platform' : 'those platforms'}`);

  const built = await buildMissing(i, missing, deps);
  const merged = [...entries.filter((e) => !built.entries.some((b) => b.platform === e.platform)), ...built.entries].sort(byAsked(asked));
  let digest: string;
  try {
    digest = await putIndex(i.image, merged, deps, i.credentials, held?.digest);
  } catch (e) {
    if (!(e instanceof ImmutableTagError)) throw e;
    if (held) {
      throw new Error(
        `${c.image} exists without ${missing.join(', ')}, and its repository keeps tags immutable, so ${missing.length === 1 ? 'that platform' : 'those platforms'} cannot be added under the same tag. ` +
          'Build the new platform under a new tag (a new source version), or keep the repository MUTABLE.',
      );
    }
    const now = await c.read();
    if (!now.main.exists) throw new Error(`The index for ${c.image} was refused and the tag is not there: ${e.message}`);
    deps.log.warning(`${c.image} was pushed by another run meanwhile (immutable tag); using its digest ${now.main.digest}.`);
    return c.settle(now, { built: false, existed: false, digest: now.main.digest, metadata: '{}', builder: built.builder });
  }
  deps.log.info(`Merged ${merged.map((e) => e.platform).join(', ')} into ${c.image} (${digest})`);
  const after = await c.read();
  if (after.main.digest && after.main.digest !== digest)
    deps.log.warning(`${c.image} names ${after.main.digest}, not the index ${digest} this run put: another run merged the same tag meanwhile.`);
  const platforms = [...existed, ...built.entries.map((e) => ({ platform: e.platform, digest: e.digest, how: built.how }))];
  const metadata = JSON.stringify({ 'containerimage.digest': digest, platforms: Object.fromEntries(merged.map((e) => [e.platform, e.digest])) });
  return { ...(await c.settle(after, { built: true, existed: false, digest: after.main.digest || digest, metadata, builder: built.builder })), platforms };
}

/** One platform for a later merge: its digest when the tag already holds it, else built and pushed untagged (or under `<tag>-<platform>`). */
async function platformJob(c: PlatformsContext, missing: readonly string[], existed: PlatformResult[], deps: BuildDeps): Promise<BuildResult> {
  const { i } = c;
  const pinned = (d: string): string => `${formatName(i.image.ref)}@${d}`;
  const done = (r: Omit<BuildResult, 'image' | 'imageDigest' | 'repointed'>, platforms: PlatformResult[]): BuildResult => ({
    ...r,
    image: c.image,
    imageDigest: r.digest ? pinned(r.digest) : '',
    repointed: [],
    platforms,
  });
  if (missing.length === 0) {
    const e = existed.find((x) => samePlatform(x.platform, i.settings.platforms[0] as string)) as PlatformResult;
    deps.log.info(`${c.image} already holds ${e.platform} (${e.digest}): build skipped`);
    return done({ built: false, existed: true, digest: e.digest, metadata: '{}', builder: 'skipped' }, [e]);
  }
  // A builder that cannot push by digest left `<tag>-<platform>` in an earlier run (the merge has not run since).
  const tagged = i.skipIfExists ? await readManifest(i.image, platformTag(i.image.ref.tag as string, missing[0] as string), deps, i.credentials) : undefined;
  if (tagged) {
    deps.log.info(`${formatName(i.image.ref)}:${platformTag(i.image.ref.tag as string, missing[0] as string)} exists (${tagged.digest}): build skipped`);
    return done({ built: false, existed: true, digest: tagged.digest, metadata: '{}', builder: 'skipped' }, [
      { platform: missing[0] as string, digest: tagged.digest, how: 'existed' },
    ]);
  }
  const built = await buildMissing(i, missing, deps);
  const e = built.entries[0] as IndexEntry;
  return done({ built: true, existed: false, digest: e.digest, metadata: JSON.stringify({ 'containerimage.digest': e.digest }), builder: built.builder }, [
    { platform: e.platform, digest: e.digest, how: built.how },
  ]);
}

/** The `platforms` output: platform -> manifest digest (one asked platform: the image's digest; none: `{}`). */
export function platformsJson(r: BuildResult, asked: readonly string[]): string {
  if (r.platforms) return JSON.stringify(Object.fromEntries(r.platforms.map((p) => [p.platform, p.digest])));
  return JSON.stringify(asked.length === 1 && r.digest ? { [asked[0] as string]: r.digest } : {});
}

/** Job summary rows: each platform, its digest and where it came from. */
export const platformRows = (r: BuildResult): [string, string][] => (r.platforms ?? []).map((p) => [p.platform, `${p.digest} (${p.how})`]);
