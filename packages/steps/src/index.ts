export { basicLogin, login, logout, type LoginDeps, type LoginOptions, type LoginResult } from './login.js';
export { resolveTag, type ResolveTagInputs, type ResolvedTag } from './resolve-tag.js';
export { checkImages, type ExistsDeps, type ExistsOptions, type ExistsResult } from './exists.js';
export { resolveTarget } from './target.js';
export { buildPush, type BuildDeps, type BuildInputs, type BuildResult } from './build.js';
export * from './build-args.js';
export { planImages, buildMatrix, type PlanInputs, type PlannedImage } from './plan.js';
