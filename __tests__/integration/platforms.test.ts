// Multi-architecture images for real, on each builder a runner may have: the `docker` driver
// and a BuildKit daemon (builders.ts), and the classic builder (no buildx). Several platforms
// are built per platform (together on the daemon, one at a time elsewhere) and merged by digest
// into one OCI index; a rerun builds nothing; a new platform builds alone; an immutable
// repository refuses to add one with an error naming tag and platform; one platform stays a
// plain manifest. `FROM scratch` + COPY needs no emulator for any platform.
import { BUILDERS, type Builder } from './builders.js';
import { GitFixture } from './git-fixture.js';
import { NODES, type StepResult, runStep } from './runner.js';
import { actionEnv, dockerConfig, dockerSpy, ecrCall, registryManifest, standin, tb, unique } from './testbed.js';

const NODE24 = NODES[1]?.[1] as string;
const INDEX = 'application/vnd.oci.image.index.v1+json';
const MANIFESTS = ['application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json'];
const TWO = 'linux/amd64,linux/arm64';

const classic: Builder = { id: 'docker' as const, skip: '', exports: false, config: (auths = {}) => dockerConfig(auths) };
const ALL: [string, Builder][] = [
  ...BUILDERS.map((b) => [b.id === 'docker' ? 'buildx docker driver' : 'BuildKit daemon', b] as [string, Builder]),
  ['classic builder (no buildx)', classic],
];

function service(content: string): GitFixture {
  const ws = new GitFixture().write({ Dockerfile: 'FROM scratch\nCOPY app.txt /app.txt\n', 'app.txt': `${content}\n` });
  ws.commit('one');
  return ws;
}

const builds = (cmds: string[]): string[] => cmds.filter((c) => c.startsWith('buildx build ') || c.startsWith('build '));
const platformsOf = (json: { manifests?: unknown } | undefined): Record<string, string> =>
  Object.fromEntries(
    (json?.manifests as { digest: string; platform: { os: string; architecture: string; variant?: string } }[]).map((m) => [
      [m.platform.os, m.platform.architecture, m.platform.variant].filter(Boolean).join('/'),
      m.digest,
    ]),
  );

