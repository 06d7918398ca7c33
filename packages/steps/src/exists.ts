import type { Ecr, FoundImage } from '@ensure-image/adapters/aws';
import { RepositoryNotFoundError } from '@ensure-image/adapters/errors';
import type { Log } from '@ensure-image/adapters/log';
import type { BasicCredentials, Registry } from '@ensure-image/adapters/oci';
import { type RepositorySettings, type ResolvedImage, distributionTarget, formatReference, lifecyclePolicy, mutableTagFilters } from '@ensure-image/core';

export interface ExistsResult {
  image: string;
  exists: boolean;
  /** Manifest digest when the image exists, else empty. */
  digest: string;
  /** ECR only: the manifest BatchGetImage returned (to put it under another tag). */
  found?: FoundImage;
}

export interface ExistsDeps {
  ecr: () => Promise<Ecr>;
  registry: Registry;
  log?: Log;
}

/** An image to check; `prefix` is its tag prefix (one lifecycle rule per prefix). */
export type CheckTarget = ResolvedImage & { prefix?: string };

export interface ExistsOptions {
  credentials?: BasicCredentials;
  /** A missing ECR repository: an error (default), or reported as absent images. */
  missingRepository?: 'error' | 'absent';
  /** Create a missing ECR repository with these settings (its images are then absent). */
  create?: RepositorySettings;
  /** The running action's inputs that deal with a missing repository, named in the error. */
  repositoryInputs?: readonly string[];
}

/** The tag or digest to look up. */
function lookupRef(img: ResolvedImage): string {
  return img.ref.tag ?? (img.ref.digest as string);
}

type EcrTarget = CheckTarget & { registry: { kind: 'ecr'; region: string; account: string } };

/** What to set when a repository is missing, in the running action's words. */
function missingRepositoryHint(inputs: readonly string[]): string {
  const ways: string[] = [];
  if (inputs.includes('create-repository')) ways.push('set create-repository: true to create it');
  if (inputs.includes('missing-repository')) ways.push('set missing-repository: absent to report its images as missing');
  return ways.length ? ` Create it first, or ${ways.join(', or ')}.` : ' Create it first.';
}

/**
 * Whether each image exists. Private ECR images cost one BatchGetImage per repository (up to
 * 100 tags a call); any other registry a HEAD of the manifest. A missing ECR repository is
 * created when `create` is given (RepositoryAlreadyExists from a concurrent run is fine).
 */
export async function checkImages(images: readonly CheckTarget[], deps: ExistsDeps, o: ExistsOptions = {}): Promise<ExistsResult[]> {
  const results = new Map<CheckTarget, ExistsResult>();
  const groups = new Map<string, EcrTarget[]>();
  for (const img of images) {
    if (img.registry.kind === 'ecr') {
      const key = `${img.registry.region}/${img.registry.account}/${img.ref.repository}`;
      groups.set(key, [...(groups.get(key) ?? []), img as EcrTarget]);
    }
  }
  const checkGroup = async (ecr: Ecr, group: EcrTarget[]): Promise<void> => {
    const first = group[0] as EcrTarget;
    const where = { region: first.registry.region, account: first.registry.account, repository: first.ref.repository };
    let found: Map<string, FoundImage>;
    try {
      found = await ecr.findImages({ ...where, tags: [...new Set(group.map(lookupRef))] });
    } catch (e) {
      if (!(e instanceof RepositoryNotFoundError)) throw e;
      if (o.create) {
        await createRepository(ecr, where, group, o.create, deps.log);
      } else if (o.missingRepository !== 'absent') {
        throw new RepositoryNotFoundError(`${e.message}.${missingRepositoryHint(o.repositoryInputs ?? ['missing-repository'])}`);
      }
      found = new Map();
    }
    for (const img of group) {
      const hit = found.get(lookupRef(img));
      results.set(img, { image: formatReference(img.ref), exists: hit !== undefined, digest: hit?.digest ?? '', ...(hit ? { found: hit } : {}) });
    }
  };
  if (groups.size > 0) {
    const ecr = await deps.ecr();
    await Promise.all([...groups.values()].map((g) => checkGroup(ecr, g)));
  }
  await Promise.all(
    images
      .filter((img) => img.registry.kind !== 'ecr')
      .map(async (img) => {
        const { host, name } = distributionTarget(img.ref);
        const info = await deps.registry.headManifest({ host, name, reference: lookupRef(img) }, o.credentials);
        results.set(img, { image: formatReference(img.ref), exists: info !== undefined, digest: info?.digest ?? '' });
      }),
  );
  return images.map((img) => results.get(img) as ExistsResult);
}

async function createRepository(
  ecr: Ecr,
  where: { region: string; account: string; repository: string },
  group: readonly CheckTarget[],
  s: RepositorySettings,
  log: Log | undefined,
): Promise<void> {
  // Aliases carry no prefix of their own: one rule per image that names one.
  const named = group.flatMap((img) => (img.prefix === undefined ? [] : [img.prefix]));
  const prefixes = named.length ? named : [''];
  // Immutable with the aliases excluded: each alias as the wildcard its siblings share (`*-latest`).
  let mutability = s.mutability;
  let mutableTags: string[] = [];
  if (mutability === 'IMMUTABLE_WITH_EXCLUSION') {
    const aliases = group.filter((img) => img.prefix === undefined && img.ref.tag).map((img) => img.ref.tag as string);
    mutableTags = [...new Set(aliases.flatMap((t) => mutableTagFilters(named.find((p) => p && t.startsWith(`${p}-`)) ?? '', [t])))];
    if (mutableTags.length === 0) {
      log?.info('tag-mutability: IMMUTABLE_WITH_EXCLUSION with no aliases to exclude: the repository is created IMMUTABLE');
      mutability = 'IMMUTABLE';
    }
  }
  const made = await ecr.createRepository({
    ...where,
    scanOnPush: s.scanOnPush,
    ...(s.kmsKey ? { kmsKey: s.kmsKey } : {}),
    mutability,
    mutableTags,
    ...(s.lifecycleKeep ? { lifecyclePolicy: JSON.stringify(lifecyclePolicy(prefixes, s.lifecycleKeep)) } : {}),
  });
  log?.info(
    made === 'created'
      ? `Created ECR repository ${where.repository} (${mutability}${mutableTags.length ? ` except ${mutableTags.join(', ')}` : ''}, scan on push ${s.scanOnPush}, ${s.kmsKey ? `KMS ${s.kmsKey}` : 'AES256'}${s.lifecycleKeep ? `, keeps ${s.lifecycleKeep} per image` : ''})`
      : `ECR repository ${where.repository} was created meanwhile by another run`,
  );
}
