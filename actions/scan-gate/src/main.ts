import { loadSdkEcr } from '@ensure-image/adapters/aws';
import { guarded, log, report } from '@ensure-image/runner';
import { gateScan } from '@ensure-image/steps';
import { readInputs } from './inputs.js';

/** The action (also what @github/local-action calls): failures end the step, never throw. */
export const run = guarded(async () => report(await gateScan(readInputs(), { ecr: loadSdkEcr, log, env: process.env })));
