// The all-in-one action: inputs read and checked first, then `ensure` over the real adapters.
import { loadSdkEcr } from '@ensure-image/adapters/aws';
import { ActionsDirCache } from '@ensure-image/adapters/cache';
import { DockerCli } from '@ensure-image/adapters/docker';
import { GitCli } from '@ensure-image/adapters/git';
import { HttpRegistry } from '@ensure-image/adapters/oci';
import { guarded, log, logoutSaved, setOutputs, trackLogins, writeScanSummary, writeSummary } from '@ensure-image/runner';
import { logout } from '@ensure-image/steps';
import { ensure } from './ensure.js';
import { readInputs } from './inputs.js';

async function main(): Promise<void> {
  const i = readInputs(process.env);
  const r = await ensure(i, {
    git: new GitCli(),
    ecr: loadSdkEcr,
    docker: new DockerCli(),
    registry: new HttpRegistry(),
    cache: new ActionsDirCache(),
    log,
    env: process.env,
    onLogin: trackLogins(),
  });
  setOutputs(r.outputs);
  await writeSummary(`ensure-image: ${i.name}`, r.summary);
  writeScanSummary(r.scan.scans, r.scan.verdict, i.scan.mode);
  if (r.scan.failure) throw r.scan.failure;
}

/** The action (also what @github/local-action calls): failures end the step, never throw. */
export const run = guarded(main);

/** The post step: log out of what the main step logged in to. */
export const post = guarded(() => logoutSaved(logout));
