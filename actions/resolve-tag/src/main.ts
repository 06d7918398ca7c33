import { GitCli } from '@ensure-image/adapters';
import { normalisePath, parseChoice, parseInteger, parseList, validatePrefix, validateSha } from '@ensure-image/conventions';
import { getInput, log, setOutputs, workspace, writeSummary } from '@ensure-image/kit';
import { type ResolveTagInputs, resolveTag } from '@ensure-image/steps';

export function readInputs(env: NodeJS.ProcessEnv = process.env): ResolveTagInputs {
  const sha = getInput('sha');
  const paths = parseList(getInput('paths'));
  return {
    prefix: validatePrefix('prefix', getInput('prefix')),
    source: parseChoice('source', getInput('source'), ['commit', 'tree'] as const, 'commit'),
    paths: (paths.length ? paths : ['.']).map((p) => normalisePath('paths', p)),
    length: parseInteger('length', getInput('length'), 7, 1, 64),
    ...(sha ? { sha: validateSha('sha', sha) } : {}),
    aliases: parseList(getInput('aliases')),
    workspace: workspace(env),
    ...(env.GITHUB_SHA ? { githubSha: env.GITHUB_SHA } : {}),
  };
}

export async function run(): Promise<void> {
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
