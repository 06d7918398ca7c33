import { tmpdir } from 'node:os';
import { planLogins } from '@ensure-image/core';
import { type PlannedImage, buildFromTag, login, planImages, plannedBuild } from '@ensure-image/steps';
import type { Command, Context } from '../command.js';
import { EXIT, explain } from '../errors.js';
import { MANIFEST_FLAGS, loadManifest, manifestOptions, planInputs } from '../manifest.js';
import { seconds } from '../table.js';
import { COMMON_HELP, warnUncommitted } from './plan.js';

/** Log docker in to the ECR registries (private and public) that the builds push to. */
async function logIn(toBuild: readonly PlannedImage[], c: Context): Promise<void> {
  const hosts = [...new Set(toBuild.filter((p) => p.target.registry.kind !== 'oci').map((p) => p.target.ref.registry))];
  if (hosts.length === 0) return;
  await login(planLogins(hosts, undefined, c.deps.env), { ecr: c.deps.ecr, docker: c.deps.docker, log: c.log });
}

export const ensure: Command = {
  name: 'ensure',
  summary: 'build and push only the missing images',
  help: `Usage: ensure-image ensure [options]

Plan the manifest, then build (and push) each missing image, one after another, with a
progress line per image and its elapsed time. Images that exist are not built. docker is
logged in to the ECR registries it pushes to (the login stays, as after
aws ecr get-login-password | docker login); other registries use your docker login.

An image whose inputs hold uncommitted changes is built under <prefix>-<id>-dirty-<hash>
(never the commit's tag) and kept local: nobody else can rebuild it from a commit, so it is
pushed only with --allow-dirty. Its aliases do not follow it.

Options:
      --no-push        build the missing images locally only (docker image store)
      --allow-dirty    also push images built from uncommitted changes (under their -dirty- tag)
${COMMON_HELP}

Exit: 0 all there or built, 1 a build failed (the others still run), 2 bad option or manifest.`,
  options: { ...MANIFEST_FLAGS, 'no-push': { type: 'boolean', default: false }, 'allow-dirty': { type: 'boolean', default: false } },
  async run(c) {
    const { values, deps, log } = c;
    const o = manifestOptions(values, deps.cwd);
    const push = values['no-push'] !== true;
    const images = await loadManifest(o, deps.env);
    const planned = await planImages(planInputs(images, o), { ...deps, log }, deps.env, { missingRepository: 'absent', dirty: 'tag' });
    warnUncommitted(planned, deps.err);
    const toBuild = planned.filter((p) => !p.exists);
    // A build from uncommitted changes leaves the machine only when asked to.
    const pushes = (p: PlannedImage): boolean => push && (p.changes.length === 0 || values['allow-dirty'] === true);
    for (const p of planned.filter((x) => x.exists)) deps.out(`${p.spec.name}: exists ${p.image}`);
    if (toBuild.length === 0) {
      deps.out(`nothing to build: all ${planned.length} images exist`);
      return EXIT.ok;
    }
    await logIn(toBuild.filter(pushes), c);

    let failed = 0;
    for (const [n, p] of toBuild.entries()) {
      const step = `[${n + 1}/${toBuild.length}] ${p.spec.name}`;
      const t0 = deps.now();
      if (deps.rewrite) deps.rewrite(`${step}: building ${p.image} ...`);
      else deps.out(`${step}: building ${p.image}`);
      const done = (line: string): void => {
        if (deps.rewrite) deps.rewrite('');
        deps.out(`${step}: ${line} in ${seconds(deps.now() - t0)}`);
      };
      try {
        const r = await buildFromTag(plannedBuild(p, { workspace: o.workspace, push: pushes(p), runnerTemp: tmpdir() }), {
          docker: deps.docker,
          log,
          ecr: deps.ecr,
          registry: deps.registry,
          cache: deps.cache,
        });
        const kept = push && !pushes(p) ? ' (not pushed: uncommitted changes; --allow-dirty pushes it)' : ' (not pushed)';
        done(pushes(p) ? `pushed ${r.digest || r.image}` : `built ${r.image}${kept}`);
      } catch (e) {
        failed++;
        done('failed');
        const d = explain(e, o.manifest);
        for (const line of d.detail) deps.err(`  | ${line}`);
        deps.err(`ensure-image: ${p.spec.name}: ${d.line}`);
      }
    }
    const kept = toBuild.filter((p) => !pushes(p)).length;
    const how = !push ? 'built' : kept ? `built (${kept} kept local)` : 'built and pushed';
    deps.out(`${toBuild.length - failed} of ${toBuild.length} missing images ${how}${failed ? `, ${failed} failed` : ''}`);
    return failed ? EXIT.failed : EXIT.ok;
  },
};
