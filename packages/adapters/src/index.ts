export * from './errors.js';
export type { AuthToken, CreateRepositoryRequest, Ecr, FoundImage, ImageQuery, PutImageRequest } from './aws/types.js';
export { explainAwsError } from './aws/errors.js';
export type { EcrScans, ScanQuery, ScanRead, StartScanResult } from './aws/scan-types.js';
export { MANIFEST_MEDIA_TYPES } from './media-types.js';
export { type Registry, type ManifestTarget, type ManifestInfo, type Manifest, HttpRegistry, isLoopback } from './oci/registry.js';
export { parseChallenge, type Challenge } from './oci/challenge.js';
export { dockerConfigCredentials, type BasicCredentials } from './oci/docker-config.js';
export { type Docker, type RunOptions, type RunResult, DockerCli } from './docker/cli.js';
export { type Git, type GitFile, BatchedGit, GitCli, parseStatus } from './git/git.js';
export type { Log } from './log.js';

let sdkEcr: Promise<import('./aws/types.js').Ecr> | undefined;

/**
 * The SDK-backed ECR adapter, loaded only when an ECR registry is involved (the SDK is most of
 * a bundle's weight), and once per process, so every step shares its clients and credentials.
 * Calling it early starts the load while other work (git) runs.
 */
export function loadSdkEcr(): Promise<import('./aws/types.js').Ecr> {
  sdkEcr ??= import('./aws/sdk.js').then(({ SdkEcr }) => new SdkEcr());
  return sdkEcr;
}
export { type DirCache, ActionsDirCache } from './cache/cache.js';
export { bakePrint, BuildxMissingError, type BakeRequest } from './docker/bake.js';
