import { loadSdkEcr } from '@ensure-image/adapters/aws';
import { HttpRegistry } from '@ensure-image/adapters/oci';
import { pinnedReference } from '@ensure-image/core';
import { guarded, log, setOutputs, writeSummary } from '@ensure-image/runner';
import { type ExistsResult, checkImages, resolveTarget } from '@ensure-image/steps';
import { readInputs } from './inputs.js';

async function main(): Promise<void> {
  const i = readInputs();
  const target = await resolveTarget(i.image, { ecr: loadSdkEcr, log }, process.env);
  const [r] = (await checkImages(
    [target],
    { ecr: loadSdkEcr, registry: new HttpRegistry() },
    { missingRepository: i.missingRepository, ...(i.credentials ? { credentials: i.credentials } : {}) },
  )) as [ExistsResult];
  log.info(r.exists ? `${r.image} exists: ${r.digest}` : `${r.image} does not exist`);
  setOutputs({ exists: r.exists, digest: r.digest, image: r.image, 'image-digest': r.exists ? pinnedReference(target.ref, r.digest) : '' });
  await writeSummary('Image exists?', [
    ['image', r.image],
    ['exists', String(r.exists)],
    ['digest', r.digest],
  ]);
}

/** The action (also what @github/local-action calls): failures end the step, never throw. */
export const run = guarded(main);
