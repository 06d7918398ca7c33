// resolve-tag's use case: the tag of what the checkout holds, and a word on uncommitted changes.
import type { Git } from '@ensure-image/adapters/git';
import type { Log } from '@ensure-image/adapters/log';
import type { DirtyMode, ResolveTagInputs, StepReport } from '@ensure-image/core';
import { resolveTag } from '../resolve-tag.js';
import { judgeWorktree, worktreeChanges } from '../worktree.js';

export interface TagCheckoutRequest extends ResolveTagInputs {
  dirty: DirtyMode;
}

export type TagCheckoutOutputs = { tag: string; id: string; sha: string; tags: string };

export async function tagCheckout(r: TagCheckoutRequest, deps: { git: Git; log: Log }): Promise<StepReport<TagCheckoutOutputs>> {
  const [t, [changes = []]] = await Promise.all([resolveTag(r, deps), r.dirty === 'ignore' ? [[]] : worktreeChanges(r.workspace, [r.paths], deps.git)]);
  judgeWorktree(r.dirty, [{ name: r.prefix || 'the image', tag: t.tag, files: changes.map((c) => c.path) }], deps.log);
  deps.log.info(`Tag ${t.tag} (${r.source} ${t.id} of ${t.sha})`);
  const source =
    r.source !== 'tree'
      ? 'commit'
      : t.reads
        ? `what ${t.reads.dockerfile} reads: ${t.reads.sources.map((s) => s.source).join(', ') || 'the whole context'}`
        : `tree of ${r.paths.join(', ')}`;
  return {
    outputs: { tag: t.tag, id: t.id, sha: t.sha, tags: t.tags.join('\n') },
    summary: {
      title: 'Image tag',
      rows: [
        ['tag', t.tag],
        ['source', source],
        ['commit', t.sha],
      ],
    },
  };
}
