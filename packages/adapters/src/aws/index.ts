// The AWS face of the adapters (subpath `@ensure-image/adapters/aws`): only a bundle that
// imports it carries the SDK's lazy chunk.
export type { AuthToken, CreateRepositoryRequest, Ecr, FoundImage, ImageQuery, PutImageRequest } from './types.js';
export { explainAwsError } from './errors.js';

let sdkEcr: Promise<import('./types.js').Ecr> | undefined;

/**
 * The SDK-backed ECR adapter, loaded only when an ECR registry is involved (the SDK is most of
 * a bundle's weight), and once per process, so every step shares its clients and credentials.
 * Calling it early starts the load while other work (git) runs.
 */
export function loadSdkEcr(): Promise<import('./types.js').Ecr> {
  sdkEcr ??= import('./sdk.js').then(({ SdkEcr }) => new SdkEcr());
  return sdkEcr;
}
