import { HttpRegistry, loadSdkEcr } from '@ensure-image/adapters';
import { parseChoice, pinnedReference } from '@ensure-image/conventions';
import { getInput, log, readCredentials, readImageInputs, setOutputs, writeSummary } from '@ensure-image/kit';
import { checkImages, resolveTarget } from '@ensure-image/steps';

export async function run(): Promise<void> {
  const credentials = readCredentials();
  const missingRepository = parseChoice('missing-repository', getInput('missing-repository'), ['error', 'absent'] as const, 'error');
  const target = await resolveTarget(readImageInputs(), { ecr: loadSdkEcr, log }, process.env);
  const [r] = await checkImages([target], { ecr: loadSdkEcr, registry: new HttpRegistry() }, { missingRepository, ...(credentials ? { credentials } : {}) });
  if (!r) throw new Error('image-exists: no result');
  log.info(r.exists ? `${r.image} exists: ${r.digest}` : `${r.image} does not exist`);
  setOutputs({ exists: r.exists, digest: r.digest, image: r.image, 'image-digest': r.exists ? pinnedReference(target.ref, r.digest) : '' });
  await writeSummary('Image exists?', [
    ['image', r.image],
    ['exists', String(r.exists)],
    ['digest', r.digest],
  ]);
}
