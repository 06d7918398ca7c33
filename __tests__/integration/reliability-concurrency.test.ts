// Reliability: runs at the same moment. Two root runs of one tag (a MUTABLE repository, and one
// that refuses re-pushing a tag, like an IMMUTABLE ECR repository) both end green and both
// report the digest the registry holds. Two plans at once hand out one matrix entry per image,
// and the second matrix builds none of what the first one built.
import { GitFixture } from './git-fixture.js';
import { NODES, runStep, runStepAsync, type StepResult } from './runner.js';
import { jestObject } from './reliability-kit.js';
import { actionEnv, dockerConfig, dockerSpy, registryDigest, tb, unique } from './testbed.js';

jestObject.setTimeout(180000);

const NODE24 = NODES[1]?.[1] as string;

function service(): GitFixture {
  const ws = new GitFixture().write({
    'svc/Dockerfile': 'FROM scratch\nARG RUN=none\nCOPY app.txt /app.txt\nLABEL run=$RUN\n',
    'svc/app.txt': `${unique('v')}\n`,
  });
  ws.commit('one');
  return ws;
}

describe.each([
  ['MUTABLE', tb.ociHost],
  ['IMMUTABLE', tb.immutableHost],
])('two root runs of one tag at once on a %s repository', (kind, host) => {
  test("both green, both report the registry's digest", async () => {
    const ws = service();
    const repo = `team/${unique('race')}`;
    const cfg = () => dockerConfig({ [host]: tb.ociAuth, [tb.ociHost]: tb.ociAuth });
    // Two workflow runs of one commit: the same inputs (the images still differ when the
    // builder stamps creation times, so the second push may replace the first's manifest).
    const run = (): Promise<StepResult> =>
      runStepAsync('.', {
        node: NODE24,
        cwd: ws.dir,
        env: actionEnv(cfg()),
        inputs: { repository: repo, registry: host, context: 'svc', username: tb.ociAuth.username, password: tb.ociAuth.password },
      });
    const timed = (): Promise<StepResult & { end: number }> => run().then((r) => ({ ...r, end: performance.now() }));
    const [a, b] = await Promise.all([timed(), timed()]);
    for (const r of [a, b]) {
      expect(r.errors).toEqual([]);
      expect(r.code).toBe(0);
    }
    expect(a.outputs.tag).toBe(b.outputs.tag);
    const held = await registryDigest(tb.ociHost, repo, a.outputs.tag as string, tb.ociAuth);
    expect(held).toMatch(/^sha256:/);
    const [first, last] = a.end <= b.end ? [a, b] : [b, a];
    // The run that ends last reports what the tag holds. On an IMMUTABLE repository so does the
    // other (the registry refuses a second push). On a MUTABLE one, two builds of one commit
    // that differ (creation times) race: the first run reports the tag as it was when it ended,
    // which the other may then replace; the README says so (Image lifecycle).
    expect(last.outputs.digest).toBe(held);
    expect(last.outputs['image-digest']).toBe(`${host}/${repo}@${held}`);
    if (kind === 'IMMUTABLE') expect(first.outputs.digest).toBe(held);
    else expect(first.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

test('two plans at once: one matrix entry per image; the second matrix builds nothing the first built', async () => {
  const run = unique('p');
  const ws = new GitFixture().write({
    'Dockerfile.light': 'FROM scratch\nARG CMD_TARGET\nCOPY cmd/ /cmd/\nLABEL target=$CMD_TARGET\n',
    'cmd/api/main.txt': `api ${run}\n`,
    'cmd/jobs/main.txt': `jobs ${run}\n`,
    'images.yml': [
      'images:',
      `  - {name: api, repository: app, account: "123456789012", prefix: api-${run}, file: Dockerfile.light, build-args: {CMD_TARGET: api}, paths: [Dockerfile.light, cmd/api]}`,
      `  - {name: jobs, repository: app, account: "123456789012", prefix: jobs-${run}, file: Dockerfile.light, build-args: {CMD_TARGET: jobs}, paths: [Dockerfile.light, cmd/jobs]}`,
    ].join('\n'),
  });
  ws.commit('one');
  const cfg = dockerConfig({ [tb.ecrHost]: tb.ecrAuth });
  const plan = () => runStepAsync('actions/plan', { node: NODE24, cwd: ws.dir, env: actionEnv(cfg), inputs: { manifest: 'images.yml', source: 'tree' } });
  const [p1, p2] = await Promise.all([plan(), plan()]);
  const matrices = [p1, p2].map((p) => {
    expect(p.errors).toEqual([]);
    return (JSON.parse(p.outputs.matrix as string) as { include: Record<string, string>[] }).include;
  });
  for (const m of matrices) {
    expect(m).toHaveLength(2);
    expect(new Set(m.map((e) => e.image)).size).toBe(m.length);
  }
  expect(matrices[1]?.map((e) => e.image).sort()).toEqual(matrices[0]?.map((e) => e.image).sort());

  const spy = dockerSpy();
  const buildAll = (m: Record<string, string>[]) =>
    m.map((entry) =>
      runStep('actions/build-push', {
        node: NODE24,
        cwd: ws.dir,
        env: actionEnv(cfg, { PATH: spy.path }),
        inputs: {
          image: entry.image as string,
          tags: entry.tags as string,
          context: entry.context as string,
          file: entry.file as string,
          'build-args': entry['build-args'] as string,
          platforms: entry.platforms as string,
        },
      }),
    );
  const first = buildAll(matrices[0] as Record<string, string>[]);
  const second = buildAll(matrices[1] as Record<string, string>[]);
  for (const r of [...first, ...second]) expect(r.errors).toEqual([]);
  expect(first.map((r) => r.outputs.built)).toEqual(['true', 'true']);
  expect(second.map((r) => r.outputs.built)).toEqual(['false', 'false']);
  expect(second.map((r) => r.outputs.digest)).toEqual(first.map((r) => r.outputs.digest));
  const builds = spy.commands().filter((c) => c.startsWith('build ') || c.startsWith('buildx build'));
  expect(builds).toHaveLength(2);
});
