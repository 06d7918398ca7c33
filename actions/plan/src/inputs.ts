import { type KeyValue, type ManifestImage, type RepositorySettings, cdkContext, parseKeyValues, validateContextKey, validateRunnerMapping } from '@ensure-image/conventions';
import { REPOSITORY_INPUTS, declareInputs, input, readDeclared, repositorySettings, workspace } from '@ensure-image/kit';
import { loadManifestFile } from './manifest.js';

/** Every input plan reads, with action.yml's defaults. */
export const INPUTS = declareInputs({
  manifest: input.text('', { required: true, hint: 'the path of the images file, relative to the workspace' }),
  source: input.choice(['commit', 'tree'] as const, 'commit'),
  length: input.int(1, 64, '7'),
  flag: input.parsed('usePreBuiltImages', validateContextKey, { keepEmpty: true }),
  'key-suffix': input.parsed('ImageTag', validateContextKey, { keepEmpty: true }),
  ...REPOSITORY_INPUTS,
  retag: input.bool('true'),
  runner: input.parsed('default=ubuntu-24.04\nlinux/arm64=ubuntu-24.04-arm', (n, v) => validateRunnerMapping(n, parseKeyValues(n, v)), { multiline: true }),
});

export interface PlanActionInputs {
  workspace: string;
  images: ManifestImage[];
  source: 'commit' | 'tree';
  length: number;
  flag: string;
  keySuffix: string;
  missingRepository: 'error' | 'absent';
  createRepository?: RepositorySettings;
  retag: boolean;
  githubSha?: string;
  /** Runner label per platform prefix, for the matrix entries. */
  runner: KeyValue[];
}

/** The inputs and the whole manifest, read and checked before git, STS or any registry is asked. */
export async function readInputs(env: NodeJS.ProcessEnv = process.env): Promise<PlanActionInputs> {
  const ws = workspace(env);
  const v = readDeclared(INPUTS, env);
  const create = repositorySettings(v);
  const images = await loadManifestFile(v.manifest, ws, env, v.length);
  // The CDK keys are known now (only the tags are not): a flag that collides with an image's key fails here.
  cdkContext({ flag: v.flag, usePrebuilt: true, images: images.map((i) => ({ name: i.name, tag: 'x' })), keySuffix: v['key-suffix'], extra: [], inputs: { images: 'manifest' } });
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
    runner: v.runner,
    ...(env.GITHUB_SHA ? { githubSha: env.GITHUB_SHA } : {}),
  };
}
