// The plan, per platform: a multi-platform image whose tag is an index holding every asked
// platform is present; a tag holding a single manifest, or an index without some asked
// platforms, misses exactly those. The matrix gets one entry per missing (image, platform), each
// with its runner label, and a merge entry per image; over GitHub's 256-job limit it fails
// before any build.
import type { BasicCredentials } from '@ensure-image/adapters/oci';
import {
  type KeyValue,
  type ResolvedImage,
  checkMatrixSize,
  distributionTarget,
  expandTags,
  indexEntries,
  isIndexType,
  missingPlatforms,
  runnerFor,
} from '@ensure-image/core';
import type { ExistsResult } from './exists.js';
import type { MergeDeps } from './merge.js';
import type { PlannedImage } from './plan.js';

/** The platforms an existing tag holds: an index's image entries; a single manifest holds none of several asked. */
export async function heldPlatforms(target: ResolvedImage, main: ExistsResult, deps: MergeDeps, credentials?: BasicCredentials): Promise<string[]> {
  let body = main.found?.manifest;
  let mediaType = main.found?.mediaType;
  if (body === undefined && target.registry.kind !== 'ecr') {
    const { host, name } = distributionTarget(target.ref);
    const m = await deps.registry.getManifest({ host, name, reference: target.ref.tag as string }, credentials);
    body = m?.body.toString('utf8');
    mediaType = m?.mediaType;
  }
  return body && isIndexType(mediaType ?? (JSON.parse(body) as { mediaType?: string }).mediaType) ? indexEntries(body).map((e) => e.platform) : [];
}

/** The asked platforms an image lacks (several asked); empty for a present or a single-platform image. */
export async function lackingPlatforms(
  spec: { platforms: readonly string[] },
  target: ResolvedImage,
  main: ExistsResult,
  deps: MergeDeps,
  credentials?: BasicCredentials,
): Promise<string[]> {
  if (spec.platforms.length < 2) return [];
  if (!main.exists) return [...spec.platforms];
  return missingPlatforms(spec.platforms, await heldPlatforms(target, main, deps, credentials));
}

/** One matrix entry per missing image, or per missing (image, platform) for a multi-platform one. */
export function platformMatrix(planned: readonly PlannedImage[], runner: readonly KeyValue[] = []): { include: Record<string, string>[] } {
  const include = planned
    .filter((p) => !p.exists)
    .flatMap((p) => {
      const base = {
        name: p.spec.name,
        image: p.image,
        tags: expandTags('tags', p.target.ref, p.tag.tags.slice(1)).join('\n'),
        context: p.spec.context,
        file: p.spec.file,
        'build-args': p.spec.buildArgs.map((kv) => `${kv.key}=${kv.value}`).join('\n'),
        target: p.spec.target ?? '',
      };
      const lacking = p.missingPlatforms ?? [];
      if (p.spec.platforms.length < 2 || lacking.length === 0) {
        const platforms = p.spec.platforms.join(',');
        return [{ ...base, platforms, platform: platforms, 'platform-job': 'false', runner: runnerFor(p.spec.platforms[0] ?? 'linux/amd64', runner) }];
      }
      return lacking.map((platform) => ({ ...base, platforms: platform, platform, 'platform-job': 'true', runner: runnerFor(platform, runner) }));
    });
  checkMatrixSize(include.length);
  return { include };
}

/** The merges after the platform jobs: one entry per multi-platform image with a platform to build. */
export function mergeMatrix(planned: readonly PlannedImage[]): { include: Record<string, string>[] } {
  return {
    include: planned
      .filter((p) => !p.exists && p.spec.platforms.length > 1)
      .map((p) => ({
        name: p.spec.name,
        image: p.image,
        tags: expandTags('tags', p.target.ref, p.tag.tags.slice(1)).join('\n'),
        platforms: p.spec.platforms.join(','),
      })),
  };
}
