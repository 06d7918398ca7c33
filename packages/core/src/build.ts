// What a build is, decided from inputs, and the argv that carries it out. Pure: the docker
// adapter runs these argv arrays; nothing here touches a process or a file.
import { ValidationError, shown } from './errors.js';
import type { KeyValue } from './inputs.js';

export type CacheMode = 'auto' | 'gha' | 'registry' | 'local' | 'none';
export const CACHE_MODES: readonly CacheMode[] = ['auto', 'gha', 'registry', 'local', 'none'];

/**
 * A build secret. The value is never on argv: buildx reads a file, a variable of the step's
 * environment, or (a value given in an input) a variable set only for the buildx process.
 */
export type BuildSecret = { id: string; file: string } | { id: string; env: string } | { id: string; value: string };

/** The variable a value secret reaches buildx through (set on the buildx process alone). */
export const secretEnvName = (id: string): string => `ENSURE_IMAGE_SECRET_${[...id].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('')}`;

/** The environment the buildx process needs for the value secrets. */
export function secretEnv(secrets: readonly BuildSecret[] = []): Record<string, string> {
  return Object.fromEntries(secrets.flatMap((s) => ('value' in s ? [[secretEnvName(s.id), s.value]] : [])));
}

/** What to build and how, as the inputs decide it (paths absolute); where it goes is the plan's `refs`. */
export interface BuildSettings {
  context: string;
  file: string;
  buildArgs: readonly KeyValue[];
  labels: readonly KeyValue[];
  platforms: readonly string[];
  target?: string;
  provenance: boolean;
  push: boolean;
  /** The layer cache (buildx): `auto` picks by builder and runner; cacheFrom/cacheTo replace it. */
  cache: CacheMode;
  builder?: string;
  secrets?: readonly BuildSecret[];
  /** `--ssh` values (`default`, `id=path`). */
  ssh?: readonly string[];
  noCache?: boolean;
  pull?: boolean;
  /** Network for RUN steps (`--network`: `default`, `none`, `host`). */
  network?: string;
  /** Raw `--cache-from` / `--cache-to` values; given, they replace the `cache` mode. */
  cacheFrom?: readonly string[];
  cacheTo?: readonly string[];
  /** A raw `--output` (push by digest: `type=image,name=<repo>,push-by-digest=true,...`); replaces --push/--load. */
  output?: string;
}

/** The settings with their references settled (main first, each once): what the argv builders take. */
export interface BuildPlan extends BuildSettings {
  refs: string[];
}

/** The cache flags chosen for a build (`--cache-from` / `--cache-to` values). */
export interface CacheFlags {
  from: readonly string[];
  to: readonly string[];
}

const pairs = (flag: string, kvs: readonly KeyValue[]): string[] => kvs.flatMap((kv) => [flag, `${kv.key}=${kv.value}`]);
const secretFlag = (s: BuildSecret): string => ('file' in s ? `id=${s.id},src=${s.file}` : `id=${s.id},env=${'env' in s ? s.env : secretEnvName(s.id)}`);

/**
 * argv for `docker buildx build` (the adapter adds `--metadata-file`; value secrets need
 * secretEnv() in the process's environment). Provenance is off unless
 * asked: an attestation turns a single-platform push into an index, which AWS Lambda rejects.
 */
export function buildxArgs(p: BuildPlan, cache: CacheFlags): string[] {
  return [
    'buildx',
    'build',
    ...(p.builder ? ['--builder', p.builder] : []),
    '--file',
    p.file,
    ...p.refs.flatMap((r) => ['--tag', r]),
    ...pairs('--build-arg', p.buildArgs),
    ...pairs('--label', p.labels),
    ...(p.platforms.length ? ['--platform', p.platforms.join(',')] : []),
    ...(p.target ? ['--target', p.target] : []),
    ...(p.secrets ?? []).flatMap((s) => ['--secret', secretFlag(s)]),
    ...(p.ssh ?? []).flatMap((s) => ['--ssh', s]),
    ...(p.noCache ? ['--no-cache'] : []),
    ...(p.pull ? ['--pull'] : []),
    ...(p.network ? ['--network', p.network] : []),
    `--provenance=${p.provenance}`,
    ...cache.from.flatMap((c) => ['--cache-from', c]),
    ...cache.to.flatMap((c) => ['--cache-to', c]),
    // A multi-platform result cannot be loaded into the docker image store.
    ...(p.output ? ['--output', p.output] : p.push ? ['--push'] : p.platforms.length > 1 ? [] : ['--load']),
    p.context,
  ];
}

/** What the classic `docker build` cannot do, by the input that asks for it. */
export function classicLimits(p: BuildPlan): string[] {
  const out: string[] = [];
  if (p.platforms.length > 1) out.push(`platforms (${p.platforms.join(',')}: more than one)`);
  if (p.secrets?.length) out.push('secrets');
  if (p.ssh?.length) out.push('ssh');
  if (p.cacheFrom?.length || p.cacheTo?.length) out.push('cache-from/cache-to');
  return out;
}

/** argv for the classic `docker build` (no buildx): one platform at most, no cache export. */
export function classicBuildArgs(p: BuildPlan): string[] {
  return [
    'build',
    '--file',
    p.file,
    ...p.refs.flatMap((r) => ['--tag', r]),
    ...pairs('--build-arg', p.buildArgs),
    ...pairs('--label', p.labels),
    ...(p.platforms.length === 1 ? ['--platform', p.platforms[0] as string] : []),
    ...(p.target ? ['--target', p.target] : []),
    ...(p.noCache ? ['--no-cache'] : []),
    ...(p.pull ? ['--pull'] : []),
    ...(p.network ? ['--network', p.network] : []),
    p.context,
  ];
}

