import { planLogins } from '@ensure-image/core';
import { declareInputs, input, readDeclared } from '@ensure-image/runner';
import type { LogInRequest } from '@ensure-image/steps';

/** Every input ecr-login reads, with action.yml's defaults. */
export const INPUTS = declareInputs({
  registries: input.list(''),
  region: input.text(''),
  'mask-password': input.bool('true'),
  'skip-logout': input.bool('false'),
  'output-credentials': input.bool('false'),
});

/** The inputs, read and checked (before any token is asked for). */
export function readInputs(env: NodeJS.ProcessEnv = process.env): LogInRequest {
  const v = readDeclared(INPUTS, env);
  return {
    plan: planLogins(v.registries, v.region || undefined, env),
    mask: v['mask-password'] || !v['output-credentials'],
    skipLogout: v['skip-logout'],
    outputCredentials: v['output-credentials'],
  };
}
