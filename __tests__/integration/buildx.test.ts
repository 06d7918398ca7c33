// The buildx path for real, on both builders a runner has (builders.ts): the `docker` driver
// (no setup-buildx-action step) and a BuildKit daemon through buildx's `remote` driver (what the
// `docker-container` driver gives hosted runners). The plugin is BUILDX_PLUGIN, else
// ../shared/tools/docker-buildx; a builder that cannot run here is reported as skipped, with
// the reason, never as passed.
import { createHash } from 'node:crypto';
import { BUILDERS, baseFor, busyboxImage } from './builders.js';
import { GitFixture } from './git-fixture.js';
import { NODES, runStep } from './runner.js';
import { actionEnv, dockerSpy, registryDigest, standin, tb, unique } from './testbed.js';

const NODE24 = NODES[1]?.[1] as string;
for (const b of BUILDERS) if (b.skip) console.warn(`buildx tests on the ${b.id} builder ${b.skip}`);

function service(content: string): GitFixture {
  return new GitFixture().write({
    'svc/Dockerfile': 'FROM scratch\nARG CMD_TARGET=none\nCOPY app.txt /app.txt\nLABEL target=$CMD_TARGET\n',
    'svc/app.txt': `${content}\n`,
  });
}

const buildxBuilds = (commands: string[]): string[] => commands.filter((c) => c.startsWith('buildx build '));

