import type { Ecr, Git, Log, Registry } from '@ensure-image/adapters';
import { type ManifestImage, type RegionEnv, type ResolvedImage, defaultImagePaths, formatName, formatReference } from '@ensure-image/conventions';
import { type ExistsOptions, checkImages } from './exists.js';
import { type ResolvedTag, resolveTag } from './resolve-tag.js';
import { resolveTarget } from './target.js';

export interface PlanInputs {
  images: readonly ManifestImage[];
  source: 'commit' | 'tree';
  length: number;
  workspace: string;
  githubSha?: string;
}

export interface PlannedImage {
  spec: ManifestImage;
  tag: ResolvedTag;
  target: ResolvedImage;
  image: string;
  exists: boolean;
  digest: string;
}

/**
 * Tag every image of a manifest and check them all: one BatchGetImage per ECR repository
 * (however many images share it), a manifest HEAD for any other registry.
 */
export async function planImages(
  i: PlanInputs,
  deps: { git: Git; log: Log; ecr: () => Promise<Ecr>; registry: Registry },
  env: RegionEnv,
  o: ExistsOptions = {},
): Promise<PlannedImage[]> {
  const resolved = await Promise.all(
    i.images.map(async (spec) => {
      const file = spec.file || (spec.context === '.' ? 'Dockerfile' : `${spec.context}/Dockerfile`);
      const tag = await resolveTag(
        {
          prefix: spec.prefix,
          source: i.source,
          paths: spec.paths.length ? spec.paths : defaultImagePaths(spec.context, file),
          length: i.length,
          aliases: spec.aliases,
          workspace: i.workspace,
          ...(i.githubSha ? { githubSha: i.githubSha } : {}),
        },
        deps,
      );
      const target = await resolveTarget(
        {
          repository: spec.repository,
          tag: tag.tag,
          ...(spec.registry ? { registry: spec.registry } : {}),
          ...(spec.account ? { account: spec.account } : {}),
          ...(spec.region ? { region: spec.region } : {}),
        },
        deps,
        env,
      );
      return { spec, tag, target };
    }),
  );
  const checks = await checkImages(resolved.map((r) => r.target), deps, o);
  return resolved.map((r, n) => ({ ...r, image: formatReference(r.target.ref), exists: checks[n]?.exists ?? false, digest: checks[n]?.digest ?? '' }));
}

/** A build matrix of the missing images, shaped for build-push's inputs. */
export function buildMatrix(planned: readonly PlannedImage[]): { include: Record<string, string>[] } {
  return {
    include: planned
      .filter((p) => !p.exists)
      .map((p) => ({
        name: p.spec.name,
        image: p.image,
        tags: p.tag.tags.slice(1).map((t) => `${formatName(p.target.ref)}:${t}`).join('\n'),
        context: p.spec.context,
        file: p.spec.file,
        'build-args': p.spec.buildArgs.map((kv) => `${kv.key}=${kv.value}`).join('\n'),
        target: p.spec.target ?? '',
        platforms: p.spec.platforms.join(','),
      })),
  };
}
