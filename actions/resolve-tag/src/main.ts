import { GitCli } from '@ensure-image/adapters';
import { log, readTagInputs, setOutputs, workspace, writeSummary } from '@ensure-image/kit';
import { resolveTag } from '@ensure-image/steps';

export async function run(): Promise<void> {
  const inputs = readTagInputs(workspace(), { sourceInput: 'source', defaultPrefix: '', defaultPaths: ['.'] });
  const r = await resolveTag(inputs, { git: new GitCli(), log });
  log.info(`Tag ${r.tag} (${inputs.source} ${r.id} of ${r.sha})`);
  setOutputs({ tag: r.tag, id: r.id, sha: r.sha, tags: r.tags.join('\n') });
  await writeSummary('Image tag', [
    ['tag', r.tag],
    ['source', inputs.source === 'tree' ? `tree of ${inputs.paths.join(', ')}` : 'commit'],
    ['commit', r.sha],
  ]);
}
