import { loadSdkEcr } from '@ensure-image/adapters/aws';
import { HttpRegistry } from '@ensure-image/adapters/oci';
import { ValidationError, expandTags, platformsOutput } from '@ensure-image/core';
import { guarded, log, setOutputs, writeSummary } from '@ensure-image/runner';
import { mergePlatforms, resolveTarget } from '@ensure-image/steps';
import { readInputs } from './inputs.js';

async function main(): Promise<void> {
  const i = readInputs();
  const image = await resolveTarget(i.image, { ecr: loadSdkEcr, log }, process.env);
  if (!image.ref.tag) throw new ValidationError('tag', 'the index needs a tag to be put under (tag, or an image with one)');
  const r = await mergePlatforms(
    {
      image,
      aliases: expandTags('tags', image.ref, i.tags),
      platforms: i.platforms,
      digests: i.digests,
      ...(i.credentials ? { credentials: i.credentials } : {}),
    },
    { ecr: loadSdkEcr, registry: new HttpRegistry(), log },
  );
  setOutputs({ digest: r.digest, image: r.image, 'image-digest': r.imageDigest, platforms: platformsOutput(r.entries), merged: r.merged });
  await writeSummary('Merge platforms', [
    ['image', r.image],
    ['index', `${r.digest}${r.merged ? '' : ' (unchanged)'}`],
    ...r.entries.map((e) => [e.platform, e.digest] as [string, string]),
    ...(r.repointed.length ? ([['re-pointed', r.repointed.join(', ')]] as [string, string][]) : []),
  ]);
}

/** The action (also what @github/local-action calls): failures end the step, never throw. */
export const run = guarded(main);
