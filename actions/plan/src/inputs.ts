import { validateContextKey } from '@ensure-image/conventions';
import { declareInputs, input } from '@ensure-image/kit';

/** Every input plan reads, with action.yml's defaults. */
export const INPUTS = declareInputs({
  manifest: input.text('', { required: true, hint: 'the path of the images file, relative to the workspace' }),
  source: input.choice(['commit', 'tree'] as const, 'commit'),
  length: input.int(1, 64, '7'),
  flag: input.parsed('usePreBuiltImages', validateContextKey, { keepEmpty: true }),
  'key-suffix': input.parsed('ImageTag', validateContextKey, { keepEmpty: true }),
  'missing-repository': input.choice(['error', 'absent'] as const, 'error'),
});