/** What the builder can do with caches, from `buildx inspect` and `docker info`. */
export interface BuilderInfo {
  driver: string;
  /** The engine keeps images in containerd (then even the `docker` driver exports caches). */
  containerdStore: boolean;
}

export function exportsCache(b: BuilderInfo): boolean {
  return b.driver !== 'docker' || b.containerdStore;
}

/** Where a build's cache lives; one per image, so siblings sharing a repository keep their own. */
export interface CacheScope {
  /** The image's name (`events` in `cloudtak:events-abc1234`). */
  name: string;
  /** The repository without a tag (`<host>/cloudtak`). */
  repository: string;
  ecr: boolean;
  localDir: string;
}

/** The registry cache reference of an image: `<repository>:buildcache-<name>`. */
export function registryCacheRef(s: CacheScope): string {
  return `${s.repository}:buildcache-${s.name}`.slice(0, s.repository.length + 1 + 128);
}

/**
 * Cache flags for a mode. `gha` needs the runner's cache service; `registry` keeps
 * `<repository>:buildcache-<name>` beside the image (ECR needs image-manifest=true,
 * oci-mediatypes=true); `local` is a directory saved with @actions/cache. With `importOnly`
 * (a builder that cannot export) only the `--cache-from` half is kept.
 */
export function cacheFlags(mode: Exclude<CacheMode, 'auto'>, s: CacheScope, importOnly = false): CacheFlags {
  const f = ((): CacheFlags => {
    switch (mode) {
      case 'gha':
        return { from: [`type=gha,scope=${s.name}`], to: [`type=gha,scope=${s.name},mode=max`] };
      case 'registry': {
        const ref = registryCacheRef(s);
        const ecrOpts = s.ecr ? ',image-manifest=true,oci-mediatypes=true' : '';
        return { from: [`type=registry,ref=${ref}`], to: [`type=registry,ref=${ref},mode=max${ecrOpts}`] };
      }
      case 'local':
        return { from: [`type=local,src=${s.localDir}`], to: [`type=local,dest=${s.localDir}-new,mode=max`] };
      case 'none':
        return { from: [], to: [] };
    }
  })();
  return importOnly ? { from: f.from, to: [] } : f;
}

/**
 * The image's name for its cache scope: the tag's prefix when the tag is `<prefix>-<hex id>`
 * (`events-abc1234` -> `events`), else the repository's last segment.
 */
export function cacheName(repository: string, tag: string | undefined): string {
  return (prefixOfTag(tag) || (repository.split('/').pop() ?? repository)).replace(/[^A-Za-z0-9_.-]/g, '-');
}

/** The prefix of a `<prefix>-<hex id>` tag (`events-abc1234` -> `events`); empty for any other tag. */
export function prefixOfTag(tag: string | undefined): string {
  return (tag ? /^(.+)-[0-9a-f]{4,64}$/.exec(tag)?.[1] : undefined) ?? '';
}

/** The OCI labels every build gets (user labels win). */
export function ociLabels(user: readonly KeyValue[], revision: string | undefined, source: string | undefined): KeyValue[] {
  const have = new Set(user.map((l) => l.key));
  const extra: KeyValue[] = [];
  if (revision && !have.has('org.opencontainers.image.revision')) extra.push({ key: 'org.opencontainers.image.revision', value: revision });
  if (source && !have.has('org.opencontainers.image.source')) extra.push({ key: 'org.opencontainers.image.source', value: source });
  return [...user, ...extra];
}

/** The settings with `org.opencontainers.image.revision` = the commit the tag was taken from (unless the user's labels set it). */
export function withRevision<T extends { labels: readonly KeyValue[] }>(settings: T, revision: string | undefined): T {
  return { ...settings, labels: ociLabels(settings.labels, revision, undefined) };
}

const SECRET_ID_RE = /^[A-Za-z0-9_.-]+$/;
const ENV_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `secret-envs` lines (`id=ENV_VAR`): buildx reads the variable itself; no value is handled. */
export function parseSecretEnvs(input: string, pairs: readonly KeyValue[]): BuildSecret[] {
  return pairs.map(({ key, value }) => {
    if (!SECRET_ID_RE.test(key)) throw new ValidationError(input, `${shown(key)} is not a secret id (letters, digits, _ . -)`);
    if (!ENV_NAME_RE.test(value)) throw new ValidationError(input, `${key}: ${shown(value)} is not an environment variable name (id=ENV_VAR, one per line)`);
    return { id: key, env: value };
  });
}

const NETWORK_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** `--network` for RUN steps: `default`, `none`, `host`, or a network's name. */
export function validateNetwork(input: string, value: string): string {
  if (value !== '' && !NETWORK_RE.test(value)) throw new ValidationError(input, `${shown(value)} is not a network (default, none, host, or a network name)`);
  return value;
}

/** Secret ids must be unique over `secrets`, `secret-envs` and `secret-files`. */
export function validateSecretIds(input: string, ids: readonly string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (!SECRET_ID_RE.test(id)) throw new ValidationError(input, `${shown(id)} is not a secret id (letters, digits, _ . -)`);
    if (seen.has(id)) throw new ValidationError(input, `secret id ${shown(id)} is given twice`);
    seen.add(id);
  }
}
