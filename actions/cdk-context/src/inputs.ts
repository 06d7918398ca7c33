import { parseCdkImages } from '@ensure-image/core';
import { CDK_INPUTS, declareInputs, input, readDeclared } from '@ensure-image/runner';
import type { CdkArgsRequest } from '@ensure-image/steps';

/** Every input cdk-context reads, with action.yml's defaults. */
export const INPUTS = declareInputs({
  images: input.parsed('', parseCdkImages, { multiline: true }),
  'use-prebuilt': input.choice(['true', 'false', 'auto'] as const, 'auto'),
  ...CDK_INPUTS,
  extra: input.pairs(''),
});

/** The inputs, read and checked (nothing else runs before this). */
export function readInputs(env: NodeJS.ProcessEnv = process.env): CdkArgsRequest {
  const v = readDeclared(INPUTS, env);
  return { images: v.images, usePrebuilt: v['use-prebuilt'], flag: v.flag, keySuffix: v['key-suffix'], extra: v.extra };
}
