import type { Git } from '@ensure-image/adapters/git';
import type { Log } from '@ensure-image/adapters/log';
import {
  type ResolveTagInputs,
  type TaggedBuild,
  type ResolvedTag,
  ValidationError,
  aliasTags,
  combineContentIds,
  formatTag,
  isFullSha,
  shortId,
  shown,
  validateSha,
} from '@ensure-image/core';

export type { ResolveTagInputs, ResolvedTag };

/** A `paths` entry that the commit does not hold (a typo, or content not committed yet). */
export class PathNotInCommitError extends ValidationError {
  constructor(
    readonly index: number,
    detail: string,
  ) {
    super('paths', detail);
  }
}

const SHALLOW =
  'This is a shallow clone (actions/checkout fetches one commit by default): set `fetch-depth: 0` on actions/checkout so git has the history and trees the tag is taken from.';

function treeRev(commit: string, path: string): string {
  return path === '.' ? `${commit}:./` : `${commit}:./${path}`;
}

const works = (p: Promise<unknown>): Promise<boolean> =>
  p.then(
    () => true,
    () => false,
  );

/**
 * The tag for an image: `<prefix>-<id>`. The id is the commit (`source: commit`) or the git
 * ids of `paths` at that commit (`source: tree`), shortened to `length`. The commit is the
 * checked-out HEAD, or `sha` (a full SHA or an abbreviation git resolves), or GITHUB_SHA
 * when the workspace is no git checkout.
 */
export async function resolveTag(i: ResolveTagInputs, deps: { git: Git; log: Log }): Promise<ResolvedTag> {
  const commitRev = i.sha === undefined ? 'HEAD' : `${i.sha}^{commit}`;
  const auto = i.source === 'tree' && i.auto === true;
  if (auto && !i.build)
    throw new ValidationError('paths', "auto reads the image's Dockerfile, and none is known here: list the paths, or give the build (context, file)");
  const revs = i.source === 'tree' && !auto ? [commitRev, ...i.paths.map((p) => treeRev(commitRev, p))] : [commitRev];
  let ids: string[];
  try {
    ids = await deps.git.revParse(i.workspace, revs);
  } catch (e) {
    ids = [await explain(i, deps, e as Error)];
  }
  const sha = validateSha('sha', ids[0] as string);
  // The Dockerfile parser is loaded only where a tree tag has a known build (a chunk of its own in bundles).
  const reading = i.source === 'tree' && i.build && (auto || i.checkPaths) ? await import('./build-reads.js') : undefined;
  const derived = auto ? await reading?.autoReads(i.build as TaggedBuild, sha, i.workspace, deps) : undefined;
  if (i.source === 'tree' && !auto && i.build && i.checkPaths) await reading?.checkPaths(i.build, i.paths, sha, i.workspace, deps);
  const full = derived ? derived.id : i.source === 'tree' ? combineContentIds(i.paths.map((path, n) => ({ path, id: ids[n + 1] as string }))) : sha;
  const id = shortId(full, i.length);
  const tag = formatTag(i.prefix, id);
  return { tag, id, sha, tags: [tag, ...aliasTags(i.prefix, i.aliases)], ...(derived ? { reads: derived.reads } : {}) };
}

/**
 * Git could not answer: say why in the user's terms (no checkout, an unknown or ambiguous
 * `sha`, a path missing at the commit, a shallow clone), or fall back to a commit given as is.
 */
async function explain(i: ResolveTagInputs, deps: { git: Git; log: Log }, e: Error): Promise<string> {
  const { git, log } = deps;
  const checkout = await works(git.revParse(i.workspace, ['HEAD']));
  const shallow = checkout && ((await git.isShallow?.(i.workspace)) ?? false);
  const hint = shallow ? ` ${SHALLOW}` : '';
  if (!checkout) {
    if (i.source === 'commit' && i.sha !== undefined && isFullSha(i.sha)) {
      log.warning(`No git checkout in ${i.workspace} (${e.message}); using sha ${i.sha} as given.`);
      return i.sha;
    }
    if (i.source === 'commit' && i.sha === undefined && i.githubSha) {
      log.warning(`No git checkout in ${i.workspace} (${e.message}); using GITHUB_SHA.`);
      return i.githubSha;
    }
    throw new Error(
      `Cannot read the ${i.source === 'tree' ? 'tree ids of paths' : 'commit'} from git in ${i.workspace}: ${e.message}. Check out the repository first (actions/checkout).`,
    );
  }
  if (i.sha !== undefined) {
    const shaError = await git.revParse(i.workspace, [`${i.sha}^{commit}`]).then(
      () => undefined,
      (x: unknown) => (x instanceof Error ? x.message : String(x)),
    );
    if (shaError !== undefined) {
      const why = /short object ID \S+ is ambiguous/.test(shaError)
        ? 'ambiguous: several commits start with it, give more characters'
        : 'no commit here starts with it';
      throw new ValidationError('sha', `${shown(i.sha)} does not name exactly one commit in ${i.workspace} (${why}).${hint}`);
    }
  }
  if (i.source === 'tree') {
    const commit = i.sha === undefined ? 'HEAD' : `${i.sha}^{commit}`;
    for (const [n, p] of i.paths.entries()) {
      if (!(await works(git.revParse(i.workspace, [treeRev(commit, p)])))) {
        throw new PathNotInCommitError(
          n,
          `Cannot read the tree id of ${shown(p)} at ${i.sha ?? 'HEAD'} in ${i.workspace}: the path is not in that commit (only committed content counts: commit it, or correct the path).${hint}`,
        );
      }
    }
  }
  throw new Error(`Cannot read the ${i.source === 'tree' ? 'tree ids of paths' : 'commit'} from git in ${i.workspace}: ${e.message}.${hint}`);
}
