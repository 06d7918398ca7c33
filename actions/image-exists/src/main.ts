import { loadSdkEcr } from '@ensure-image/adapters/aws';
import { HttpRegistry } from '@ensure-image/adapters/oci';
import { guarded, log, report } from '@ensure-image/runner';
import { checkImage } from '@ensure-image/steps';
import { readInputs } from './inputs.js';

/** The action (also what @github/local-action calls): failures end the step, never throw. */
export const run = guarded(async () => report(await checkImage(readInputs(), { ecr: loadSdkEcr, registry: new HttpRegistry(), log, env: process.env })));
