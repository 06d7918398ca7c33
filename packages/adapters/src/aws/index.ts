// The AWS face of the adapters (subpath `@ensure-image/adapters/aws`): only a bundle that
// imports it carries the SDK's lazy chunk.
import { fastSettings } from './fast-credentials.js';
import type { Ecr } from './types.js';

export type { AuthToken, CreateRepositoryRequest, Ecr, FoundImage, ImageQuery, PutImageRequest } from './types.js';
export { explainAwsError } from './errors.js';
export type { EcrScans, ScanQuery, ScanRead, StartScanResult } from './scan-types.js';

let sdkEcr: Promise<Ecr> | undefined;
let ecr: Promise<Ecr> | undefined;

const loadSdk = (): Promise<Ecr> => (sdkEcr ??= import('./sdk.js').then(({ SdkEcr }) => new SdkEcr()));

/**
 * The ECR adapter, loaded only when an ECR registry is involved (the SDK is most of a bundle's
 * weight), and once per process, so every step shares its clients and credentials. With static
 * credentials in the environment (fast-credentials.ts), the login and skip-path calls go
 * through fast-ecr.ts without the SDK's clients; everything else, and every other credential
 * source, through the SDK. Calling it early starts the load while other work (git) runs.
 */
export function loadSdkEcr(env: NodeJS.ProcessEnv = process.env): Promise<Ecr> {
  ecr ??= (async () => {
    const settings = fastSettings(env);
    if (!settings) return loadSdk();
    const { FastEcr } = await import('./fast-ecr.js');
    return new FastEcr(settings, loadSdk, env);
  })();
  return ecr;
}
