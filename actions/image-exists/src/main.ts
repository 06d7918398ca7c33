import { HttpRegistry, loadSdkEcr } from '@ensure-image/adapters';
import { pinnedReference, validateImageInputs } from '@ensure-image/conventions';
import { credentials, guarded, imageInputs, log, readDeclared, setOutputs, writeSummary } from '@ensure-image/kit';
import { checkImages, resolveTarget } from '@ensure-image/steps';
import { INPUTS } from './inputs.js';

async function main(): Promise<void> {
  const i = readDeclared(INPUTS);
  const creds = credentials(i, log);
  const wanted = imageInputs(i);
  validateImageInputs(wanted, process.env);

  const target = await resolveTarget(wanted, { ecr: loadSdkEcr, log }, process.env);
  const [r] = await checkImages([target], { ecr: loadSdkEcr, registry: new HttpRegistry() }, { missingRepository: i['missing-repository'], ...(creds ? { credentials: creds } : {}) });
  if (!r) throw new Error('image-exists: no result');
  log.info(r.exists ? `${r.image} exists: ${r.digest}` : `${r.image} does not exist`);
  setOutputs({ exists: r.exists, digest: r.digest, image: r.image, 'image-digest': r.exists ? pinnedReference(target.ref, r.digest) : '' });
  await writeSummary('Image exists?', [
    ['image', r.image],
    ['exists', String(r.exists)],
    ['digest', r.digest],
  ]);
}

/** The action (also what @github/local-action calls): failures end the step, never throw. */
export const run = guarded(main);
