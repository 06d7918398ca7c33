import { GitCli } from '@ensure-image/adapters/git';
import { guarded, log, setOutputs, writeSummary } from '@ensure-image/kit';
import { resolveTag } from '@ensure-image/steps';
import { readInputs } from './inputs.js';

async function main(): Promise<void> {
  const inputs = readInputs();
  const r = await resolveTag(inputs, { git: new GitCli(), log });
  log.info(`Tag ${r.tag} (${inputs.source} ${r.id} of ${r.sha})`);
  setOutputs({ tag: r.tag, id: r.id, sha: r.sha, tags: r.tags.join('\n') });
  await writeSummary('Image tag', [
    ['tag', r.tag],
    ['source', inputs.source === 'tree' ? `tree of ${inputs.paths.join(', ')}` : 'commit'],
    ['commit', r.sha],
  ]);
}

/** The action (also what @github/local-action calls): failures end the step, never throw. */
export const run = guarded(main);
