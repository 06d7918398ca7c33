import type { KeyValue } from '@ensure-image/conventions';

export type CacheMode = 'auto' | 'gha' | 'registry' | 'local' | 'none';

/** What to build, fully decided: every path absolute, every tag a full reference. */
export interface BuildPlan {
  refs: string[];
  context: string;
  file: string;
  buildArgs: readonly KeyValue[];
  labels: readonly KeyValue[];
  platforms: readonly string[];
  target?: string;
  provenance: boolean;
  push: boolean;
  builder?: string;
  metadataFile: string;
}

/** The cache flags chosen for a build (`--cache-from` / `--cache-to` values). */
export interface CacheFlags {
  from: string[];
  to: string[];
}

const pairs = (flag: string, kvs: readonly KeyValue[]): string[] => kvs.flatMap((kv) => [flag, `${kv.key}=${kv.value}`]);

/** argv for `docker buildx build`. Provenance is off unless asked: see the README (Lambda). */
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
    `--provenance=${p.provenance}`,
    '--metadata-file',
    p.metadataFile,
    ...cache.from.flatMap((c) => ['--cache-from', c]),
    ...cache.to.flatMap((c) => ['--cache-to', c]),
    // A multi-platform result cannot be loaded into the docker image store.
    ...(p.push ? ['--push'] : p.platforms.length > 1 ? [] : ['--load']),
    p.context,
  ];
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
    p.context,
  ];
}

/**
 * Cache flags for a mode. `gha` needs a buildx driver that exports caches (not `docker`) and
 * the runner's cache service; `registry` keeps `<name>:buildcache` beside the image (ECR needs
 * image-manifest=true,oci-mediatypes=true); `local` a directory saved with @actions/cache.
 */
export function cacheFlags(mode: Exclude<CacheMode, 'auto'>, o: { scope: string; cacheRef: string; ecr: boolean; localDir: string }): CacheFlags {
  switch (mode) {
    case 'gha':
      return { from: [`type=gha,scope=${o.scope}`], to: [`type=gha,scope=${o.scope},mode=max`] };
    case 'registry': {
      const ecrOpts = o.ecr ? ',image-manifest=true,oci-mediatypes=true' : '';
      return { from: [`type=registry,ref=${o.cacheRef}`], to: [`type=registry,ref=${o.cacheRef},mode=max${ecrOpts}`] };
    }
    case 'local':
      return { from: [`type=local,src=${o.localDir}`], to: [`type=local,dest=${o.localDir}-new,mode=max`] };
    case 'none':
      return { from: [], to: [] };
  }
}

/** The OCI labels every build gets (user labels win). */
export function ociLabels(user: readonly KeyValue[], revision: string | undefined, source: string | undefined): KeyValue[] {
  const have = new Set(user.map((l) => l.key));
  const extra: KeyValue[] = [];
  if (revision && !have.has('org.opencontainers.image.revision')) extra.push({ key: 'org.opencontainers.image.revision', value: revision });
  if (source && !have.has('org.opencontainers.image.source')) extra.push({ key: 'org.opencontainers.image.source', value: source });
  return [...user, ...extra];
}

/** The digest `docker push` prints: `<tag>: digest: sha256:... size: N`. */
export function digestFromPush(output: string): string | undefined {
  return /digest: (sha256:[a-f0-9]{64})/.exec(output)?.[1];
}

/** Whether a push failed because the tag exists in an immutable repository (ECR's TAG_INVALID). */
export function isImmutableTagError(output: string): boolean {
  return /already exists.*cannot be overwritten|tag invalid.*immutable|ImageTagAlreadyExistsException/i.test(output);
}
