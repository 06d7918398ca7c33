import type { Git, Log } from '@ensure-image/adapters';
import { aliasTags, combineContentIds, formatTag, shortId, validateSha } from '@ensure-image/conventions';

export interface ResolveTagInputs {
  prefix: string;
  source: 'commit' | 'tree';
  /** Workspace-relative, normalised paths (for `tree`). */
  paths: readonly string[];
  length: number;
  /** Commit to use instead of HEAD (already validated). */
  sha?: string;
  aliases: readonly string[];
  workspace: string;
  /** GITHUB_SHA, the fallback when the workspace is no git checkout. */
  githubSha?: string;
}

export interface ResolvedTag {
  tag: string;
  id: string;
  sha: string;
  /** The tag followed by its aliases. */
  tags: string[];
}

function treeRev(commit: string, path: string): string {
  return path === '.' ? `${commit}:./` : `${commit}:./${path}`;
}

/**
 * The tag for an image: `<prefix>-<id>`. The id is the commit (`source: commit`) or the git
 * ids of `paths` at that commit (`source: tree`), shortened to `length`. The commit is the
 * checked-out HEAD, or `sha`, or GITHUB_SHA when the workspace is no git checkout.
 */
export async function resolveTag(i: ResolveTagInputs, deps: { git: Git; log: Log }): Promise<ResolvedTag> {
  const commitRev = i.sha ?? 'HEAD';
  const revs = i.source === 'tree' ? [commitRev, ...i.paths.map((p) => treeRev(commitRev, p))] : [commitRev];
  let ids: string[];
  try {
    ids = await deps.git.revParse(i.workspace, revs);
  } catch (e) {
    if (i.source === 'tree' || !i.githubSha) {
      throw new Error(`Cannot read the ${i.source === 'tree' ? 'tree ids of paths' : 'commit'} from git in ${i.workspace}: ${(e as Error).message}. Check out the repository first (actions/checkout).`);
    }
    deps.log.warning(`No git checkout in ${i.workspace} (${(e as Error).message}); using GITHUB_SHA.`);
    ids = [i.githubSha];
  }
  const sha = validateSha('sha', ids[0] as string);
  const full = i.source === 'tree' ? combineContentIds(i.paths.map((path, n) => ({ path, id: ids[n + 1] as string }))) : sha;
  const id = shortId(full, i.length);
  const tag = formatTag(i.prefix, id);
  return { tag, id, sha, tags: [tag, ...aliasTags(i.prefix, i.aliases)] };
}
