import type { Ecr } from '@ensure-image/adapters/aws';
import type { Git } from '@ensure-image/adapters/git';
import type { Log } from '@ensure-image/adapters/log';
import type { Registry } from '@ensure-image/adapters/oci';
import {
  type DirtyMode,
  type ManifestImage,
  ManifestError,
  type RegionEnv,
  type ResolveTagInputs,
  type ResolvedImage,
  ValidationError,
  defaultImagePaths,
  dockerfilePath,
  expandTags,
  formatReference,
} from '@ensure-image/core';
import { PathNotInCommitError } from './resolve-tag.js';
import { dirtyImageTag, judgeWorktree, worktreeChanges } from './worktree.js';
import { type TagState, aliasImages, pointAliases } from './aliases.js';
import { type ExistsOptions, checkImages } from './exists.js';
import { lackingPlatforms } from './plan-platforms.js';
import { type ResolvedTag, resolveTag } from './resolve-tag.js';
import { resolveTarget } from './target.js';
import { keptTag } from './kept-tag.js';

export interface PlanInputs {
  images: readonly ManifestImage[];
  source: 'commit' | 'tree';
  length: number;
  workspace: string;
  githubSha?: string;
  /** The images file's name, for errors that point into it (`images.yml: images[0].paths[1]`). */
  manifest?: string;
}

export interface PlannedImage {
  spec: ManifestImage;
  tag: ResolvedTag;
  target: ResolvedImage;
  image: string;
  exists: boolean;
  digest: string;
  /** Aliases moved to the image's digest (present images, with retag). */
  repointed: string[];
  /** Uncommitted changes under the image's inputs (when the plan was asked to look); with `dirty: tag`, `tag` is the `-dirty-` one. */
  changes: string[];
  /** Several platforms asked: those the tag lacks (all when it is absent). */
  missingPlatforms?: string[];
}

export interface PlanOptions extends ExistsOptions {
  /** Re-point the aliases of the images found present (a rollback moves `-latest` back). */
  retag?: boolean;
  /** Look at uncommitted changes to each image's inputs: `tag` gives changed images a `-dirty-` tag (the CLI); the actions' modes warn or fail. */
  dirty?: DirtyMode | 'tag';
  /** Warn when an image's hand-written paths miss a source its Dockerfile reads (source `tree`). */
  checkPaths?: boolean;
}

/**
 * The tag inputs of one manifest entry. With no paths (`paths: auto`, the default for
 * `source: tree`), the id covers what the build reads from its Dockerfile; `paths` then holds
 * its context (and Dockerfile when outside it), where uncommitted changes are looked for.
 * Hand-written paths make the id as they always did.
 */
export function imageTagInputs(spec: ManifestImage, i: Omit<PlanInputs, 'images'>): ResolveTagInputs {
  const file = dockerfilePath(spec.context, spec.file);
  return {
    prefix: spec.prefix,
    source: i.source,
    paths: spec.paths.length ? spec.paths : defaultImagePaths(spec.context, file),
    length: i.length,
    aliases: spec.aliases,
    workspace: i.workspace,
    ...(i.githubSha ? { githubSha: i.githubSha } : {}),
    build: { context: spec.context, file, buildArgs: spec.buildArgs, ...(spec.target ? { target: spec.target } : {}), name: spec.name },
    auto: spec.paths.length === 0,
  };
}

/**
 * Tag every image of a manifest and check them all: one BatchGetImage per ECR repository
 * (however many images share it), a manifest HEAD for any other registry.
 */
