// Platforms of a multi-architecture image, decided without I/O: what an OCI image index holds,
// which asked platforms a tag lacks, the index that merges per-platform images by digest, the
// tag a platform image gets where a builder cannot push by digest, and the runner a platform
// job uses (most specific prefix wins).
import { ValidationError, shown } from './errors.js';
import type { KeyValue } from './inputs.js';

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const isIndexType = (mediaType: string | undefined): boolean => mediaType === OCI_INDEX || mediaType === DOCKER_LIST;

/** `os/arch[/variant]`, as an index entry's `platform` has it. */
export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export function platformOf(s: string): Platform {
  const [os = '', architecture = '', variant] = s.split('/');
  return { os, architecture, ...(variant ? { variant } : {}) };
}

export function platformName(p: Platform): string {
  return [p.os, p.architecture, ...(p.variant ? [p.variant] : [])].join('/');
}

/** `linux/arm/v7` -> `linux-arm-v7`: the suffix of a platform's tag (`<tag>-linux-arm-v7`). */
export const platformSlug = (platform: string): string => platform.replace(/\//g, '-');

/** The tag a platform image gets where the builder cannot push by digest (at most 128 characters). */
export function platformTag(tag: string, platform: string): string {
  const suffix = `-${platformSlug(platform)}`;
  return `${tag.slice(0, 128 - suffix.length)}${suffix}`;
}

/** One entry of an index: a platform's image manifest. */
export interface IndexEntry {
  platform: string;
  digest: string;
  size: number;
  mediaType: string;
}

/** The image entries of an index (attestations, `unknown/unknown`, left out), by platform. */
export function indexEntries(body: string): IndexEntry[] {
  const json = JSON.parse(body) as {
    manifests?: { mediaType?: string; digest?: string; size?: number; platform?: Platform; annotations?: Record<string, string> }[];
  };
  return (json.manifests ?? []).flatMap((m) => {
    if (!m.platform || !m.digest || m.platform.os === 'unknown' || m.annotations?.['vnd.docker.reference.type']) return [];
    return [{ platform: platformName(m.platform), digest: m.digest, size: m.size ?? 0, mediaType: m.mediaType ?? '' }];
  });
}

/**
 * The OCI image index of these platform images, in the order given (one entry per platform;
 * a later entry for the same platform replaces an earlier one). Its bytes are what is PUT, so
 * its digest is the sha256 of the returned text.
 */
export function imageIndex(entries: readonly IndexEntry[]): string {
  const byPlatform = new Map<string, IndexEntry>();
  for (const e of entries) byPlatform.set(e.platform, e);
  const manifests = [...byPlatform.values()].map((e) => ({ mediaType: e.mediaType, digest: e.digest, size: e.size, platform: platformOf(e.platform) }));
  return JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests });
}

/** `linux/arm64` asked and `linux/arm64/v8` held count as one (v8 is arm64's only variant). */
const canonical = (p: string): string => (p === 'linux/arm64/v8' ? 'linux/arm64' : p);

/** Whether two platform names are one platform (`linux/arm64` and `linux/arm64/v8` are). */
export const samePlatform = (a: string, b: string): boolean => canonical(a) === canonical(b);

/** The asked platforms a tag lacks: all when it is absent, all but none when it holds them. */
export function missingPlatforms(asked: readonly string[], held: readonly string[] | undefined): string[] {
  if (!held) return [...asked];
  const have = new Set(held.map(canonical));
  return asked.filter((p) => !have.has(canonical(p)));
}

/**
 * The runner label for a platform from `runner` lines (`default=ubuntu-24.04`,
 * `linux/arm64=ubuntu-24.04-arm`): the longest key that is the platform or a prefix of it at a
 * `/` boundary wins; then `default`; then `fallback`.
 */
export function runnerFor(platform: string, mapping: readonly KeyValue[], fallback = 'ubuntu-latest'): string {
  let best: KeyValue | undefined;
  for (const kv of mapping) {
    if (kv.key === 'default') continue;
    const hit = platform === kv.key || platform.startsWith(`${kv.key}/`);
    if (hit && (!best || kv.key.length > best.key.length)) best = kv;
  }
  return best?.value ?? mapping.find((kv) => kv.key === 'default')?.value ?? fallback;
}

const RUNNER_KEY_RE = /^(default|[a-z0-9]+(?:\/[a-z0-9_]+(?:\/[a-z0-9]+)?)?)$/;

/** `runner` lines checked: each key `default` or a platform prefix (`linux`, `linux/arm64`), each value a label. */
export function validateRunnerMapping(input: string, pairs: readonly KeyValue[]): KeyValue[] {
  for (const kv of pairs) {
    if (!RUNNER_KEY_RE.test(kv.key))
      throw new ValidationError(input, `${shown(kv.key)} is not default or a platform prefix (default=ubuntu-24.04, linux/arm64=ubuntu-24.04-arm)`);
    if (!kv.value.trim()) throw new ValidationError(input, `${kv.key}: a runner label is needed after =`);
  }
  return [...pairs];
}

/** GitHub runs at most 256 jobs from one matrix. */
export const MATRIX_LIMIT = 256;

/** A matrix over the limit fails before any build, naming the count and the limit. */
export function checkMatrixSize(count: number, limit = MATRIX_LIMIT): void {
  if (count > limit) {
    throw new Error(
      `the build matrix would have ${count} jobs (one per missing image and platform), over GitHub's limit of ${limit} jobs per matrix: ` +
        'split the manifest into several plan jobs (one per group of images), or build fewer platforms at once',
    );
  }
}

/** A `platforms` output: platform -> image manifest digest, as JSON. */
export const platformsOutput = (entries: readonly IndexEntry[]): string => JSON.stringify(Object.fromEntries(entries.map((e) => [e.platform, e.digest])));

/** buildx `--output` pushing the image by digest only (no tag) to a repository (`host/name`). */
export const digestOutput = (repository: string): string => `type=image,name=${repository},push-by-digest=true,name-canonical=true,push=true`;

const DIGEST_RE = /^sha256:[a-f0-9]{64}$/;

/**
 * `digests`: the platform jobs' digests, `platform=sha256:...` one a line, or a JSON object of
 * them (a build-push `platforms` output), or several such objects one a line.
 */
export function parsePlatformDigests(input: string, value: string, parseLine: (input: string, line: string) => KeyValue[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of value
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    let pairs: KeyValue[];
    if (line.startsWith('{')) {
      let obj: unknown;
      try {
        obj = JSON.parse(line);
      } catch {
        throw new ValidationError(input, `${shown(line)} is not a JSON object of platform -> digest`);
      }
      pairs = Object.entries(obj as Record<string, unknown>).map(([key, v]) => ({ key, value: String(v) }));
    } else {
      pairs = parseLine(input, line);
    }
    for (const { key, value: digest } of pairs) {
      if (!/^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/.test(key))
        throw new ValidationError(input, `${shown(key)} is not a platform (platform=sha256:..., like linux/arm64=sha256:...)`);
      if (!DIGEST_RE.test(digest)) throw new ValidationError(input, `${key}: ${shown(digest)} is not a digest (sha256: and 64 hex characters)`);
      out.set(key, digest);
    }
  }
  return out;
}
