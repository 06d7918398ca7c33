// The OCI distribution face of the adapters (subpath `@ensure-image/adapters/oci`).
export { type Registry, type ManifestTarget, type ManifestInfo, type Manifest, HttpRegistry, isLoopback } from './registry.js';
export { parseChallenge, type Challenge } from './challenge.js';
export { dockerConfigCredentials, type BasicCredentials } from './docker-config.js';
export { MANIFEST_MEDIA_TYPES } from '../media-types.js';
