// merge's use case: the platform images of one tag made into one OCI index, aliases following.
import type { Ecr } from '@ensure-image/adapters/aws';
import type { Log } from '@ensure-image/adapters/log';
import type { BasicCredentials, Registry } from '@ensure-image/adapters/oci';
import { type ImageInputs, type RegionEnv, type StepReport, ValidationError, expandTags, platformsOutput } from '@ensure-image/core';
import { mergePlatforms } from '../merge-platforms.js';
import { resolveTarget } from '../target.js';

export interface MergeImageRequest {
  image: ImageInputs;
  platforms: readonly string[];
  /** Digests the platform jobs reported, by platform. */
  digests: ReadonlyMap<string, string>;
  /** More tags (bare or full references) to point at the index. */
  tags: readonly string[];
  credentials?: BasicCredentials;
}

export type MergeImageOutputs = { digest: string; image: string; 'image-digest': string; platforms: string; merged: boolean };

export async function mergeImage(
  r: MergeImageRequest,
  deps: { ecr: () => Promise<Ecr>; registry: Registry; log: Log; env: RegionEnv },
): Promise<StepReport<MergeImageOutputs>> {
  const image = await resolveTarget(r.image, deps, deps.env);
  if (!image.ref.tag) throw new ValidationError('tag', 'the index needs a tag to be put under (tag, or an image with one)');
  const m = await mergePlatforms(
    {
      image,
      aliases: expandTags('tags', image.ref, r.tags),
      platforms: r.platforms,
      digests: r.digests,
      ...(r.credentials ? { credentials: r.credentials } : {}),
    },
    deps,
  );
  return {
    outputs: { digest: m.digest, image: m.image, 'image-digest': m.imageDigest, platforms: platformsOutput(m.entries), merged: m.merged },
    summary: {
      title: 'Merge platforms',
      rows: [
        ['image', m.image],
        ['index', `${m.digest}${m.merged ? '' : ' (unchanged)'}`],
        ...m.entries.map((e) => [e.platform, e.digest] as const),
        ...(m.repointed.length ? [['re-pointed', m.repointed.join(', ')] as const] : []),
      ],
    },
  };
}
