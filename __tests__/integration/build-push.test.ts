import { GitFixture } from './git-fixture.js';
import { NODES, runStep } from './runner.js';
import { actionEnv, dockerConfig, dockerSpy, pushRandomImage, registryDigest, tb, unique } from './testbed.js';

const DIR = 'actions/build-push';

function context(): GitFixture {
  return new GitFixture().write({ Dockerfile: 'FROM scratch\nCOPY a.txt /a.txt\n', 'a.txt': `${unique('content')}\n` });
}

describe.each(NODES)('build-push bundle under %s', (_label, node) => {
  test('builds, pushes every tag, reports the registry digest; skips when the tag exists', async () => {
    const ws = context();
    const repo = `team/${unique('bp')}`;
    const spy = dockerSpy();
    const env = actionEnv(dockerConfig({ [tb.ociHost]: tb.ociAuth }), { PATH: spy.path });
    const r = runStep(DIR, { node, cwd: ws.dir, env, inputs: { image: `${tb.ociHost}/${repo}:v1`, tags: 'v1-latest', labels: 'team=platform' } });
    expect(r.errors).toEqual([]);
    expect(r.outputs.built).toBe('true');
    expect(r.outputs.digest).toBe(await registryDigest(tb.ociHost, repo, 'v1', tb.ociAuth));
    expect(await registryDigest(tb.ociHost, repo, 'v1-latest', tb.ociAuth)).toBe(r.outputs.digest);
    expect(JSON.parse(r.outputs.metadata as string)['containerimage.digest']).toBe(r.outputs.digest);
    const build = spy.commands().find((c) => c.startsWith('build ')) as string;
    expect(build).toContain('--label team=platform');
    expect(spy.commands()).toContain('buildx version');

    const again = runStep(DIR, { node, cwd: ws.dir, env, inputs: { image: `${tb.ociHost}/${repo}:v1` } });
    expect(again.outputs).toMatchObject({ built: 'false', digest: r.outputs.digest });
  });

  test('push: false builds only and reports no digest', async () => {
    const ws = context();
    const repo = unique('local');
    const r = runStep(DIR, {
      node,
      cwd: ws.dir,
      env: actionEnv(dockerConfig({ [tb.ociHost]: tb.ociAuth })),
      inputs: { image: `${tb.ociHost}/${repo}:v1`, push: 'false' },
    });
    expect(r.errors).toEqual([]);
    expect(r.outputs).toMatchObject({ built: 'true', digest: '', 'image-digest': '' });
    expect(await registryDigest(tb.ociHost, repo, 'v1', tb.ociAuth)).toBeUndefined();
  });

  test("race on an immutable repository: the loser reports the winner's image, not a failure", async () => {
    const ws = context();
    const repo = unique('race');
    // The other run got there first, after this run's existence check.
    const winner = await pushRandomImage(tb.ociHost, repo, 'v1', tb.ociAuth);
    const r = runStep(DIR, {
      node,
      cwd: ws.dir,
      env: actionEnv(dockerConfig({ [tb.immutableHost]: tb.ociAuth, [tb.ociHost]: tb.ociAuth })),
      inputs: { image: `${tb.immutableHost}/${repo}:v1`, 'skip-if-exists': 'false' },
    });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ built: 'false', digest: winner });
    expect(r.warnings.join('\n')).toMatch(/pushed by another run meanwhile \(immutable tag\)/);
  });

  test('caches that cannot work here degrade to a warning (act, no buildx)', () => {
    const ws = context();
    const r = runStep(DIR, {
      node,
      cwd: ws.dir,
      env: actionEnv(dockerConfig({ [tb.ociHost]: tb.ociAuth }), { ACT: 'true' }),
      inputs: { image: `${tb.ociHost}/${unique('act')}:v1`, cache: 'gha' },
    });
    expect(r.code).toBe(0);
    expect(r.warnings.join('\n')).toMatch(/cache: gha needs docker buildx; building without a cache/);
  });

  // With push, several platforms build one at a time on the classic builder and merge (platforms.test.ts).
  test('more than one platform without buildx and without push is a clear error (no registry to merge in)', () => {
    const ws = context();
    const r = runStep(DIR, {
      node,
      cwd: ws.dir,
      env: actionEnv(dockerConfig()),
      inputs: { image: `${tb.ociHost}/${unique('mp')}:v1`, platforms: 'linux/amd64,linux/arm64', 'skip-if-exists': 'false', push: 'false' },
    });
    expect(r.code).toBe(1);
    expect(r.errors.join('\n')).toMatch(/needs docker buildx, which is not installed/);
  });
});
