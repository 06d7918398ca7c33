import { ActionsDirCache, DockerCli, HttpRegistry, loadSdkEcr } from '@ensure-image/adapters';
import { expandTags, validateImageInputs } from '@ensure-image/conventions';
import { buildSettings, credentials, guarded, imageInputs, isAct, log, readDeclared, setOutputs, workspace, writeSummary } from '@ensure-image/kit';
import { buildPush, resolveTarget } from '@ensure-image/steps';
import { INPUTS } from './inputs.js';

async function main(): Promise<void> {
  const i = readDeclared(INPUTS);
  const creds = credentials(i, log);
  const wanted = imageInputs(i);
  validateImageInputs(wanted, process.env);
  const settings = buildSettings(i, workspace());

  const image = await resolveTarget(wanted, { ecr: loadSdkEcr, log }, process.env);
  const plan = { ...settings, extraRefs: expandTags('tags', image.ref, i.tags) };
  const r = await buildPush(
    { image, plan, cache: i.cache, skipIfExists: i['skip-if-exists'], runnerTemp: process.env.RUNNER_TEMP || '/tmp', act: isAct(), ...(creds ? { credentials: creds } : {}) },
    { docker: new DockerCli(), log, ecr: loadSdkEcr, registry: new HttpRegistry(), cache: new ActionsDirCache() },
  );
  setOutputs({ built: r.built, digest: r.digest, image: r.image, 'image-digest': r.imageDigest, metadata: r.metadata });
  await writeSummary('Build and push', [
    ['image', r.image],
    ['result', r.existed ? 'existed: build skipped' : r.built ? `built (${r.builder})` : 'pushed by another run'],
    ['digest', r.digest],
  ]);
}

/** The action (also what @github/local-action calls): failures end the step, never throw. */
export const run = guarded(main);
