import { declareInputs, input } from '@ensure-image/kit';

/** Every input image-exists reads, with action.yml's defaults. */
export const INPUTS = declareInputs({
  image: input.text(''),
  repository: input.text(''),
  tag: input.text(''),
  registry: input.text(''),
  account: input.text(''),
  region: input.text(''),
  username: input.text(''),
  password: input.text(''),
  'missing-repository': input.choice(['error', 'absent'] as const, 'error'),
});
