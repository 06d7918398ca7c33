// Uncommitted changes to what an image is built from. A tag names a commit (or its trees), so
// an edited checkout must never be reported as that commit's image: the CLI builds such an
// image under a `-dirty-` tag, and the actions warn or fail (their `dirty` input).
import type { Git } from '@ensure-image/adapters/git';
import type { Log } from '@ensure-image/adapters/log';
import { type DirtyMode, type ResolvedTag, ValidationError, type WorktreeChange, changesUnder, dirtyTag, listFiles } from '@ensure-image/core';

/**
 * For each list of paths, the workspace's uncommitted changes under it. A workspace that is no
 * git checkout (the GITHUB_SHA fallback), or a git that cannot tell, has none.
 */
export async function worktreeChanges(workspace: string, inputs: readonly (readonly string[])[], git: Git): Promise<WorktreeChange[][]> {
  if (!git.changes) return inputs.map(() => []);
  const all = await git.changes(workspace).catch(() => [] as WorktreeChange[]);
  return inputs.map((paths) => changesUnder(paths, all));
}

/** The tag of a build from the edited checkout: `<prefix>-<id>-dirty-<hash of the changes>`, and no aliases (they follow commits only). */
export async function dirtyImageTag(tag: ResolvedTag, prefix: string, changes: readonly WorktreeChange[], workspace: string, git: Git): Promise<ResolvedTag> {
  const present = changes.filter((c) => !c.deleted).map((c) => c.path);
  const blobs = git.hashFiles ? await git.hashFiles(workspace, present) : present.map(() => 'unknown');
  const byPath = new Map(present.map((p, n) => [p, blobs[n]]));
  const t = dirtyTag(
    prefix,
    tag.id,
    changes.map((c) => ({ path: c.path, ...(c.deleted ? {} : { blob: byPath.get(c.path) }) })),
  );
  return { ...tag, tag: t, tags: [t] };
}

/** An image whose inputs hold uncommitted changes. */
export interface DirtyImage {
  name: string;
  tag: string;
  files: readonly string[];
}

/**
 * The actions' `dirty` input: `warn` names the changed files (the tag describes the commit,
 * not what this workspace would build), `fail` stops before any registry is asked, `ignore` is silent.
 */
export function judgeWorktree(mode: DirtyMode, images: readonly DirtyImage[], log: Log): void {
  const dirty = images.filter((i) => i.files.length > 0);
  if (mode === 'ignore' || dirty.length === 0) return;
  const lines = dirty.map((i) => `${i.name} (${i.tag}): ${listFiles(i.files)}`);
  const what = `uncommitted changes to the inputs of ${lines.join('; ')}. The tag names the commit, not what this workspace builds`;
  if (mode === 'fail') {
    throw new ValidationError('dirty', `is fail, and the workspace has ${what}: commit the changes, or run this step before the steps that make them.`);
  }
  log.warning(`The workspace has ${what} (an earlier step changed them?). Set dirty: fail to stop here, or dirty: ignore to silence this.`);
}
