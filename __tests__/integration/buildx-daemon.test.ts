// What only a BuildKit daemon does (the builder hosted runners get from setup-buildx-action),
// proved on the testbed's daemon through buildx's `remote` driver, through the committed
// build-push bundle: a registry cache that a later build reuses, provenance's manifest shapes,
// push by digest, and RUN on a base image pulled from a registry. Skipped, with the reason, when
// the daemon or the plugin is not here.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { baseFor, busyboxImage, daemon } from './builders.js';
import { GitFixture } from './git-fixture.js';
import { NODES, runStep } from './runner.js';
import { actionEnv, registryDigest, registryManifest, registryTags, standin, tb, unique } from './testbed.js';

const NODE24 = NODES[1]?.[1] as string;
const local = daemon.skip ? undefined : busyboxImage();
const skip = daemon.skip || (local ? '' : 'skipped: no static busybox for a base image');
if (skip) console.warn(`BuildKit daemon tests ${skip}`);

const INDEX = 'application/vnd.oci.image.index.v1+json';
const MANIFESTS = ['application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json'];

(skip ? describe.skip : describe)(`BuildKit daemon (remote driver)${skip ? ` (${skip})` : ''}`, () => {
  const base = skip ? '' : baseFor(daemon, local as string);
  const cfg = (): string => daemon.config({ [tb.ociHost]: tb.ociAuth });
  beforeEach(() => standin.reset());

  test('cache: auto exports a registry cache, and a build after a one-file change reuses the unchanged RUN layer from it', async () => {
    const repo = `team/${unique('bkcache')}`;
    // The RUN writes a random value: its layer is the same in two images only when it came from a cache.
    const ws = new GitFixture().write({
      Dockerfile: `FROM ${base}\nRUN cat /proc/sys/kernel/random/uuid > /stamp\nCOPY app.txt /app.txt\n`,
      'app.txt': 'one\n',
    });
    ws.commit('one');
    const config = cfg();
    const build = (tag: string) =>
      runStep('actions/build-push', { node: NODE24, cwd: ws.dir, env: actionEnv(config), inputs: { image: `${tb.ociHost}/${repo}:${tag}` } });

    const first = build('v1');
    expect(first.errors).toEqual([]);
    expect(first.outputs.built).toBe('true');
    const cacheRef = `buildcache-${repo.split('/')[1]}`;
    const cache = await registryManifest(tb.ociHost, repo, cacheRef, tb.ociAuth);
    expect(cache?.mediaType).toBe(INDEX);

    // Empty the daemon's own cache: whatever the second build reuses comes from the registry.
    execFileSync('docker', ['buildx', 'prune', '--all', '--force'], { env: { ...process.env, DOCKER_CONFIG: config }, stdio: 'ignore' });
    writeFileSync(join(ws.dir, 'app.txt'), 'two\n');
    ws.commit('two');
    const second = build('v2');
    expect(second.errors).toEqual([]);
    expect(`${second.stdout}\n${second.stderr}`).toMatch(/importing cache manifest from .*buildcache/);

    const layers = async (tag: string): Promise<string[]> =>
      ((await registryManifest(tb.ociHost, repo, tag, tb.ociAuth))?.json.layers as { digest: string }[]).map((l) => l.digest);
    const [one, two] = [await layers('v1'), await layers('v2')];
    expect(one).toHaveLength(3);
    expect(two[0]).toBe(one[0]); // the base
    expect(two[1]).toBe(one[1]); // RUN: reused from the registry cache, else a new random value
    expect(two[2]).not.toBe(one[2]); // COPY app.txt: changed
  });

  test('provenance: false pushes a plain image manifest; provenance: true an index (the shape Lambda rejects)', async () => {
    const repo = `team/${unique('bkprov')}`;
    const ws = new GitFixture().write({ Dockerfile: 'FROM scratch\nCOPY app.txt /app.txt\n', 'app.txt': `${repo}\n` });
    ws.commit('one');
    const config = cfg();
    for (const [tag, provenance] of [
      ['plain', 'false'],
      ['attested', 'true'],
    ] as const) {
      const r = runStep('actions/build-push', {
        node: NODE24,
        cwd: ws.dir,
        env: actionEnv(config),
        inputs: { image: `${tb.ociHost}/${repo}:${tag}`, provenance },
      });
      expect(r.errors).toEqual([]);
      expect(r.outputs.digest).toBe(await registryDigest(tb.ociHost, repo, tag, tb.ociAuth));
    }
    const plain = await registryManifest(tb.ociHost, repo, 'plain', tb.ociAuth);
    expect(MANIFESTS).toContain(plain?.mediaType);
    const attested = await registryManifest(tb.ociHost, repo, 'attested', tb.ociAuth);
    expect(attested?.mediaType).toBe(INDEX);
    const kinds = (attested?.json.manifests as { annotations?: Record<string, string> }[]).map((m) => m.annotations?.['vnd.docker.reference.type'] ?? 'image');
    expect(kinds.sort()).toEqual(['attestation-manifest', 'image']);
  });

  test('push by digest leaves no tag in the repository', async () => {
    const repo = `team/${unique('bkdigest')}`;
    const ws = new GitFixture().write({ Dockerfile: 'FROM scratch\nCOPY app.txt /app.txt\n', 'app.txt': `${repo}\n` });
    const config = cfg();
    const meta = join(ws.dir, 'meta.json');
    execFileSync(
      'docker',
      [
        'buildx',
        'build',
        '--provenance=false',
        '--metadata-file',
        meta,
        '--output',
        `type=image,name=${tb.ociHost}/${repo},push-by-digest=true,name-canonical=true,push=true`,
        ws.dir,
      ],
      { env: { ...process.env, DOCKER_CONFIG: config }, stdio: 'ignore' },
    );
    const digest = JSON.parse(execFileSync('cat', [meta], { encoding: 'utf8' }))['containerimage.digest'] as string;
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await registryTags(tb.ociHost, repo, tb.ociAuth)).toEqual([]);
    expect(await registryDigest(tb.ociHost, repo, digest, tb.ociAuth)).toBe(digest);
  });
});