describe.each(BUILDERS.map((b) => [`${b.id}${b.skip ? ` (${b.skip})` : ''}`, b] as const))('buildx path, real plugin, builder: %s', (_, b) => {
  if (b.skip) {
    test.skip(`every buildx case (${b.skip})`, () => undefined);
    return;
  }
  const buildxConfig = (auths: Record<string, { username: string; password: string }> = {}): string => b.config(auths);
  beforeEach(() => standin.reset());

  test('build-push, default inputs: builds with buildx, pushes, reports the registry digest; skips on the second run', async () => {
    const repo = `team/${unique('bx')}`;
    const ws = service(repo);
    ws.commit('one');
    const cfg = buildxConfig({ [tb.ociHost]: tb.ociAuth });
    const step = (spy = dockerSpy()) => ({
      ...runStep('actions/build-push', {
        node: NODE24,
        cwd: ws.dir,
        env: actionEnv(cfg, { PATH: spy.path }),
        inputs: { image: `${tb.ociHost}/${repo}:api-abc1234`, tags: 'api-latest', context: 'svc' },
      }),
      docker: spy.commands(),
    });

    const first = step();
    expect(first.errors).toEqual([]);
    expect(first.warnings).toEqual([]);
    expect(first.outputs.built).toBe('true');
    const builds = buildxBuilds(first.docker);
    expect(builds).toHaveLength(1);
    expect(builds[0]).toContain(`--cache-from type=registry,ref=${tb.ociHost}/${repo}:buildcache-api`);
    if (b.exports) {
      // A BuildKit daemon exports the registry cache beside the image (no Actions cache service here).
      expect(builds[0]).toContain(`--cache-to type=registry,ref=${tb.ociHost}/${repo}:buildcache-api,mode=max`);
      expect(await registryDigest(tb.ociHost, repo, 'buildcache-api', tb.ociAuth)).toMatch(/^sha256:/);
      expect(first.stdout).not.toMatch(/exports no cache/);
    } else {
      // The docker driver exports no cache: only the existing registry cache is read, and a notice says why.
      expect(builds[0]).not.toContain('--cache-to');
      expect(first.stdout).toMatch(/exports no cache.*docker\/setup-buildx-action/);
    }
    const held = await registryDigest(tb.ociHost, repo, 'api-abc1234', tb.ociAuth);
    expect(first.outputs.digest).toBe(held);
    expect(await registryDigest(tb.ociHost, repo, 'api-latest', tb.ociAuth)).toBe(held);
    expect(JSON.parse(first.outputs.metadata as string)['containerimage.digest']).toBe(held);

    const second = step();
    expect(second.errors).toEqual([]);
    expect(second.outputs).toMatchObject({ built: 'false', digest: held });
    expect(buildxBuilds(second.docker)).toEqual([]);
  });

  test('root action, default inputs, ECR: builds with buildx, pushes, skips on the second run', async () => {
    const ws = service(unique('root'));
    const sha = ws.commit('one');
    const prefix = unique('cloudtak');
    const cfg = buildxConfig();
    const run = (spy = dockerSpy()) => ({
      ...runStep('.', { node: NODE24, cwd: ws.dir, env: actionEnv(cfg, { PATH: spy.path }), inputs: { repository: 'cloudtak', context: 'svc', prefix } }),
      docker: spy.commands(),
    });

    const first = run();
    expect(first.errors).toEqual([]);
    expect(first.outputs.built).toBe('true');
    expect(buildxBuilds(first.docker)).toHaveLength(1);
    expect(first.summary).toMatch(/built and pushed \(buildx\)/);
    const tag = `${prefix}-${sha.slice(0, 7)}`;
    expect(first.outputs.digest).toBe(await registryDigest(tb.ecrHost, 'cloudtak', tag, tb.ecrAuth));

    const second = run();
    expect(second.outputs).toMatchObject({ built: 'false', exists: 'true', digest: first.outputs.digest });
    expect(buildxBuilds(second.docker)).toEqual([]);
  });

  test('sibling images sharing a repository read different caches', () => {
    const ws = service(unique('sib'));
    ws.commit('one');
    const cfg = buildxConfig({ [tb.ecrHost]: tb.ecrAuth });
    const id = unique('x')
      .slice(2, 9)
      .replace(/[^0-9a-f]/g, 'a');
    const argv = ['cloudtak', 'events'].map((name) => {
      const spy = dockerSpy();
      const r = runStep('actions/build-push', {
        node: NODE24,
        cwd: ws.dir,
        env: actionEnv(cfg, { PATH: spy.path }),
        inputs: { repository: 'cloudtak', registry: tb.ecrHost, tag: `${name}-${id}`, context: 'svc' },
      });
      expect(r.errors).toEqual([]);
      return buildxBuilds(spy.commands())[0] as string;
    });
    expect(argv[0]).toContain(`ref=${tb.ecrHost}/cloudtak:buildcache-cloudtak`);
    expect(argv[1]).toContain(`ref=${tb.ecrHost}/cloudtak:buildcache-events`);
  });

  test(`cache: registry ${b.exports ? 'exports the cache' : 'on the docker driver is a warning and a build, not a failed step'}`, async () => {
    const repo = `team/${unique('bxreg')}`;
    const ws = service(repo);
    ws.commit('one');
    const r = runStep('actions/build-push', {
      node: NODE24,
      cwd: ws.dir,
      env: actionEnv(buildxConfig({ [tb.ociHost]: tb.ociAuth })),
      inputs: { image: `${tb.ociHost}/${repo}:v1`, context: 'svc', cache: 'registry' },
    });
    expect(r.errors).toEqual([]);
    expect(r.outputs.built).toBe('true');
    if (b.exports) {
      expect(r.warnings).toEqual([]);
      expect(await registryDigest(tb.ociHost, repo, `buildcache-${repo.split('/')[1]}`, tb.ociAuth)).toMatch(/^sha256:/);
    } else {
      expect(r.warnings.join('\n')).toMatch(/cannot export a cache/);
    }
  });

  test('push: false loads the image into docker and reports no digest', () => {
    const repo = unique('bxload');
    const ws = service(repo);
    ws.commit('one');
    const r = runStep('actions/build-push', {
      node: NODE24,
      cwd: ws.dir,
      env: actionEnv(buildxConfig({ [tb.ociHost]: tb.ociAuth })),
      inputs: { image: `${tb.ociHost}/${repo}:v1`, context: 'svc', push: 'false' },
    });
    expect(r.errors).toEqual([]);
    expect(r.outputs).toMatchObject({ built: 'true', digest: '' });
  });

  const local = busyboxImage();
  const base = local ? baseFor(b, local) : undefined;
  (base ? test : test.skip)(
    `secrets reach RUN --mount=type=secret, and no output, log or argv shows them${base ? '' : ' (skipped: no static busybox for a base image)'}`,
    () => {
      const secret = `npm-${unique('token')}-value`;
      const envSecret = `gh-${unique('token')}-value`;
      const sha = (v: string): string => createHash('sha256').update(v).digest('hex');
      // The Dockerfile compares hashes, so its own text (which buildx prints) holds no secret.
      const check = (id: string, v: string): string => `test "$(sha256sum < /run/secrets/${id} | cut -c1-64)" = ${sha(v)}`;
      const ws = new GitFixture().write({
        Dockerfile: `FROM ${base}\nRUN --mount=type=secret,id=npm --mount=type=secret,id=gh ${check('npm', secret)} && ${check('gh', envSecret)}\n`,
      });
      ws.commit('one');
      const repo = unique('bxsecret');
      const build = (npm: string) => {
        const spy = dockerSpy();
        const r = runStep('actions/build-push', {
          node: NODE24,
          cwd: ws.dir,
          env: actionEnv(buildxConfig({ [tb.ociHost]: tb.ociAuth }), { PATH: spy.path, GH_TOKEN: envSecret }),
          // no-cache: a secret is not part of BuildKit's cache key, so a cached RUN would not look again.
          inputs: {
            image: `${tb.ociHost}/${repo}:v1`,
            push: 'false',
            network: 'none',
            'no-cache': 'true',
            secrets: `npm=${npm}`,
            'secret-envs': 'gh=GH_TOKEN',
          },
        });
        return { ...r, argv: spy.commands() };
      };
      const good = build(secret);
      expect(good.errors).toEqual([]);
      expect(good.outputs.built).toBe('true');
      // The same Dockerfile with another value fails its RUN: the comparison is real.
      const wrong = `${secret}-not`;
      const bad = build(wrong);
      expect(bad.errors.join('\n')).toMatch(/docker buildx build failed/);
      for (const [out, value] of [
        [good, secret],
        [bad, wrong],
      ] as const) {
        expect(out.stdout).toContain(`::add-mask::${value}`);
        const seen = [
          out.stdout.split(`::add-mask::${value}`).join(''),
          out.stderr,
          JSON.stringify(out.outputs),
          JSON.stringify(out.state),
          out.summary,
          ...out.argv,
        ].join('\n');
        expect(seen).not.toContain(value);
        expect(seen).not.toContain(envSecret);
      }
    },
  );
});
