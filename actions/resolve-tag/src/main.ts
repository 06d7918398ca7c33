import { GitCli } from '@ensure-image/adapters/git';
import { guarded, log, setOutputs, writeSummary } from '@ensure-image/runner';
import { judgeWorktree, resolveTag, worktreeChanges } from '@ensure-image/steps';
import { readInputs } from './inputs.js';

async function main(): Promise<void> {
  const inputs = readInputs();
  const git = new GitCli();
  const [r, [changes = []]] = await Promise.all([
    resolveTag(inputs, { git, log }),
    inputs.dirty === 'ignore' ? [[]] : worktreeChanges(inputs.workspace, [inputs.paths], git),
  ]);
  judgeWorktree(inputs.dirty, [{ name: inputs.prefix || 'the image', tag: r.tag, files: changes.map((c) => c.path) }], log);
  log.info(`Tag ${r.tag} (${inputs.source} ${r.id} of ${r.sha})`);
  setOutputs({ tag: r.tag, id: r.id, sha: r.sha, tags: r.tags.join('\n') });
  await writeSummary('Image tag', [
    ['tag', r.tag],
    [
      'source',
      inputs.source !== 'tree'
        ? 'commit'
        : r.reads
          ? `what ${r.reads.dockerfile} reads: ${r.reads.sources.map((s) => s.source).join(', ') || 'the whole context'}`
          : `tree of ${inputs.paths.join(', ')}`,
    ],
    ['commit', r.sha],
  ]);
}

/** The action (also what @github/local-action calls): failures end the step, never throw. */
export const run = guarded(main);