export async function planImages(
  i: PlanInputs,
  deps: { git: Git; log: Log; ecr: () => Promise<Ecr>; registry: Registry },
  env: RegionEnv,
  o: PlanOptions = {},
): Promise<PlannedImage[]> {
  const tagged = await Promise.all(
    i.images.map(async (spec, n) => {
      const tag = await resolveTag({ ...imageTagInputs(spec, i), ...(o.checkPaths ? { checkPaths: true } : {}) }, deps).catch((e: unknown) => {
        throw asManifestError(e, spec, n, i.manifest);
      });
      return { spec, n, tag };
    }),
  );
  const worktree = await inspectWorktree(
    i,
    tagged.map((t) => t.tag),
    deps,
    o.dirty,
  );
  const resolved = await Promise.all(
    tagged.map(async ({ spec, n, tag: committed }) => {
      const tag = keptTag(spec, worktree[n]?.tag ?? committed, deps.log);
      const target = await resolveTarget(
        {
          repository: spec.repository,
          tag: tag.tag,
          ...(spec.registry ? { registry: spec.registry } : {}),
          ...(spec.account ? { account: spec.account } : {}),
          ...(spec.region ? { region: spec.region } : {}),
        },
        deps,
        env,
      );
      return { spec, tag, target, changes: worktree[n]?.files ?? [] };
    }),
  );
  // Each image with its aliases, all in one check: still one BatchGetImage per repository.
  const withAliases = resolved.map((r) => ({
    main: { ...r.target, prefix: r.spec.prefix },
    aliases: aliasImages(expandTags('aliases', r.target.ref, r.tag.tags.slice(1)), {}),
  }));
  const checks = await checkImages(
    withAliases.flatMap((w) => [w.main, ...w.aliases]),
    deps,
    o,
  );
  let at = 0;
  const states: TagState[] = withAliases.map((w) => {
    const main = checks[at++] as TagState['main'];
    return { main, aliases: w.aliases.map((image) => ({ image, result: checks[at++] as TagState['main'] })) };
  });
  return Promise.all(
    resolved.map(async (r, n) => {
      const state = states[n] as TagState;
      const lacking = await lackingPlatforms(r.spec, r.target, state.main, deps, o.credentials);
      const exists = state.main.exists && lacking.length === 0;
      const repointed = o.retag !== false && exists ? await pointAliases(r.target, state.main.digest, state, deps, o.credentials) : [];
      return {
        ...r,
        image: formatReference(r.target.ref),
        exists,
        digest: state.main.digest,
        repointed,
        ...(r.spec.platforms.length > 1 ? { missingPlatforms: lacking } : {}),
      };
    }),
  );
}

/**
 * Uncommitted changes under each image's inputs, read only when asked. `tag` (the CLI) gives
 * each changed image its `-dirty-` tag; `warn`/`fail` (the actions) judge them before any
 * registry is asked, and the tags stay the commit's.
 */
export async function inspectWorktree(
  i: Omit<PlanInputs, 'images'> & { images: readonly ManifestImage[] },
  tags: readonly ResolvedTag[],
  deps: { git: Git; log: Log },
  mode: PlanOptions['dirty'],
): Promise<{ tag: ResolvedTag; files: string[] }[]> {
  if (mode === undefined || mode === 'ignore') return [];
  const changes = await worktreeChanges(
    i.workspace,
    i.images.map((spec) => imageTagInputs(spec, i).paths),
    deps.git,
  );
  if (mode !== 'tag') {
    judgeWorktree(
      mode,
      i.images.map((spec, n) => ({ name: spec.name, tag: (tags[n] as ResolvedTag).tag, files: (changes[n] ?? []).map((c) => c.path) })),
      deps.log,
    );
  }
  return Promise.all(
    i.images.map(async (spec, n) => {
      const mine = changes[n] ?? [];
      const tag = tags[n] as ResolvedTag;
      const dirty = mode === 'tag' && mine.length > 0;
      return { tag: dirty ? await dirtyImageTag(tag, spec.prefix, mine, i.workspace, deps.git) : tag, files: mine.map((c) => c.path) };
    }),
  );
}

/** A path git cannot find at the commit is a mistake in the manifest: name the entry's field. */
function asManifestError(e: unknown, spec: ManifestImage, n: number, file = 'manifest'): unknown {
  // paths: auto read a target the Dockerfile does not have.
  if (e instanceof ValidationError && !(e instanceof ManifestError) && e.input === 'target') return new ManifestError(file, `images[${n}].target`, e.detail);
  if (!(e instanceof PathNotInCommitError)) return e;
  const field = spec.paths.length ? `images[${n}].paths[${e.index}]` : `images[${n}].context`;
  return new ManifestError(file, field, e.detail);
}
