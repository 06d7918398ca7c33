export * from './errors.js';
export type { AuthToken, Ecr, ImageQuery } from './aws/types.js';
export { explainAwsError } from './aws/errors.js';
export { MANIFEST_MEDIA_TYPES } from './media-types.js';
export { type Registry, type ManifestTarget, type ManifestInfo, HttpRegistry, schemeFor } from './oci/registry.js';
export { parseChallenge, type Challenge } from './oci/challenge.js';
export { dockerConfigCredentials, type BasicCredentials } from './oci/docker-config.js';
export { type Docker, type RunOptions, type RunResult, DockerCli } from './docker/cli.js';
export { type Git, GitCli } from './git/git.js';
export type { Log } from './log.js';

/** The SDK-backed ECR adapter, loaded only when an ECR registry is involved (it is most of a bundle). */
export async function loadSdkEcr(): Promise<import('./aws/types.js').Ecr> {
  const { SdkEcr } = await import('./aws/sdk.js');
  return new SdkEcr();
}
export { type DirCache, ActionsDirCache } from './cache/cache.js';
