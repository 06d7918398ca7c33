// Multi-platform images through plan, as the reusable workflow runs them: plan gives one
// matrix entry per missing (image, platform) with its runner; each entry is a build-push
// platform job; the merge puts one index under the tag; plan again finds nothing missing and
// costs one ECR call per repository; a platform added to the manifest is one entry.
import { GitFixture } from './git-fixture.js';
import { NODES, runStep } from './runner.js';
import { actionEnv, dockerConfig, registryManifest, standin, tb, unique } from './testbed.js';

const NODE24 = NODES[1]?.[1] as string;
const INDEX = 'application/vnd.oci.image.index.v1+json';

beforeEach(() => standin.reset());

test('plan -> a job per (image, platform) -> merge -> plan: nothing missing; linux/arm/v7 added: one job', async () => {
  const run = unique('p');
  const manifest = (platforms: string) =>
    `images:\n  - {name: api, repository: app, account: "123456789012", prefix: api-${run}, paths: [Dockerfile, app.txt], platforms: [${platforms}]}\n  - {name: lambda, repository: app, account: "123456789012", prefix: fn-${run}, paths: [Dockerfile, app.txt], platforms: [linux/arm64]}\n`;
  const ws = new GitFixture().write({
    Dockerfile: 'FROM scratch\nCOPY app.txt /app.txt\n',
    'app.txt': `${run}\n`,
    'images.yml': manifest('linux/amd64, linux/arm64'),
  });
  ws.commit('one');
  const cfg = dockerConfig({ [tb.ecrHost]: tb.ecrAuth });
  const plan = () =>
    runStep('actions/plan', {
      node: NODE24,
      cwd: ws.dir,
      env: actionEnv(cfg),
      inputs: { manifest: 'images.yml', source: 'tree', runner: 'default=ubuntu-24.04\nlinux/arm64=ubuntu-24.04-arm\nlinux/arm=arm32' },
    });
  const entriesOf = (r: ReturnType<typeof plan>) => (JSON.parse(r.outputs.matrix as string) as { include: Record<string, string>[] }).include;
  const buildAll = (entries: Record<string, string>[]) => {
    const digests: Record<string, string[]> = {};
    for (const e of entries) {
      const built = runStep('actions/build-push', {
        node: NODE24,
        cwd: ws.dir,
        env: actionEnv(cfg),
        inputs: {
          image: e.image as string,
          tags: e.tags as string,
          context: e.context as string,
          platforms: e.platforms as string,
          'platform-job': e['platform-job'] as string,
        },
      });
      expect({ entry: `${e.name} ${e.platform}`, errors: built.errors, built: built.outputs.built }).toEqual({
        entry: `${e.name} ${e.platform}`,
        errors: [],
        built: 'true',
      });
      digests[e.name as string] = [...(digests[e.name as string] ?? []), built.outputs.platforms as string];
    }
    return digests;
  };
  const mergeAll = (r: ReturnType<typeof plan>, digests: Record<string, string[]>) => {
    for (const m of (JSON.parse(r.outputs.merges as string) as { include: Record<string, string>[] }).include) {
      const merged = runStep('actions/merge', {
        node: NODE24,
        env: actionEnv(cfg),
        inputs: { image: m.image as string, tags: m.tags as string, platforms: m.platforms as string, digests: (digests[m.name as string] ?? []).join('\n') },
      });
      expect(merged.errors).toEqual([]);
    }
  };

  const first = plan();
  expect(first.errors).toEqual([]);
  expect(entriesOf(first).map((e) => [e.name, e.platform, e['platform-job'], e.runner])).toEqual([
    ['api', 'linux/amd64', 'true', 'ubuntu-24.04'],
    ['api', 'linux/arm64', 'true', 'ubuntu-24.04-arm'],
    ['lambda', 'linux/arm64', 'false', 'ubuntu-24.04-arm'],
  ]);
  mergeAll(first, buildAll(entriesOf(first)));

  const images = () => JSON.parse(plan().outputs.images as string) as { name: string; tag: string; exists: boolean; digest: string }[];
  await standin.reset();
  const second = plan();
  expect(second.outputs.missing).toBe('');
  expect(entriesOf(second)).toEqual([]);
  expect(await standin.calls()).toEqual({ 'ecr.BatchGetImage': 1 });
  const [api, lambda] = images();
  const index = await registryManifest(tb.ecrHost, 'app', api?.tag as string, tb.ecrAuth);
  expect(index?.mediaType).toBe(INDEX);
  expect(api?.digest).toBe(index?.digest);
  expect((index?.json.manifests as unknown[]).length).toBe(2);
  // The single-platform (Lambda) image is a plain manifest.
  expect((await registryManifest(tb.ecrHost, 'app', lambda?.tag as string, tb.ecrAuth))?.mediaType).not.toBe(INDEX);

  ws.write({ 'images.yml': manifest('linux/amd64, linux/arm64, linux/arm/v7') }).commit('arm/v7');
  const third = plan();
  // source: tree over the image's paths: the manifest edit keeps the tag, and only the new platform is missing.
  expect(third.outputs.missing).toBe('api');
  expect(entriesOf(third).map((e) => [e.name, e.platform, e.runner])).toEqual([['api', 'linux/arm/v7', 'arm32']]);
  mergeAll(third, buildAll(entriesOf(third)));
  const after = await registryManifest(tb.ecrHost, 'app', api?.tag as string, tb.ecrAuth);
  expect((after?.json.manifests as { digest: string }[]).map((m) => m.digest).slice(0, 2)).toEqual(
    (index?.json.manifests as { digest: string }[]).map((m) => m.digest),
  );
  expect((after?.json.manifests as unknown[]).length).toBe(3);
});
