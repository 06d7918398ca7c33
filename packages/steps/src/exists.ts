import { type Ecr, type Registry, type BasicCredentials, RepositoryNotFoundError } from '@ensure-image/adapters';
import { type ResolvedImage, distributionTarget, formatReference } from '@ensure-image/conventions';

export interface ExistsResult {
  image: string;
  exists: boolean;
  /** Manifest digest when the image exists, else empty. */
  digest: string;
}

export interface ExistsDeps {
  ecr: () => Promise<Ecr>;
  registry: Registry;
}

export interface ExistsOptions {
  credentials?: BasicCredentials;
  /** A missing ECR repository: an error (default), or reported as absent images. */
  missingRepository?: 'error' | 'absent';
}

/** The tag or digest to look up. */
function lookupRef(img: ResolvedImage): string {
  return img.ref.tag ?? (img.ref.digest as string);
}

/**
 * Whether each image exists. Private ECR images cost one BatchGetImage per repository (up to
 * 100 tags a call); any other registry a HEAD of the manifest.
 */
export async function checkImages(images: readonly ResolvedImage[], deps: ExistsDeps, o: ExistsOptions = {}): Promise<ExistsResult[]> {
  const results = new Map<ResolvedImage, ExistsResult>();
  const groups = new Map<string, ResolvedImage[]>();
  for (const img of images) {
    if (img.registry.kind === 'ecr') {
      const key = `${img.registry.region}/${img.registry.account}/${img.ref.repository}`;
      groups.set(key, [...(groups.get(key) ?? []), img]);
    }
  }
  if (groups.size > 0) {
    const ecr = await deps.ecr();
    for (const group of groups.values()) {
      const first = group[0] as ResolvedImage & { registry: { kind: 'ecr'; region: string; account: string } };
      let found: Map<string, string>;
      try {
        found = await ecr.findImages({
          region: first.registry.region,
          account: first.registry.account,
          repository: first.ref.repository,
          tags: [...new Set(group.map(lookupRef))],
        });
      } catch (e) {
        if (!(e instanceof RepositoryNotFoundError && o.missingRepository === 'absent')) throw e;
        found = new Map();
      }
      for (const img of group) {
        const digest = found.get(lookupRef(img)) ?? '';
        results.set(img, { image: formatReference(img.ref), exists: digest !== '', digest });
      }
    }
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
