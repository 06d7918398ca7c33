// Aliases follow the image: after a skip (rerun, rollback) and after a push, every alias in the
// image's repository is made to name the image's digest, without a build or a pull: ECR through
// PutImage with the manifest BatchGetImage returned, other registries by PUTting the manifest
// bytes under the alias.
import type { Ecr, FoundImage } from '@ensure-image/adapters/aws';
import { ImmutableTagError } from '@ensure-image/adapters/errors';
import type { Log } from '@ensure-image/adapters/log';
import type { BasicCredentials, Registry } from '@ensure-image/adapters/oci';
import { type ResolvedImage, distributionTarget, formatName, formatReference, resolveImage } from '@ensure-image/core';
import { type CheckTarget, type ExistsOptions, type ExistsResult, checkImages } from './exists.js';

export interface AliasDeps {
  ecr: () => Promise<Ecr>;
  registry: Registry;
  log: Log;
}

/** The image and its aliases, as checked together (one BatchGetImage for an ECR repository). */
export interface TagState {
  main: ExistsResult;
  aliases: { image: ResolvedImage; result: ExistsResult }[];
}

/** The aliases (full references) as images; those in other repositories are only reported. */
export function aliasImages(refs: readonly string[], env: NodeJS.ProcessEnv): ResolvedImage[] {
  return refs.map((r) => resolveImage({ image: r }, env));
}

/** Look the image and its aliases up in one go. */
export async function readTags(main: CheckTarget, aliases: readonly ResolvedImage[], deps: AliasDeps, o: ExistsOptions): Promise<TagState> {
  const [m, ...rest] = await checkImages([main, ...aliases], { ...deps }, o);
  return { main: m as ExistsResult, aliases: aliases.map((image, n) => ({ image, result: rest[n] as ExistsResult })) };
}

const sameRepository = (a: ResolvedImage, b: ResolvedImage): boolean => formatName(a.ref) === formatName(b.ref);

/**
 * Point every alias of `main` that names another digest at `digest`. Returns the aliases
 * moved. An immutable repository that refuses to move one is an error naming the alias.
 */
export async function pointAliases(main: ResolvedImage, digest: string, state: TagState, deps: AliasDeps, credentials?: BasicCredentials): Promise<string[]> {
  const stale = state.aliases.filter((a) => a.result.digest !== digest);
  if (stale.length === 0) return [];
  const elsewhere = stale.filter((a) => !sameRepository(a.image, main));
  for (const a of elsewhere) {
    deps.log.warning(`${a.result.image} is in another repository: it is not re-pointed to ${digest} (only a build pushes it there).`);
  }
  const movable = stale.filter((a) => sameRepository(a.image, main));
  if (movable.length === 0) return [];

  const put = await manifestWriter(main, digest, state.main.found, deps, credentials);
  const moved: string[] = [];
  for (const a of movable) {
    const tag = a.image.ref.tag as string;
    try {
      await put(tag);
    } catch (e) {
      if (!(e instanceof ImmutableTagError)) throw e;
      throw new Error(
        `${a.result.image} names ${a.result.digest || 'another image'} and ${formatName(main.ref)} keeps its tags immutable, so the alias cannot move to ${digest}. ` +
          'Keep aliases mutable with ECR tag-mutability exclusion filters (IMMUTABLE_WITH_EXCLUSION with a filter such as *-latest), or drop the alias.',
      );
    }
    moved.push(a.result.image);
  }
  deps.log.info(`Re-pointed ${moved.join(', ')} to ${digest}`);
  return moved;
}

/** A function that puts the image's manifest under a tag of its repository. */
async function manifestWriter(
  main: ResolvedImage,
  digest: string,
  found: FoundImage | undefined,
  deps: AliasDeps,
  credentials?: BasicCredentials,
): Promise<(tag: string) => Promise<void>> {
  if (main.registry.kind === 'ecr') {
    const { region, account } = main.registry;
    const ecr = await deps.ecr();
    let manifest = found?.digest === digest ? found : undefined;
    if (!manifest?.manifest) manifest = (await ecr.findImages({ region, account, repository: main.ref.repository, tags: [digest] })).get(digest);
    if (!manifest?.manifest) throw new Error(`${formatReference(main.ref)}: ECR returned no manifest for ${digest}, so its aliases cannot be re-pointed`);
    const m = manifest;
    return (tag) =>
      ecr.putImage({
        region,
        account,
        repository: main.ref.repository,
        tag,
        manifest: m.manifest as string,
        ...(m.mediaType ? { mediaType: m.mediaType } : {}),
        digest,
      });
  }
  const { host, name } = distributionTarget(main.ref);
  const body = await deps.registry.getManifest({ host, name, reference: digest }, credentials);
  if (!body) throw new Error(`${formatName(main.ref)}@${digest} is not in the registry, so its aliases cannot be re-pointed`);
  return (tag) => deps.registry.putManifest({ host, name, reference: tag }, body, credentials);
}
