import type { Ecr, Git, Log, Registry } from '@ensure-image/adapters';
import { type ManifestImage, type RegionEnv, type ResolvedImage, defaultImagePaths, expandTags, formatReference } from '@ensure-image/conventions';
import { type TagState, aliasImages, pointAliases } from './aliases.js';
import { type CheckTarget, type ExistsOptions, checkImages } from './exists.js';
import { lackingPlatforms } from './plan-platforms.js';
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
  /** Aliases moved to the image's digest (present images, with retag). */
  repointed: string[];
  /** Several platforms asked: those the tag lacks (all when it is absent). */
  missingPlatforms?: string[];
}

export interface PlanOptions extends ExistsOptions {
  /** Re-point the aliases of the images found present (a rollback moves `-latest` back). */
  retag?: boolean;
}

/**
 * Tag every image of a manifest and check them all: one BatchGetImage per ECR repository
 * (however many images share it), a manifest HEAD for any other registry.
 */
export async function planImages(
  i: PlanInputs,
  deps: { git: Git; log: Log; ecr: () => Promise<Ecr>; registry: Registry },
  env: RegionEnv,
  o: PlanOptions = {},
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
  // Each image with its aliases, all in one check: still one BatchGetImage per repository.
  const withAliases = resolved.map((r) => ({
    main: { ...r.target, prefix: r.spec.prefix } as CheckTarget,
    aliases: aliasImages(expandTags('aliases', r.target.ref, r.tag.tags.slice(1)), {}),
  }));
  const checks = await checkImages(withAliases.flatMap((w) => [w.main, ...w.aliases]), deps, o);
  let at = 0;
  const states: TagState[] = withAliases.map((w) => {
    const main = checks[at++] as TagState['main'];
    return { main, aliases: w.aliases.map((image) => ({ image, result: checks[at++] as TagState['main'] })) };
  });
  return Promise.all(
    resolved.map(async (r, n) => {
      const state = states[n] as TagState;
      const lacking = await lackingPlatforms(r.spec, r.target, state.main, deps, o.credentials);
      const exists = state.main.exists && lacking.length === 0;
      const repointed = o.retag !== false && exists ? await pointAliases(r.target, state.main.digest, state, deps, o.credentials) : [];
      return { ...r, image: formatReference(r.target.ref), exists, digest: state.main.digest, repointed, ...(r.spec.platforms.length > 1 ? { missingPlatforms: lacking } : {}) };
    }),
  );
}

/** A build matrix of the missing images, shaped for build-push's inputs. */
export function buildMatrix(planned: readonly PlannedImage[]): { include: Record<string, string>[] } {
  return {
    include: planned
      .filter((p) => !p.exists)
      .map((p) => ({
        name: p.spec.name,
        image: p.image,
        tags: expandTags('tags', p.target.ref, p.tag.tags.slice(1)).join('\n'),
        context: p.spec.context,
        file: p.spec.file,
        'build-args': p.spec.buildArgs.map((kv) => `${kv.key}=${kv.value}`).join('\n'),
        target: p.spec.target ?? '',
        platforms: p.spec.platforms.join(','),
      })),
  };
}
