import { CREDENTIAL_INPUTS, IMAGE_INPUTS, credentials, declareInputs, imageInputs, input, log, readDeclared } from '@ensure-image/runner';
import type { CheckImageRequest } from '@ensure-image/steps';

/** Every input image-exists reads, with action.yml's defaults. */
export const INPUTS = declareInputs({
  ...IMAGE_INPUTS,
  ...CREDENTIAL_INPUTS,
  'missing-repository': input.choice(['error', 'absent'] as const, 'error'),
});

/** The inputs, read and checked as a whole (before STS or any registry is asked). */
export function readInputs(env: NodeJS.ProcessEnv = process.env): CheckImageRequest {
  const v = readDeclared(INPUTS, env);
  const creds = credentials(v, log);
  const image = imageInputs(v, env);
  return { image, ...(creds ? { credentials: creds } : {}), missingRepository: v['missing-repository'] };
}
