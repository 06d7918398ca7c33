export { basicLogin, login, logout, type LoginDeps, type LoginOptions, type LoginResult } from './login.js';
export { resolveTag, PathNotInCommitError, type ResolveTagInputs, type ResolvedTag } from './resolve-tag.js';
export { checkImages, type CheckTarget, type ExistsDeps, type ExistsOptions, type ExistsResult } from './exists.js';
export { aliasImages, pointAliases, readTags, type TagState } from './aliases.js';
export { chooseCache, type CacheChoice, type CacheRequest } from './cache.js';
export { resolveTarget } from './target.js';
export { buildPush, type BuildDeps, type BuildRequest, type BuildResult, type PushSettings } from './build.js';

export { keptTag } from './kept-tag.js';
export { planImages, imageTagInputs, inspectWorktree, type PlanInputs, type PlannedImage } from './plan.js';
export { loadManifest, type LoadManifestOptions } from './manifest.js';
export { worktreeChanges, dirtyImageTag, judgeWorktree, type DirtyImage } from './worktree.js';
export {
  scanGate,
  gateImage,
  ScanGateError,
  SCAN_OFF,
  type ScanGateRequest,
  type ScanGateResult,
  type ScanDeps,
  type ScanOutputs,
  type ScanSettings,
} from './scan.js';
export { waitForScan, realClock, type Clock, type WaitOutcome } from './scan-wait.js';
export { mergePlatforms, type MergeInputs, type MergeResult } from './merge-platforms.js';
export { type PlatformResult, platformRows, platformsJson } from './platforms.js';
export { heldPlatforms, lackingPlatforms, mergeMatrix, platformMatrix } from './plan-platforms.js';

// The use cases: one per entry point, each a request in, a report (outputs, summary, scan) out.
export { ensureImage, ensureCdkArgs, type EnsureRequest, type EnsureDeps, type EnsureOutputs } from './use-cases/ensure-image.js';
export { buildImage, type BuildImageRequest, type BuildImageDeps, type BuildImageOutputs } from './use-cases/build-image.js';
export { planManifest, planCdkArgs, type PlanManifestRequest, type PlanManifestOutputs } from './use-cases/plan-manifest.js';
export { logInRegistries, type LogInRequest, type LogInOutputs } from './use-cases/log-in.js';
export { checkImage, type CheckImageRequest, type CheckImageOutputs } from './use-cases/check-image.js';
export { tagCheckout, type TagCheckoutRequest, type TagCheckoutOutputs } from './use-cases/tag-checkout.js';
export { mergeImage, type MergeImageRequest, type MergeImageOutputs } from './use-cases/merge-image.js';
export { gateScan, type GateScanRequest, type GateScanOutputs } from './use-cases/gate-scan.js';
export { cdkArgs, type CdkArgsRequest, type CdkArgsOutputs } from './use-cases/cdk-args.js';
export { buildFromTag, buildRows, buildOutcome, plannedBuild, type BuildFromTag } from './build-from-tag.js';
