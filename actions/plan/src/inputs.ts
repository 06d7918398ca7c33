import { parseKeyValues, validateRunnerMapping } from '@ensure-image/core';
import {
  CDK_INPUTS,
  DIRTY_INPUT,
  REPOSITORY_INPUTS,
  SCAN_INPUTS,
  declareInputs,
  input,
  readDeclared,
  refuseUnscannable,
  repositorySettings,
  scanSettings,
  workspace,
} from '@ensure-image/runner';
import { type PlanManifestRequest, loadManifest, planCdkArgs } from '@ensure-image/steps';

/** Every input plan reads, with action.yml's defaults. */
export const INPUTS = declareInputs({
  manifest: input.text('', { required: true, hint: 'the path of the images file, relative to the workspace' }),
  targets: input.list(''),
  source: input.choice(['commit', 'tree'] as const, 'commit'),
  length: input.int(1, 64, '7'),
  ...CDK_INPUTS,
  ...REPOSITORY_INPUTS,
  retag: input.bool('true'),
  ...DIRTY_INPUT,
  ...SCAN_INPUTS,
  runner: input.parsed('default=ubuntu-24.04\nlinux/arm64=ubuntu-24.04-arm', (n, v) => validateRunnerMapping(n, parseKeyValues(n, v)), { multiline: true }),
});

/** The inputs and the whole manifest, read and checked before git, STS or any registry is asked. */
export async function readInputs(env: NodeJS.ProcessEnv = process.env): Promise<PlanManifestRequest> {
  const ws = workspace(env);
  const v = readDeclared(INPUTS, env);
  const create = repositorySettings(v);
  const images = await loadManifest({ file: v.manifest, workspace: ws, env, length: v.length, targets: v.targets });
  // The CDK keys are known now (only the tags are not): a flag that collides with an image's key fails here.
  planCdkArgs(
    { flag: v.flag, keySuffix: v['key-suffix'] },
    images.map((i) => ({ name: i.name, tag: 'x' })),
  );
  for (const img of images) refuseUnscannable(v['scan-gate'], img.registry ? { repository: img.repository, registry: img.registry } : {}, env);
  return {
    workspace: ws,
    images,
    source: v.source,
    length: v.length,
    flag: v.flag,
    keySuffix: v['key-suffix'],
    missingRepository: v['missing-repository'],
    ...(create ? { createRepository: create } : {}),
    retag: v.retag,
    manifest: v.manifest,
    dirty: v.dirty,
    runner: v.runner,
    ...(env.GITHUB_SHA ? { githubSha: env.GITHUB_SHA } : {}),
    scan: scanSettings(v),
  };
}
