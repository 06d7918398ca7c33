import { ActionsDirCache, DockerCli, HttpRegistry, loadSdkEcr } from '@ensure-image/adapters';
import { parseBoolean } from '@ensure-image/conventions';
import { getInput, isAct, log, readBuildPlan, readCacheMode, readCredentials, readImageInputs, setOutputs, workspace, writeSummary } from '@ensure-image/kit';
import { buildPush, resolveTarget } from '@ensure-image/steps';

export async function run(): Promise<void> {
  const credentials = readCredentials();
  const skipIfExists = parseBoolean('skip-if-exists', getInput('skip-if-exists'), true);
  const cache = readCacheMode();
  const image = await resolveTarget(readImageInputs(), { ecr: loadSdkEcr, log }, process.env);
  const plan = readBuildPlan(image.ref, workspace());

  const r = await buildPush(
    { image, plan, cache, skipIfExists, runnerTemp: process.env.RUNNER_TEMP || '/tmp', act: isAct(), ...(credentials ? { credentials } : {}) },
    { docker: new DockerCli(), log, ecr: loadSdkEcr, registry: new HttpRegistry(), cache: new ActionsDirCache() },
  );
  setOutputs({ built: r.built, digest: r.digest, image: r.image, 'image-digest': r.imageDigest, metadata: r.metadata });
  await writeSummary('Build and push', [
    ['image', r.image],
    ['result', r.existed ? 'existed: build skipped' : r.built ? `built (${r.builder})` : 'pushed by another run'],
    ['digest', r.digest],
  ]);
}
