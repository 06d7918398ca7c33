// The merge a reusable workflow's last job runs (actions/merge): the platform images its
// platform jobs pushed (by digest, or under `<tag>-<platform>`) become one OCI index under the
// tag, the platforms the tag already holds kept; the aliases follow.
import { ImmutableTagError } from '@ensure-image/adapters/errors';
import type { Log } from '@ensure-image/adapters/log';
import type { BasicCredentials } from '@ensure-image/adapters/oci';
import { type IndexEntry, type ResolvedImage, formatName, formatReference, pinnedReference, platformTag, prefixOfTag } from '@ensure-image/core';
import { type AliasDeps, aliasImages, pointAliases, readTags } from './aliases.js';
import { childEntries, heldEntries, putIndex, readManifest } from './merge.js';

export interface MergeInputs {
  image: ResolvedImage;
  /** Full references of the aliases (same repository: re-pointed; elsewhere: reported). */
  aliases: readonly string[];
  platforms: readonly string[];
  /** Digests the platform jobs reported, by platform; a platform without one is read from `<tag>-<platform>`. */
  digests: ReadonlyMap<string, string>;
  credentials?: BasicCredentials;
}

export interface MergeResult {
  image: string;
  digest: string;
  imageDigest: string;
  /** Whether the tag was written (false: it already named this index). */
  merged: boolean;
  entries: IndexEntry[];
  repointed: string[];
}

export async function mergePlatforms(i: MergeInputs, deps: AliasDeps & { log: Log }): Promise<MergeResult> {
  const image = formatReference(i.image.ref);
  const held = await heldEntries(i.image, deps, i.credentials);
  const kept = (held?.entries ?? []).filter((e) => !i.platforms.includes(e.platform) || !i.digests.has(e.platform));
  const entries: IndexEntry[] = [];
  for (const p of i.platforms) {
    let digest = i.digests.get(p);
    if (!digest && kept.some((e) => e.platform === p)) continue; // the tag holds it already
    digest ??= (await readManifest(i.image, platformTag(i.image.ref.tag as string, p), deps, i.credentials))?.digest;
    if (!digest)
      throw new Error(
        `No image for ${p}: give its digest in digests (platform=sha256:...), or let its platform job push ${formatName(i.image.ref)}:${platformTag(i.image.ref.tag as string, p)} first`,
      );
    entries.push(...(await childEntries(i.image, digest, p, deps, i.credentials)));
  }
  const merged = [...kept.filter((k) => !entries.some((e) => e.platform === k.platform)), ...entries];
  let digest: string;
  try {
    digest = await putIndex(i.image, merged, deps, i.credentials, held?.digest);
  } catch (e) {
    if (!(e instanceof ImmutableTagError)) throw e;
    const lacking = i.platforms.filter((p) => !(held?.entries ?? []).some((h) => h.platform === p));
    throw new Error(
      `${image} exists${lacking.length ? ` without ${lacking.join(', ')}` : ' as another image'}, and its repository keeps tags immutable, so it cannot be re-merged under the same tag. ` +
        'Build the new platform under a new tag (a new source version), or keep the repository MUTABLE.',
    );
  }
  const wrote = digest !== held?.digest;
  deps.log.info(
    wrote ? `Merged ${merged.map((e) => e.platform).join(', ')} into ${image} (${digest})` : `${image} already is this index (${digest}): nothing to write`,
  );
  const state = await readTags(
    { ...i.image, prefix: prefixOfTag(i.image.ref.tag) },
    aliasImages(i.aliases, {}),
    deps,
    i.credentials ? { credentials: i.credentials } : {},
  );
  const repointed = await pointAliases(i.image, digest, state, deps, i.credentials);
  return { image, digest, imageDigest: pinnedReference(i.image.ref, digest), merged: wrote, entries: merged, repointed };
}
