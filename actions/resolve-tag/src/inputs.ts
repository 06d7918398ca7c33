import { type DirtyMode, type ResolveTagInputs, normalisePath, parseList, validatePrefix, validateShaInput } from '@ensure-image/conventions';
import { DIRTY_INPUT, declareInputs, input, readDeclared, tagInputs, workspace } from '@ensure-image/kit';

/** Every input resolve-tag reads, with action.yml's defaults. */
export const INPUTS = declareInputs({
  prefix: input.parsed('', validatePrefix),
  source: input.choice(['commit', 'tree'] as const, 'commit'),
  paths: input.parsed('.', (n, v) => parseList(v).map((p) => normalisePath(n, p))),
  length: input.int(1, 64, '7'),
  sha: input.parsed('', (n, v) => (v === '' ? '' : validateShaInput(n, v))),
  aliases: input.list(''),
  ...DIRTY_INPUT,
});

/** The inputs, read and checked as far as they can be without git. */
export function readInputs(env: NodeJS.ProcessEnv = process.env): ResolveTagInputs & { dirty: DirtyMode } {
  const v = readDeclared(INPUTS, env);
  return { ...tagInputs(v, workspace(env), ['.'], env), dirty: v.dirty };
}
