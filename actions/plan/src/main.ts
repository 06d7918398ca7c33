import { loadSdkEcr } from '@ensure-image/adapters/aws';
import { BatchedGit, GitCli } from '@ensure-image/adapters/git';
import { HttpRegistry } from '@ensure-image/adapters/oci';
import { guarded, log, report } from '@ensure-image/runner';
import { planManifest } from '@ensure-image/steps';
import { readInputs } from './inputs.js';

const deps = () => ({ git: new BatchedGit(new GitCli()), log, ecr: loadSdkEcr, registry: new HttpRegistry(), env: process.env });

/** The action (also what @github/local-action calls): failures end the step, never throw. The whole manifest is checked before git, STS or any registry is asked. */
export const run = guarded(async () => report(await planManifest(await readInputs(), deps())));
