import { isAccountId } from './account.js';
import { ValidationError, shown } from './errors.js';
import { type ImageReference, parseReference, validateRepository, validateTag, isValidRegistryHost } from './reference.js';
import { type RegionEnv, type RegistryInfo, classifyRegistry, ecrHost, resolveRegion, validateAccount } from './registry.js';

/** How a user names an image: a full reference, or the ECR convention's parts. */
export interface ImageInputs {
  /** Full reference; bypasses the convention (Docker Hub, GHCR, any registry). */
  image?: string;
  /** Registry host (any form) or a 12-digit account id. */
  registry?: string;
  account?: string;
  region?: string;
  repository?: string;
  tag?: string;
}

export interface ResolvedImage {
  ref: ImageReference & { registry: string };
  registry: RegistryInfo;
  /** Messages for core.warning (unpinned tags). */
  warnings: string[];
}

/** True when only STS can tell the account (no image, no registry, no account). */
export function needsAccount(i: ImageInputs): boolean {
  return !i.image && !i.registry && !i.account;
}

function registryFrom(i: ImageInputs, env: RegionEnv): string {
  if (i.registry && isAccountId(i.registry)) {
    return ecrHost({ account: i.registry, region: resolveRegion({ explicit: i.region, env }) });
  }
  if (i.registry) {
    if (!isValidRegistryHost(i.registry)) {
      throw new ValidationError('registry', `${shown(i.registry)} is not a registry host (host[:port]) or a 12-digit account id`);
    }
    return i.registry;
  }
  if (!i.account) {
    throw new ValidationError('account', 'no registry: give registry, account (12 digits) or a full image reference');
  }
  validateAccount('account', i.account);
  return ecrHost({ account: i.account, region: resolveRegion({ explicit: i.region, env }) });
}

function unpinnedWarnings(ref: ImageReference): string[] {
  if (ref.digest !== undefined || ref.tag === undefined) return [];
  if (ref.tag === 'latest' || ref.tag.endsWith('-latest')) {
    return [
      `Tag "${ref.tag}" is not pinned: it moves with every push, so a deploy cannot tell versions apart. Prefer a tag derived from the source (resolve-tag).`,
    ];
  }
  return [];
}

/**
 * Resolve an image from the user's inputs. The convention is
 * `{account}.dkr.ecr.{region}.amazonaws.com/{repository}:{tag}` (partition-aware),
 * with every part overridable; `image` bypasses it.
 */
export function resolveImage(i: ImageInputs, env: RegionEnv): ResolvedImage {
  let ref: ImageReference;
  if (i.image) {
    if (i.repository) throw new ValidationError('image', 'give either image (a full reference) or repository, not both');
    ref = parseReference('image', i.image);
    if (ref.tag === undefined && i.tag) ref.tag = validateTag('tag', i.tag);
  } else {
    if (!i.repository) throw new ValidationError('repository', 'required unless image is given (like my-app or team/my-app)');
    const registry = registryFrom(i, env);
    const ecr = classifyRegistry(registry).kind !== 'oci';
    ref = { registry, repository: validateRepository('repository', i.repository, ecr) };
    if (i.tag) ref.tag = validateTag('tag', i.tag);
  }
  const registry = ref.registry ?? 'docker.io';
  const info = classifyRegistry(registry);
  if (info.kind === 'ecr' || info.kind === 'ecr-public') validateRepository(i.image ? 'image' : 'repository', ref.repository, true);
  const warnings: string[] = [];
  if (ref.tag === undefined && ref.digest === undefined) {
    warnings.push('No tag given: using "latest".');
    ref.tag = 'latest';
  }
  warnings.push(...unpinnedWarnings(ref));
  return { ref: { ...ref, registry }, registry: info, warnings };
}
