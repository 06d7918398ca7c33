import { normalisePath, parseChoice, parseInteger, parseList, validatePrefix, validateSha } from '@ensure-image/conventions';
import type { ResolveTagInputs } from '@ensure-image/steps';
import { getInput } from './inputs.js';

/**
 * The tag inputs resolve-tag and the all-in-one action share: `prefix`, the source (named
 * `source` or `tag-source`), `paths`, `length`, `sha`, `aliases`.
 */
export function readTagInputs(
  ws: string,
  o: { sourceInput: string; defaultPrefix: string; defaultPaths: readonly string[] },
  env: NodeJS.ProcessEnv = process.env,
): ResolveTagInputs {
  const sha = getInput('sha');
  const paths = parseList(getInput('paths'));
  return {
    prefix: validatePrefix('prefix', getInput('prefix') || o.defaultPrefix),
    source: parseChoice(o.sourceInput, getInput(o.sourceInput), ['commit', 'tree'] as const, 'commit'),
    paths: (paths.length ? paths : o.defaultPaths).map((p) => normalisePath('paths', p)),
    length: parseInteger('length', getInput('length'), 7, 1, 64),
    ...(sha ? { sha: validateSha('sha', sha) } : {}),
    aliases: parseList(getInput('aliases')),
    workspace: ws,
    ...(env.GITHUB_SHA ? { githubSha: env.GITHUB_SHA } : {}),
  };
}
