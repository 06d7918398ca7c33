import { BUILD_INPUTS, declareInputs, input } from '@ensure-image/kit';

/** Every input build-push reads, with action.yml's defaults. */
export const INPUTS = declareInputs({
  image: input.text(''),
  repository: input.text(''),
  tag: input.text(''),
  registry: input.text(''),
  account: input.text(''),
  region: input.text(''),
  ...BUILD_INPUTS,
  'skip-if-exists': input.bool('true'),
  username: input.text(''),
  password: input.text(''),
});
