import { loadSdkEcr } from '@ensure-image/adapters/aws';
import { guarded, log, setOutputs, writeScanSummary } from '@ensure-image/runner';
import { resolveTarget, scanGate } from '@ensure-image/steps';
import { formatReference } from '@ensure-image/core';
import { readInputs } from './inputs.js';

async function main(): Promise<void> {
  const i = readInputs();
  const target = await resolveTarget(i.image, { ecr: loadSdkEcr, log }, process.env);
  const r = await scanGate({ ...i.scan, images: [{ target }] }, { ecr: loadSdkEcr, log });
  setOutputs({ ...r.outputs, image: formatReference(target.ref), digest: r.digests[0] ?? '' });
  writeScanSummary(r.scans, r.verdict, i.scan.mode);
  if (r.failure) throw r.failure;
}

/** The action (also what @github/local-action calls): failures end the step, never throw. */
export const run = guarded(main);
