// The inputs about a missing ECR repository, shared by build-push, the root action and plan.
import { type RepositorySettings, ValidationError, parseInteger, parseTagMutability, validateKmsKey } from '@ensure-image/core';
import { type Values, input } from './declare.js';

/** What a step does with a missing ECR repository: build-push, the root action and plan share these. */
export const REPOSITORY_INPUTS = {
  'create-repository': input.bool('false'),
  'scan-on-push': input.bool('true'),
  'kms-key': input.parsed('', validateKmsKey),
  'tag-mutability': input.parsed('MUTABLE', parseTagMutability),
  'lifecycle-keep': input.parsed('', (n, v) => (v === '' ? 0 : parseInteger(n, v, 0, 1, 1000))),
  'missing-repository': input.choice(['error', 'absent'] as const, 'error'),
};

/** The repository inputs as read (types inferred from the declarations). */
export type RepositoryValues = Values<typeof REPOSITORY_INPUTS>;

/** The settings of a repository to create, or undefined without create-repository. */
export function repositorySettings(v: RepositoryValues): RepositorySettings | undefined {
  if (!v['create-repository']) {
    for (const name of ['kms-key', 'lifecycle-keep'] as const) {
      if (v[name]) throw new ValidationError(name, 'applies to repositories this step creates: set create-repository: true as well');
    }
    return undefined;
  }
  return {
    scanOnPush: v['scan-on-push'],
    ...(v['kms-key'] ? { kmsKey: v['kms-key'] } : {}),
    mutability: v['tag-mutability'],
    ...(v['lifecycle-keep'] ? { lifecycleKeep: v['lifecycle-keep'] } : {}),
  };
}
