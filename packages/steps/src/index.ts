export { basicLogin, login, logout, type LoginDeps, type LoginOptions, type LoginResult } from './login.js';
export { resolveTag, PathNotInCommitError, type ResolveTagInputs, type ResolvedTag } from './resolve-tag.js';
export { checkImages, type CheckTarget, type ExistsDeps, type ExistsOptions, type ExistsResult } from './exists.js';
export { aliasImages, pointAliases, readTags, type TagState } from './aliases.js';
export { chooseCache, type CacheChoice, type CacheRequest } from './cache.js';
export { resolveTarget } from './target.js';
export { buildPush, type BuildDeps, type BuildInputs, type BuildResult } from './build.js';

export { keptTag } from './kept-tag.js';
export { planImages, buildMatrix, imageTagInputs, inspectWorktree, type PlanInputs, type PlannedImage } from './plan.js';
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
