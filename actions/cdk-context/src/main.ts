import { guarded, log, report } from '@ensure-image/runner';
import { cdkArgs } from '@ensure-image/steps';
import { readInputs } from './inputs.js';

/** The action (also what @github/local-action calls): failures end the step, never throw. */
export const run = guarded(() => report(cdkArgs(readInputs(), { log })));
