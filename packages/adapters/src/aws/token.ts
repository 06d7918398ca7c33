// What the SDK path and the fast path (fast-ecr.ts) both do with ECR's answers.
import type { FoundImage } from './types.js';

/** GetAuthorizationToken's token: base64 of `user:password`. */
export function decodeToken(token: string | undefined, what: string): { username: string; password: string } {
  const raw = Buffer.from(token ?? '', 'base64').toString('utf8');
  const colon = raw.indexOf(':');
  if (colon <= 0) throw new Error(`${what}: the authorization token has an unexpected form`);
  return { username: raw.slice(0, colon), password: raw.slice(colon + 1) };
}

/** The account of a private registry's proxyEndpoint (`https://123456789012.dkr.ecr...`). */
export const proxyEndpointAccount = (endpoint: string | undefined): string => /^https?:\/\/(\d{12})\./.exec(endpoint ?? '')?.[1] ?? '';

/** The parts of a BatchGetImage answer this project reads (the SDK's output type is wider). */
export interface BatchGetImageAnswer {
  images?: { imageId?: { imageDigest?: string; imageTag?: string }; imageManifest?: string; imageManifestMediaType?: string }[];
  failures?: { imageId?: { imageTag?: string }; failureCode?: string; failureReason?: string }[];
}

/** Add BatchGetImage's images to `found` (by digest and by tag); a missing tag is an ImageNotFound entry, not an error, any other failure is. */
export function collectImages(out: BatchGetImageAnswer, found: Map<string, FoundImage>, what: string): void {
  for (const img of out.images ?? []) {
    const digest = img.imageId?.imageDigest;
    if (!digest) continue;
    const image: FoundImage = {
      digest,
      ...(img.imageManifest ? { manifest: img.imageManifest } : {}),
      ...(img.imageManifestMediaType ? { mediaType: img.imageManifestMediaType } : {}),
    };
    found.set(digest, image);
    if (img.imageId?.imageTag) found.set(img.imageId.imageTag, image);
  }
  const odd = (out.failures ?? []).find((f) => f.failureCode !== 'ImageNotFound');
  if (odd) throw new Error(`${what}: ${odd.failureCode}: ${odd.failureReason} (tag ${odd.imageId?.imageTag})`);
}
