import { ValidationError, parseReference } from '@ensure-image/core';
import { IMAGE_INPUTS, SCAN_INPUTS, declareInputs, imageInputs, input, readDeclared, refuseUnscannable, scanSettings } from '@ensure-image/runner';
import type { GateScanRequest } from '@ensure-image/steps';

/** Every input scan-gate reads, with action.yml's defaults. */
export const INPUTS = declareInputs({
  ...IMAGE_INPUTS,
  ...SCAN_INPUTS,
  // The standalone gate is there to gate: it fails by default.
  'scan-gate': input.choice(['off', 'warn', 'fail'] as const, 'fail'),
});

/** The inputs, read and checked as a whole (before STS or ECR is asked). */
export function readInputs(env: NodeJS.ProcessEnv = process.env): GateScanRequest {
  const v = readDeclared(INPUTS, env);
  const image = imageInputs(v, env);
  const named = image.image ? parseReference('image', image.image) : undefined;
  if (!image.tag && !named?.tag && !named?.digest)
    throw new ValidationError('tag', 'required: the tag of the image to gate (or an image reference with a tag or a digest)');
  refuseUnscannable(v['scan-gate'], image, env);
  return { image, scan: scanSettings(v) };
}
