// Several platforms through buildPush over fakes: per-platform builds (docker driver) or one
// build by digest (a container builder), one index under the tag, only missing platforms built.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { FakeDirCache, FakeDocker, FakeEcr, FakeRegistry, MemoryLog } from '@ensure-image/adapters/fakes';
import { OCI_INDEX, imageIndex, indexEntries, resolveImage } from '@ensure-image/core';
import { type BuildRequest, buildPush } from '../src/index.js';

const HOST = 'ghcr.io';
const IMAGE = `${HOST}/o/app:api-abc1234`;
const MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const digestFor = (platform: string): string =>
  `sha256:${[...platform]
    .reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 1e9, 7)
    .toString(16)
    .padStart(64, '0')}`;

/** docker whose each build pushes a manifest of its own per --platform, into the fake registry. */
class PlatformDocker extends FakeDocker {
  constructor(
    readonly registry: FakeRegistry,
    driver: string,
  ) {
    super();
    this.hasBuildxPlugin = true;
    this.builder = { driver, containerdStore: false };
  }
  override async buildx(args: readonly string[], env: Record<string, string> = {}): Promise<Record<string, unknown>> {
    this.commands.push({ args: [...args], opts: { env } });
    const platforms = (args[args.indexOf('--platform') + 1] as string).split(',');
    const land = async (ref: string, digest: string, body: string, mediaType: string) => {
      const [, name, reference] = /^[^/]+\/(.+?)(?::([^:@]+))?$/.exec(ref) as RegExpExecArray;
      this.registry.bodies.set(digest, Buffer.from(body));
      this.registry.manifests.set(`${HOST}/${name}:${digest}`, { digest, mediaType });
      if (reference) this.registry.manifests.set(`${HOST}/${name}:${reference}`, { digest, mediaType });
    };
    const children = platforms.map((p) => ({ platform: p, digest: digestFor(p), size: 10, mediaType: MANIFEST }));
    for (const c of children) await land(`${HOST}/o/app`, c.digest, '{}', MANIFEST);
    const output = args.includes('--output') ? (args[args.indexOf('--output') + 1] as string) : '';
    if (output.includes('push-by-digest=true') && children.length > 1) {
      const body = imageIndex(children);
      const digest = `sha256:${'9'.repeat(64)}`;
      await land(`${HOST}/o/app`, digest, body, OCI_INDEX);
      return { 'containerimage.digest': digest };
    }
    const tag = args[args.indexOf('--tag') + 1];
    if (args.includes('--tag')) await land(tag as string, (children[0] as { digest: string }).digest, '{}', MANIFEST);
    return { 'containerimage.digest': (children[0] as { digest: string }).digest };
  }
}

function setup(driver: string) {
  const registry = new FakeRegistry();
  const docker = new PlatformDocker(registry, driver);
  const log = new MemoryLog();
  const deps = { docker, log, ecr: async () => new FakeEcr(), registry, cache: new FakeDirCache(false) };
  const inputs = (platforms: string[]): BuildRequest => ({
    image: resolveImage({ image: IMAGE }, {}),
    settings: { context: '/ws', file: '/ws/Dockerfile', buildArgs: [], labels: [], platforms, provenance: false, push: true, cache: 'none' },
    extraRefs: [],
    skipIfExists: true,
    runnerTemp: mkdtempSync(`${tmpdir()}/rt-`),
    act: false,
  });
  const builds = () => docker.commands.filter((c) => c.args[1] === 'build').map((c) => c.args);
  const tagged = () => {
    const m = registry.manifests.get(`${HOST}/o/app:api-abc1234`);
    return m && { ...m, entries: indexEntries((registry.bodies.get(m.digest) as Buffer).toString()) };
  };
  return { deps, inputs, builds, tagged, registry, log };
}

test('docker driver: one build per platform under <tag>-<platform>, then one index under the tag', async () => {
  const s = setup('docker');
  const r = await buildPush(s.inputs(['linux/amd64', 'linux/arm64']), s.deps);
  expect(s.builds().map((a) => [a[a.indexOf('--platform') + 1], a[a.indexOf('--tag') + 1]])).toEqual([
    ['linux/amd64', `${HOST}/o/app:api-abc1234-linux-amd64`],
    ['linux/arm64', `${HOST}/o/app:api-abc1234-linux-arm64`],
  ]);
  const t = s.tagged();
  expect(t?.mediaType).toBe(OCI_INDEX);
  expect(t?.entries.map((e) => [e.platform, e.digest])).toEqual([
    ['linux/amd64', digestFor('linux/amd64')],
    ['linux/arm64', digestFor('linux/arm64')],
  ]);
  expect(r).toMatchObject({ built: true, digest: t?.digest });
  expect(r.platforms?.map((p) => p.how)).toEqual(['buildx, docker driver', 'buildx, docker driver']);
});

test('a container builder: the platforms together, pushed by digest (no tag), then the index', async () => {
  const s = setup('docker-container');
  const r = await buildPush(s.inputs(['linux/amd64', 'linux/arm64']), s.deps);
  const argv = s.builds();
  expect(argv).toHaveLength(1);
  expect(argv[0]).toEqual(
    expect.arrayContaining([
      '--platform',
      'linux/amd64,linux/arm64',
      '--output',
      `type=image,name=${HOST}/o/app,push-by-digest=true,name-canonical=true,push=true`,
    ]),
  );
  expect(argv[0]).not.toContain('--tag');
  expect(s.tagged()?.entries.map((e) => e.platform)).toEqual(['linux/amd64', 'linux/arm64']);
  expect(r.digest).toBe(s.tagged()?.digest);
});

test('only the platform the tag lacks is built; the others keep their digests; a rerun builds nothing', async () => {
  const s = setup('docker');
  await buildPush(s.inputs(['linux/amd64', 'linux/arm64']), s.deps);
  const before = s.tagged();
  s.deps.docker.commands.length = 0;
  const r = await buildPush(s.inputs(['linux/amd64', 'linux/arm64', 'linux/arm/v7']), s.deps);
  expect(s.builds().map((a) => a[a.indexOf('--platform') + 1])).toEqual(['linux/arm/v7']);
  expect(s.tagged()?.entries.slice(0, 2)).toEqual(before?.entries);
  expect(r.platforms?.map((p) => [p.platform, p.how])).toEqual([
    ['linux/amd64', 'existed'],
    ['linux/arm64', 'existed'],
    ['linux/arm/v7', 'buildx, docker driver'],
  ]);
  s.deps.docker.commands.length = 0;
  const again = await buildPush(s.inputs(['linux/amd64', 'linux/arm64', 'linux/arm/v7']), s.deps);
  expect(again).toMatchObject({ built: false, existed: true, builder: 'skipped' });
  expect(s.builds()).toEqual([]);
});

test('immutable tag lacking a platform: an error naming the tag and the platform', async () => {
  const s = setup('docker');
  await buildPush(s.inputs(['linux/amd64', 'linux/arm64']), s.deps);
  s.registry.immutable.add(HOST);
  await expect(buildPush(s.inputs(['linux/amd64', 'linux/arm64', 'linux/arm/v7']), s.deps)).rejects.toThrow(
    `${IMAGE} exists without linux/arm/v7, and its repository keeps tags immutable`,
  );
  expect(s.tagged()?.entries.map((e) => e.platform)).toEqual(['linux/amd64', 'linux/arm64']);
});
