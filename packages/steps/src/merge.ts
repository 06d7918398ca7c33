// Per-platform images merged by digest: each platform image's manifest is read (its media type
// and size), one OCI image index is written over them, and it is put under the tag with one
// manifest PUT: ECR through PutImage with the index media type, any other registry through
// PUT /v2/<name>/manifests/<tag>. No `imagetools`, no push of the children by tag, so an
// IMMUTABLE repository takes it (the tag is written once).
import { createHash } from 'node:crypto';
import type { Ecr } from '@ensure-image/adapters/aws';
import type { BasicCredentials, Registry } from '@ensure-image/adapters/oci';
import { type IndexEntry, OCI_INDEX, type ResolvedImage, distributionTarget, formatName, imageIndex, indexEntries, isIndexType } from '@ensure-image/core';

export interface MergeDeps {
  ecr: () => Promise<Ecr>;
  registry: Registry;
}

export interface ReadManifest {
  digest: string;
  mediaType: string;
  body: string;
}

const sha256 = (s: string): string => `sha256:${createHash('sha256').update(s).digest('hex')}`;

/** A manifest of the image's repository by tag or digest (ECR: BatchGetImage; others: GET). */
export async function readManifest(image: ResolvedImage, ref: string, deps: MergeDeps, credentials?: BasicCredentials): Promise<ReadManifest | undefined> {
  if (image.registry.kind === 'ecr') {
    const { region, account } = image.registry;
    const hit = (await (await deps.ecr()).findImages({ region, account, repository: image.ref.repository, tags: [ref] })).get(ref);
    if (!hit?.manifest) return undefined;
    return { digest: hit.digest, mediaType: hit.mediaType || (JSON.parse(hit.manifest) as { mediaType: string }).mediaType, body: hit.manifest };
  }
  const { host, name } = distributionTarget(image.ref);
  const m = await deps.registry.getManifest({ host, name, reference: ref }, credentials);
  return m && { digest: m.digest, mediaType: m.mediaType, body: m.body.toString('utf8') };
}

/**
 * The index entries for what a platform build pushed: the manifest itself (one platform), or
 * the image entries of the index a multi-platform build pushed.
 */
export async function childEntries(
  image: ResolvedImage,
  digest: string,
  platform: string,
  deps: MergeDeps,
  credentials?: BasicCredentials,
): Promise<IndexEntry[]> {
  const m = await readManifest(image, digest, deps, credentials);
  if (!m) throw new Error(`${formatName(image.ref)}@${digest} (${platform}) is not in the registry: the platform image must be pushed before the merge`);
  if (isIndexType(m.mediaType)) return indexEntries(m.body);
  return [{ platform, digest: m.digest, size: Buffer.byteLength(m.body), mediaType: m.mediaType }];
}

/** The platforms a tag holds (image entries of its index); undefined when absent or not an index. */
export async function heldEntries(
  image: ResolvedImage,
  deps: MergeDeps,
  credentials?: BasicCredentials,
): Promise<{ digest: string; entries?: IndexEntry[] } | undefined> {
  const m = await readManifest(image, image.ref.tag as string, deps, credentials);
  if (!m) return undefined;
  return isIndexType(m.mediaType) ? { digest: m.digest, entries: indexEntries(m.body) } : { digest: m.digest };
}

/** Write the index of `entries` under the image's tag (unless `current` is its digest); its digest. ImmutableTagError when refused. */
export async function putIndex(
  image: ResolvedImage,
  entries: readonly IndexEntry[],
  deps: MergeDeps,
  credentials?: BasicCredentials,
  current?: string,
): Promise<string> {
  const body = imageIndex(entries);
  const digest = sha256(body);
  // The tag already names this very index (a rerun): nothing to write, and nothing an immutable tag refuses.
  if (digest === current) return digest;
  const tag = image.ref.tag as string;
  if (image.registry.kind === 'ecr') {
    const { region, account } = image.registry;
    await (await deps.ecr()).putImage({ region, account, repository: image.ref.repository, tag, manifest: body, mediaType: OCI_INDEX, digest });
  } else {
    const { host, name } = distributionTarget(image.ref);
    await deps.registry.putManifest({ host, name, reference: tag }, { body: Buffer.from(body), digest, mediaType: OCI_INDEX }, credentials);
  }
  return digest;
}
