// Everything the adapters offer, for tests and tools. Bundled code imports the subpaths
// (`/aws`, `/cache`, `/docker`, `/git`, `/oci`, `/errors`, `/log`) instead, so that a bundle
// carries only the lazy chunks (the AWS SDK, @actions/cache) it can load.
export * from './errors.js';
export {
  type AuthToken,
  type CreateRepositoryRequest,
  type Ecr,
  type FoundImage,
  type ImageQuery,
  type PutImageRequest,
  explainAwsError,
  loadSdkEcr,
} from './aws/index.js';
export type { EcrScans, ScanQuery, ScanRead, StartScanResult } from './aws/scan-types.js';
export { MANIFEST_MEDIA_TYPES } from './media-types.js';
export { type Registry, type ManifestTarget, type ManifestInfo, type Manifest, HttpRegistry, isLoopback } from './oci/registry.js';
export { parseChallenge, type Challenge } from './oci/challenge.js';
export { dockerConfigCredentials, type BasicCredentials } from './oci/docker-config.js';
export { type Docker, type RunOptions, type RunResult, DockerCli } from './docker/cli.js';
export { type Git, type GitFile, BatchedGit, GitCli, parseStatus } from './git/git.js';
export type { Log } from './log.js';
export { type DirCache, ActionsDirCache } from './cache/cache.js';
export { bakePrint, BuildxMissingError, type BakeRequest } from './docker/bake.js';
