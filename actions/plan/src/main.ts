import { BatchedGit, GitCli, HttpRegistry, loadSdkEcr } from '@ensure-image/adapters';
import { cdkContext } from '@ensure-image/conventions';
import { guarded, log, setOutputs, writeSummary } from '@ensure-image/kit';
import { mergeMatrix, planImages, platformMatrix } from '@ensure-image/steps';
import { readInputs } from './inputs.js';

async function main(): Promise<void> {
  // The whole manifest is checked before git, STS or any registry is asked.
  const { missingRepository, createRepository, retag, flag, keySuffix, runner, ...i } = await readInputs();
  const planned = await planImages(i, { git: new BatchedGit(new GitCli()), log, ecr: loadSdkEcr, registry: new HttpRegistry() }, process.env, {
    missingRepository,
    retag,
    repositoryInputs: ['create-repository', 'missing-repository'],
    ...(createRepository ? { create: createRepository } : {}),
  });
  const missing = planned.filter((p) => !p.exists).map((p) => p.spec.name);
  const cdk = cdkContext({
    flag,
    usePrebuilt: true,
    images: planned.map((p) => ({ name: p.spec.name, tag: p.tag.tag })),
    keySuffix,
    extra: [],
    inputs: { images: 'manifest' },
  });
  for (const p of planned) log.info(`${p.exists ? 'exists ' : 'missing'} ${p.image}${p.digest ? ` ${p.digest}` : ''}${p.missingPlatforms?.length ? ` (lacks ${p.missingPlatforms.join(', ')})` : ''}${p.repointed.length ? ` (re-pointed ${p.repointed.join(', ')})` : ''}`);
  // Over GitHub's matrix limit: fails here, before any build.
  const matrix = platformMatrix(planned, runner);
  setOutputs({
    matrix: JSON.stringify(matrix),
    merges: JSON.stringify(mergeMatrix(planned)),
    missing: missing.join(','),
    images: JSON.stringify(planned.map((p) => ({ name: p.spec.name, image: p.image, tag: p.tag.tag, exists: p.exists, digest: p.digest, repointed: p.repointed, ...(p.missingPlatforms ? { 'missing-platforms': p.missingPlatforms } : {}) }))),
    'cdk-args': cdk.shell,
    'cdk-args-json': JSON.stringify(cdk.argv),
  });
  await writeSummary(`Image plan: ${missing.length} of ${planned.length} to build`, planned.map((p) => [p.spec.name, `${p.exists ? 'exists' : 'to build'}: ${p.image}`]));
}

/** The action (also what @github/local-action calls): failures end the step, never throw. */
export const run = guarded(main);
