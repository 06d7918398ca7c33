import { isAccountId } from './account.js';
import { ValidationError, shown } from './errors.js';
import { type RegionEnv, classifyRegistry, ecrHost, resolveRegion, validateRegion } from './registry.js';

export interface PrivateLogin {
  /** Host to log in to; empty means "the caller's default registry", known once ECR answers. */
  host: string;
  account: string;
  region: string;
}

export interface LoginPlan {
  private: PrivateLogin[];
  /** `public.ecr.aws` (or its alias) when ECR Public is wanted. */
  public?: string;
}

/**
 * What `registries` asks for: 12-digit account ids (in `region`), ECR hosts of any form
 * (their own region), and ECR Public. Empty asks for the caller's default private registry.
 */
export function planLogins(entries: readonly string[], explicitRegion: string | undefined, env: RegionEnv): LoginPlan {
  if (explicitRegion) validateRegion('region', explicitRegion);
  const plan: LoginPlan = { private: [] };
  const seen = new Set<string>();
  const region = (): string => resolveRegion({ explicit: explicitRegion, env });
  if (entries.length === 0) return { private: [{ host: '', account: '', region: region() }] };
  for (const entry of entries) {
    let login: PrivateLogin | undefined;
    if (isAccountId(entry)) {
      const r = region();
      login = { host: ecrHost({ account: entry, region: r }), account: entry, region: r };
    } else {
      const info = classifyRegistry(entry);
      if (info.kind === 'ecr-public') {
        plan.public = entry;
        continue;
      }
      if (info.kind === 'oci') {
        throw new ValidationError(
          'registries',
          `${shown(entry)} is not an ECR registry: give 12-digit account ids, ECR hosts (<account>.dkr.ecr.<region>.amazonaws.com) or public.ecr.aws`,
        );
      }
      login = { host: entry, account: info.account, region: info.region };
    }
    if (!seen.has(login.host)) plan.private.push(login);
    seen.add(login.host);
  }
  return plan;
}
