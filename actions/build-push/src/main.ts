import { ActionsDirCache, DockerCli, GitCli, HttpRegistry, loadSdkEcr } from '@ensure-image/adapters';
import { expandTags, withRevision } from '@ensure-image/conventions';
import { guarded, log, setOutputs, writeSummary } from '@ensure-image/kit';
import { buildPush, platformRows, platformsJson, resolveTarget } from '@ensure-image/steps';
import { readInputs } from './inputs.js';

async function main(): Promise<void> {
  const i = readInputs();
  // The revision label: the commit checked out (what resolve-tag tags by default), else GITHUB_SHA.
  const [image, head] = await Promise.all([
    resolveTarget(i.image, { ecr: loadSdkEcr, log }, process.env),
    new GitCli().revParse(i.workspace, ['HEAD']).then(([sha]) => sha, () => process.env.GITHUB_SHA),
  ]);
  const plan = { ...withRevision(i.settings, head), extraRefs: expandTags('tags', image.ref, i.tags) };
  const r = await buildPush(
    {
      image,
      plan,
      cache: i.cache,
      skipIfExists: i.skipIfExists,
      runnerTemp: i.runnerTemp,
      act: i.act,
      ...(i.credentials ? { credentials: i.credentials } : {}),
      ...(i.name ? { name: i.name } : {}),
      ...(i.createRepository ? { createRepository: i.createRepository } : {}),
      missingRepository: i.missingRepository,
      platformJob: i.platformJob,
    },
    { docker: new DockerCli(), log, ecr: loadSdkEcr, registry: new HttpRegistry(), cache: new ActionsDirCache() },
  );
  setOutputs({ built: r.built, digest: r.digest, image: r.image, 'image-digest': r.imageDigest, metadata: r.metadata, platforms: platformsJson(r, i.settings.platforms) });
  await writeSummary('Build and push', [
    ['image', r.image],
    ['result', r.existed ? 'existed: build skipped' : r.built ? `built (${r.builder})` : 'pushed by another run'],
    ['digest', r.digest],
    ...(r.repointed.length ? ([['re-pointed', r.repointed.join(', ')]] as [string, string][]) : []),
    ...platformRows(r),
  ]);
}

/** The action (also what @github/local-action calls): failures end the step, never throw. */
export const run = guarded(main);
