import { parseExtraTags, parseKeyValues, parsePlatformDigests, parsePlatforms } from '@ensure-image/core';
import { CREDENTIAL_INPUTS, IMAGE_INPUTS, credentials, declareInputs, imageInputs, input, log, readDeclared } from '@ensure-image/runner';
import type { MergeImageRequest } from '@ensure-image/steps';

/** Every input merge reads, with action.yml's defaults. */
export const INPUTS = declareInputs({
  ...IMAGE_INPUTS,
  platforms: input.parsed('', parsePlatforms, { required: true, hint: 'the platforms of the image, like linux/amd64,linux/arm64' }),
  digests: input.parsed('', (n, v) => parsePlatformDigests(n, v, parseKeyValues), { multiline: true }),
  tags: input.parsed('', parseExtraTags),
  ...CREDENTIAL_INPUTS,
});

/** The inputs, read and checked as a whole (before STS or any registry is asked). */
export function readInputs(env: NodeJS.ProcessEnv = process.env): MergeImageRequest {
  const v = readDeclared(INPUTS, env);
  const creds = credentials(v, log);
  const image = imageInputs(v, env);
  return { image, platforms: v.platforms, digests: v.digests, tags: v.tags, ...(creds ? { credentials: creds } : {}) };
}