describe.each(ALL)('several platforms, %s', (_, b) => {
  if (b.skip) {
    test.skip(`every case (${b.skip})`, () => undefined);
    return;
  }
  beforeEach(() => standin.reset());

  const step = (ws: GitFixture, cfg: string, inputs: Record<string, string>): StepResult & { docker: string[] } => {
    const spy = dockerSpy();
    const r = runStep('actions/build-push', { node: NODE24, cwd: ws.dir, env: actionEnv(cfg, { PATH: spy.path }), inputs });
    return { ...r, docker: spy.commands() };
  };

  test('two platforms merge into one index; a rerun builds nothing; linux/arm/v7 added later builds alone', async () => {
    const repo = `team/${unique('multi')}`;
    const ws = service(repo);
    const cfg = b.config({ [tb.ociHost]: tb.ociAuth });
    const image = `${tb.ociHost}/${repo}:v1`;

    const first = step(ws, cfg, { image, platforms: TWO, tags: 'latest' });
    expect(first.errors).toEqual([]);
    expect(first.outputs.built).toBe('true');
    expect(builds(first.docker)).toHaveLength(b.exports ? 1 : 2);
    const index = await registryManifest(tb.ociHost, repo, 'v1', tb.ociAuth);
    expect(index?.mediaType).toBe(INDEX);
    expect(first.outputs.digest).toBe(index?.digest);
    const held = platformsOf(index?.json);
    expect(Object.keys(held).sort()).toEqual(['linux/amd64', 'linux/arm64']);
    expect(JSON.parse(first.outputs.platforms as string)).toEqual(held);
    // Each child is a plain image manifest of its own platform, in the repository.
    for (const [p, d] of Object.entries(held)) {
      const child = await registryManifest(tb.ociHost, repo, d, tb.ociAuth);
      expect(MANIFESTS).toContain(child?.mediaType);
      expect(p).toMatch(/^linux\//);
    }
    expect((await registryManifest(tb.ociHost, repo, 'latest', tb.ociAuth))?.digest).toBe(index?.digest);
    expect(first.summary).toMatch(/linux\/arm64/);

    const again = step(ws, cfg, { image, platforms: TWO, tags: 'latest' });
    expect(again.errors).toEqual([]);
    expect(again.outputs).toMatchObject({ built: 'false', digest: index?.digest });
    expect(builds(again.docker)).toEqual([]);

    const three = step(ws, cfg, { image, platforms: `${TWO},linux/arm/v7`, tags: 'latest' });
    expect(three.errors).toEqual([]);
    expect(three.outputs.built).toBe('true');
    const argv = builds(three.docker);
    expect(argv).toHaveLength(1);
    expect(argv[0]).toMatch(/--platform linux\/arm\/v7 /);
    const after = await registryManifest(tb.ociHost, repo, 'v1', tb.ociAuth);
    expect(three.outputs.digest).toBe(after?.digest);
    expect(platformsOf(after?.json)).toEqual({ ...held, 'linux/arm/v7': expect.stringMatching(/^sha256:/) });
    expect((await registryManifest(tb.ociHost, repo, 'latest', tb.ociAuth))?.digest).toBe(after?.digest);
  });

  test('an immutable repository takes the index once, and adding a platform is an error naming tag and platform', async () => {
    const repo = `team/${unique('multiimm')}`;
    const ws = service(repo);
    const cfg = b.config({ [tb.immutableHost]: tb.ociAuth });
    const image = `${tb.immutableHost}/${repo}:v1`;
    const first = step(ws, cfg, { image, platforms: TWO });
    expect(first.errors).toEqual([]);
    expect((await registryManifest(tb.ociHost, repo, 'v1', tb.ociAuth))?.mediaType).toBe(INDEX);

    const rerun = step(ws, cfg, { image, platforms: TWO });
    expect(rerun.errors).toEqual([]);
    expect(rerun.outputs.built).toBe('false');

    const more = step(ws, cfg, { image, platforms: `${TWO},linux/arm/v7` });
    expect(more.errors.join('\n')).toMatch(new RegExp(`${image.replace(/[./]/g, '\\$&')} exists without linux/arm/v7.*immutable`));
    expect((await registryManifest(tb.ociHost, repo, 'v1', tb.ociAuth))?.digest).toBe(first.outputs.digest);
  });

  test('one platform stays a plain image manifest (what Lambda takes)', async () => {
    const repo = `team/${unique('single')}`;
    const ws = service(repo);
    const r = step(ws, b.config({ [tb.ociHost]: tb.ociAuth }), { image: `${tb.ociHost}/${repo}:v1`, platforms: 'linux/arm64' });
    expect(r.errors).toEqual([]);
    const m = await registryManifest(tb.ociHost, repo, 'v1', tb.ociAuth);
    expect(MANIFESTS).toContain(m?.mediaType);
    expect(JSON.parse(r.outputs.platforms as string)).toEqual({ 'linux/arm64': m?.digest });
  });

  test('platform jobs then actions/merge: one index by digest; rerun platform jobs build nothing', async () => {
    const repo = `team/${unique('jobs')}`;
    const ws = service(repo);
    const cfg = b.config({ [tb.ociHost]: tb.ociAuth });
    const image = `${tb.ociHost}/${repo}:v1`;
    const outs = ['linux/amd64', 'linux/arm64'].map((p) => step(ws, cfg, { image, platforms: p, 'platform-job': 'true' }));
    for (const o of outs) {
      expect(o.errors).toEqual([]);
      expect(o.outputs.built).toBe('true');
    }
    expect(await registryManifest(tb.ociHost, repo, 'v1', tb.ociAuth)).toBeUndefined();
    const merge = runStep('actions/merge', {
      node: NODE24,
      env: actionEnv(cfg),
      inputs: { image, platforms: TWO, digests: outs.map((o) => o.outputs.platforms).join('\n'), tags: 'latest' },
    });
    expect(merge.errors).toEqual([]);
    const index = await registryManifest(tb.ociHost, repo, 'v1', tb.ociAuth);
    expect(index?.mediaType).toBe(INDEX);
    expect(merge.outputs).toMatchObject({ digest: index?.digest, merged: 'true' });
    expect(platformsOf(index?.json)).toEqual({ ...JSON.parse(outs[0]?.outputs.platforms as string), ...JSON.parse(outs[1]?.outputs.platforms as string) });
    expect((await registryManifest(tb.ociHost, repo, 'latest', tb.ociAuth))?.digest).toBe(index?.digest);

    const rerun = step(ws, cfg, { image, platforms: 'linux/arm64', 'platform-job': 'true' });
    expect(rerun.outputs).toMatchObject({ built: 'false', digest: platformsOf(index?.json)['linux/arm64'] });
    expect(builds(rerun.docker)).toEqual([]);
  });
});

describe('several platforms on ECR (root action, PutImage with the index media type)', () => {
  const b = BUILDERS.find((x) => x.id === 'daemon' && !x.skip) ?? classic;
  beforeEach(() => standin.reset());

  test(`root action builds two platforms and merges them (${b === classic ? 'classic builder' : 'BuildKit daemon'}); IMMUTABLE refuses a new platform`, async () => {
    const ws = service(unique('ecr'));
    const prefix = unique('multi');
    const sha = ws.commit('two');
    const cfg = b.config();
    const run = (platforms: string) => runStep('.', { node: NODE24, cwd: ws.dir, env: actionEnv(cfg), inputs: { repository: 'app', prefix, platforms } });
    const first = run(TWO);
    expect(first.errors).toEqual([]);
    const tag = `${prefix}-${sha.slice(0, 7)}`;
    const index = await registryManifest(tb.ecrHost, 'app', tag, tb.ecrAuth);
    expect(index?.mediaType).toBe(INDEX);
    expect(first.outputs.digest).toBe(index?.digest);
    expect(Object.keys(JSON.parse(first.outputs.platforms as string)).sort()).toEqual(['linux/amd64', 'linux/arm64']);
    expect((await standin.calls())['ecr.PutImage']).toBeGreaterThanOrEqual(1);

    expect((await ecrCall('PutImageTagMutability', { repositoryName: 'app', imageTagMutability: 'IMMUTABLE' })).status).toBe(200);
    try {
      const more = run(`${TWO},linux/arm/v7`);
      expect(more.errors.join('\n')).toMatch(new RegExp(`app:${tag} exists without linux/arm/v7.*immutable`));
    } finally {
      await ecrCall('PutImageTagMutability', { repositoryName: 'app', imageTagMutability: 'MUTABLE' });
    }
  });

  test('root action platform jobs, then actions/merge with their outputs (as ensure-image.yml wires them)', async () => {
    const ws = service(unique('rootjobs'));
    const prefix = unique('jobs');
    const sha = ws.commit('three');
    const cfg = b.config();
    const job = (platform: string) =>
      runStep('.', {
        node: NODE24,
        cwd: ws.dir,
        env: actionEnv(cfg),
        inputs: { repository: 'app', prefix, platforms: platform, 'platform-job': 'true', aliases: 'latest' },
      });
    const outs = ['linux/amd64', 'linux/arm64'].map(job);
    for (const o of outs) expect(o.errors).toEqual([]);
    const tag = `${prefix}-${sha.slice(0, 7)}`;
    expect(await registryManifest(tb.ecrHost, 'app', tag, tb.ecrAuth)).toBeUndefined();
    const merge = runStep('actions/merge', {
      node: NODE24,
      env: actionEnv(cfg),
      inputs: {
        image: outs[0]?.outputs.image as string,
        tags: outs[0]?.outputs.tags as string,
        platforms: TWO,
        digests: outs.map((o) => o.outputs.platforms).join('\n'),
      },
    });
    expect(merge.errors).toEqual([]);
    const index = await registryManifest(tb.ecrHost, 'app', tag, tb.ecrAuth);
    expect(index?.mediaType).toBe(INDEX);
    expect((await registryManifest(tb.ecrHost, 'app', `${prefix}-latest`, tb.ecrAuth))?.digest).toBe(index?.digest);
    // The workflow's last job: the root action with every platform finds the index and builds nothing.
    const last = runStep('.', { node: NODE24, cwd: ws.dir, env: actionEnv(cfg), inputs: { repository: 'app', prefix, platforms: TWO, aliases: 'latest' } });
    expect(last.outputs).toMatchObject({ built: 'false', exists: 'true', digest: index?.digest });
  });
});
