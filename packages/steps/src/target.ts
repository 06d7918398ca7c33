import type { Ecr } from '@ensure-image/adapters/aws';
import type { Log } from '@ensure-image/adapters/log';
import { type ImageInputs, type RegionEnv, type ResolvedImage, needsAccount, resolveImage, resolveRegion } from '@ensure-image/core';

/**
 * Resolve the image the inputs name. Only when nothing names the registry is STS asked for
 * the caller's account (account: explicit > registry host > GetCallerIdentity).
 */
export async function resolveTarget(i: ImageInputs, deps: { ecr: () => Promise<Ecr>; log: Log }, env: RegionEnv): Promise<ResolvedImage> {
  let inputs = i;
  if (needsAccount(i) && i.repository) {
    const region = resolveRegion({ explicit: i.region, env });
    const account = await (await deps.ecr()).accountId(region);
    deps.log.info(`Account ${account} (from sts:GetCallerIdentity)`);
    inputs = { ...i, account, region };
  }
  const resolved = resolveImage(inputs, env);
  for (const w of resolved.warnings) deps.log.warning(w);
  return resolved;
}
