// image-exists' use case: is the image there, and at which digest.
import type { Ecr } from '@ensure-image/adapters/aws';
import type { Log } from '@ensure-image/adapters/log';
import type { BasicCredentials, Registry } from '@ensure-image/adapters/oci';
import { type ImageInputs, type RegionEnv, type StepReport, pinnedReference } from '@ensure-image/core';
import { type ExistsResult, checkImages } from '../exists.js';
import { resolveTarget } from '../target.js';

export interface CheckImageRequest {
  image: ImageInputs;
  credentials?: BasicCredentials;
  missingRepository: 'error' | 'absent';
}

export interface CheckImageDeps {
  ecr: () => Promise<Ecr>;
  registry: Registry;
  log: Log;
  env: RegionEnv;
}

export type CheckImageOutputs = { exists: boolean; digest: string; image: string; 'image-digest': string };

export async function checkImage(r: CheckImageRequest, deps: CheckImageDeps): Promise<StepReport<CheckImageOutputs>> {
  const target = await resolveTarget(r.image, deps, deps.env);
  const [found] = (await checkImages([target], deps, {
    missingRepository: r.missingRepository,
    ...(r.credentials ? { credentials: r.credentials } : {}),
  })) as [ExistsResult];
  deps.log.info(found.exists ? `${found.image} exists: ${found.digest}` : `${found.image} does not exist`);
  return {
    outputs: { exists: found.exists, digest: found.digest, image: found.image, 'image-digest': found.exists ? pinnedReference(target.ref, found.digest) : '' },
    summary: {
      title: 'Image exists?',
      rows: [
        ['image', found.image],
        ['exists', String(found.exists)],
        ['digest', found.digest],
      ],
    },
  };
}
