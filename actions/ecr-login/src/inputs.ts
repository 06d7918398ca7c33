import { declareInputs, input } from '@ensure-image/kit';

/** Every input ecr-login reads, with action.yml's defaults. */
export const INPUTS = declareInputs({
  registries: input.list(''),
  region: input.text(''),
  'mask-password': input.bool('true'),
  'skip-logout': input.bool('false'),
  'output-credentials': input.bool('false'),
});
