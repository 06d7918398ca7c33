import { loadSdkEcr } from '@ensure-image/adapters/aws';
import { BatchedGit, GitCli } from '@ensure-image/adapters/git';
import { HttpRegistry } from '@ensure-image/adapters/oci';
import { cdkContext } from '@ensure-image/core';
import { guarded, log, setOutputs, writeScanSummary, writeSummary } from '@ensure-image/runner';
import { mergeMatrix, planImages, platformMatrix, scanGate } from '@ensure-image/steps';
import { readInputs } from './inputs.js';

async function main(): Promise<void> {
  // The whole manifest is checked before git, STS or any registry is asked.
  const { missingRepository, createRepository, retag, flag, keySuffix, dirty, scan: gate, runner, ...i } = await readInputs();
  const planned = await planImages(i, { git: new BatchedGit(new GitCli()), log, ecr: loadSdkEcr, registry: new HttpRegistry() }, process.env, {
    missingRepository,
    retag,
    checkPaths: true,
    dirty,
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
  for (const p of planned)
    if (p.tag.reads)
      log.info(
        `${p.spec.name} reads ${p.tag.reads.whole ? `its whole context (line ${p.tag.reads.whole.line})` : p.tag.reads.sources.map((s) => s.source).join(', ') || 'nothing'} from ${p.tag.reads.dockerfile}`,
      );
  for (const p of planned)
    log.info(
      `${p.exists ? 'exists ' : 'missing'} ${p.image}${p.digest ? ` ${p.digest}` : ''}${p.missingPlatforms?.length ? ` (lacks ${p.missingPlatforms.join(', ')})` : ''}${p.repointed.length ? ` (re-pointed ${p.repointed.join(', ')})` : ''}`,
    );
  // Over GitHub's matrix limit: fails here, before any build.
  const matrix = platformMatrix(planned, runner);
  // Every image found present is gated (the missing ones are gated where they are built), all failures together.
  const scan = await scanGate(
    { ...gate, images: planned.filter((p) => p.exists).map((p) => ({ target: p.target, digest: p.digest })) },
    { ecr: loadSdkEcr, log },
  );
  setOutputs({
    ...scan.outputs,
    matrix: JSON.stringify(matrix),
    merges: JSON.stringify(mergeMatrix(planned)),
    missing: missing.join(','),
    images: JSON.stringify(
      planned.map((p) => ({
        name: p.spec.name,
        image: p.image,
        tag: p.tag.tag,
        exists: p.exists,
        digest: p.digest,
        repointed: p.repointed,
        ...(p.missingPlatforms ? { 'missing-platforms': p.missingPlatforms } : {}),
        ...(p.tag.reads ? { inputs: p.tag.reads } : {}),
      })),
    ),
    'cdk-args': cdk.shell,
    'cdk-args-json': JSON.stringify(cdk.argv),
  });
  await writeSummary(
    `Image plan: ${missing.length} of ${planned.length} to build`,
    planned.map((p) => [p.spec.name, `${p.exists ? 'exists' : 'to build'}: ${p.image}`]),
  );
  writeScanSummary(scan.scans, scan.verdict, gate.mode);
  if (scan.failure) throw scan.failure;
}

/** The action (also what @github/local-action calls): failures end the step, never throw. */
export const run = guarded(main);
