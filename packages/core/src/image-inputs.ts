import type { RegionEnv } from './registry.js';
import { type ImageInputs, needsAccount, resolveImage } from './uri.js';

/** A stand-in account: only its form matters, to check the other inputs before STS tells the real one. */
const ANY_ACCOUNT = '000000000000';

/**
 * Check image inputs as a whole before any network call: the reference or repository, tag,
 * registry, account, region (present where the convention needs one). `resolveImage` runs
 * again once STS has told the account, and gives the same answer for everything but it.
 */
export function validateImageInputs(i: ImageInputs, env: RegionEnv): void {
  resolveImage(needsAccount(i) && i.repository ? { ...i, account: ANY_ACCOUNT } : i, env);
}
