// The CDK context inputs (the root action, plan and cdk-context): the flag's key and the suffix of each image's key.
import { validateContextKey } from '@ensure-image/core';
import { input } from './declare.js';

export const CDK_INPUTS = {
  flag: input.parsed('usePreBuiltImages', validateContextKey, { keepEmpty: true }),
  'key-suffix': input.parsed('ImageTag', validateContextKey, { keepEmpty: true }),
};
