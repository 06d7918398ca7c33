// Uncommitted changes to an image's inputs: which of a workspace's changed files an image
// reads, and the tag such a build gets (one that cannot be taken for a commit's).
import { createHash } from 'node:crypto';
import { formatTag } from './tags.js';

/** A file of the workspace that differs from the commit: modified, staged, deleted or untracked (not ignored). */
export interface WorktreeChange {
  /** Workspace-relative, `/`-separated. */
  path: string;
  deleted: boolean;
}

/** What the actions do when an image's inputs hold uncommitted changes (the `dirty` input). */
export const DIRTY_MODES = ['warn', 'fail', 'ignore'] as const;
export type DirtyMode = (typeof DIRTY_MODES)[number];

/** The changes that fall under an image's paths (`.` is the whole workspace), in path order. */
export function changesUnder(paths: readonly string[], changes: readonly WorktreeChange[]): WorktreeChange[] {
  const under = (file: string, p: string): boolean => p === '.' || file === p || file.startsWith(`${p}/`);
  return changes.filter((c) => paths.some((p) => under(c.path, p))).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Up to `max` file names, then how many more: `a, b, c and 4 more`. */
export function listFiles(files: readonly string[], max = 5): string {
  const shownFiles = files.slice(0, max).join(', ');
  return files.length > max ? `${shownFiles} and ${files.length - max} more` : shownFiles;
}

/**
 * The tag of a build from an edited checkout: `<prefix>-<id>-dirty-<hash>`, where the hash
 * covers each changed file's path and content (a git blob id, or its deletion), so the same
 * edit gives the same tag and any other edit another one.
 */
export function dirtyTag(prefix: string, id: string, changes: readonly { path: string; blob?: string }[]): string {
  const h = createHash('sha256');
  for (const c of [...changes].sort((a, b) => (a.path < b.path ? -1 : 1))) h.update(`${c.path}\0${c.blob ?? 'deleted'}\0`);
  return formatTag(prefix, `${id}-dirty-${h.digest('hex').slice(0, 8)}`);
}
