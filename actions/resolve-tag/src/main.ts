import { GitCli } from '@ensure-image/adapters/git';
import { guarded, log, report } from '@ensure-image/runner';
import { tagCheckout } from '@ensure-image/steps';
import { readInputs } from './inputs.js';

/** The action (also what @github/local-action calls): failures end the step, never throw. */
export const run = guarded(async () => report(await tagCheckout(readInputs(), { git: new GitCli(), log })));
