import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { FakeDirCache, FakeDocker, FakeEcr, FakeRegistry, MemoryLog } from '@ensure-image/adapters/fakes';
import { resolveImage } from '@ensure-image/conventions';
import { type BuildInputs, buildPush, buildxArgs, cacheFlags, classicBuildArgs, digestFromPush, isImmutableTagError, ociLabels } from '../src/index.js';

const D = `sha256:${'d'.repeat(64)}`;
const env = { AWS_REGION: 'us-east-1' };
const ECR = '123456789012.dkr.ecr.us-east-1.amazonaws.com';

function inputs(over: Partial<BuildInputs> = {}, image = `${ECR}/app-lambda-light:api-abc1234`): BuildInputs {
  return {
    image: resolveImage({ image }, env),
    plan: {
      context: '/ws/lambda',
      file: '/ws/Dockerfile.light',
      extraRefs: [`${ECR}/app-lambda-light:api-latest`],
      buildArgs: [{ key: 'CMD_TARGET', value: 'api' }],
      labels: [{ key: 'org.opencontainers.image.revision', value: 'abc' }],
      platforms: [],
      provenance: false,
      push: true,
    },
    cache: 'none',
    skipIfExists: false,
    runnerTemp: mkdtempSync(`${tmpdir()}/rt-`),
    act: false,
    ...over,
  };
}

function deps(docker = new FakeDocker(), cache = new FakeDirCache(false)) {
  const ecr = new FakeEcr();
  ecr.repos.set('us-east-1/123456789012/app-lambda-light', new Map());
  return { docker, log: new MemoryLog(), ecr: async () => ecr, registry: new FakeRegistry(), cache, ecrFake: ecr };
}

/** A docker whose buildx writes the metadata file, as buildx does. */
function buildxDocker(driver = 'docker'): FakeDocker {
  const d = new FakeDocker();
  d.buildx = true;
  d.respond = (args) => {
    if (args[0] === 'buildx' && args[1] === 'inspect') return { stdout: `Name: b\nDriver: ${driver}\n` };
    const i = args.indexOf('--metadata-file');
    if (i >= 0) writeFileSync(args[i + 1] as string, JSON.stringify({ 'containerimage.digest': D }));
    return {};
  };
  return d;
}

describe('buildx argv', () => {
  test('the five-lambda case: tags, build args, labels, provenance off, metadata, push', async () => {
    const docker = buildxDocker();
    const d = deps(docker);
    const r = await buildPush(inputs(), d);
    const argv = docker.commands.map((c) => c.args).find((a) => a[1] === 'build') as string[];
    const meta = argv[argv.indexOf('--metadata-file') + 1] as string;
    expect(argv).toEqual([
      'buildx', 'build',
      '--file', '/ws/Dockerfile.light',
      '--tag', `${ECR}/app-lambda-light:api-abc1234`,
      '--tag', `${ECR}/app-lambda-light:api-latest`,
      '--build-arg', 'CMD_TARGET=api',
      '--label', 'org.opencontainers.image.revision=abc',
      '--provenance=false',
      '--metadata-file', meta,
      '--push',
      '/ws/lambda',
    ]);
    expect(r).toMatchObject({ built: true, digest: D, builder: 'buildx', imageDigest: `${ECR}/app-lambda-light@${D}` });
  });

  test('platforms, target, builder; multi-platform without push is not loaded', () => {
    const p = { ...inputs().plan, refs: ['r:1'], metadataFile: '/m', platforms: ['linux/amd64', 'linux/arm64'], target: 'runtime', builder: 'ci', push: false };
    const argv = buildxArgs(p, { from: [], to: [] });
    expect(argv.slice(0, 4)).toEqual(['buildx', 'build', '--builder', 'ci']);
    expect(argv).toContain('linux/amd64,linux/arm64');
    expect(argv.join(' ')).toContain('--target runtime');
    expect(argv).not.toContain('--load');
    expect(argv).not.toContain('--push');
    expect(buildxArgs({ ...p, platforms: [] }, { from: [], to: [] })).toContain('--load');
  });

  test('cache flags per mode; ECR registry caches use image-manifest and OCI media types', () => {
    const o = { scope: 'app', cacheRef: `${ECR}/app:buildcache`, ecr: true, localDir: '/c' };
    expect(cacheFlags('registry', o).to).toEqual([`type=registry,ref=${ECR}/app:buildcache,mode=max,image-manifest=true,oci-mediatypes=true`]);
    expect(cacheFlags('registry', { ...o, ecr: false }).to).toEqual([`type=registry,ref=${ECR}/app:buildcache,mode=max`]);
    expect(cacheFlags('gha', o)).toEqual({ from: ['type=gha,scope=app'], to: ['type=gha,scope=app,mode=max'] });
    expect(cacheFlags('local', o)).toEqual({ from: ['type=local,src=/c'], to: ['type=local,dest=/c-new,mode=max'] });
    expect(cacheFlags('none', o)).toEqual({ from: [], to: [] });
  });

  test('cache auto: gha with a cache-exporting driver and the service, else the registry cache', async () => {
    const gha = buildxDocker('docker-container');
    await buildPush(inputs({ cache: 'auto' }), deps(gha, new FakeDirCache(true)));
    expect(gha.commands.find((c) => c.args[1] === 'build')?.args).toContain('type=gha,scope=app-lambda-light');

    const plain = buildxDocker('docker');
    await buildPush(inputs({ cache: 'auto' }), deps(plain, new FakeDirCache(true)));
    expect(plain.commands.find((c) => c.args[1] === 'build')?.args.join(' ')).toContain('type=registry,ref=');
  });

  test('gha on the docker driver or under act degrades to a warning', async () => {
    const d1 = deps(buildxDocker('docker'), new FakeDirCache(true));
    await buildPush(inputs({ cache: 'gha' }), d1);
    expect(d1.log.warnings.join()).toMatch(/docker-container driver/);
    const d2 = deps(buildxDocker('docker-container'), new FakeDirCache(false));
    await buildPush(inputs({ cache: 'local', act: true }), d2);
    expect(d2.log.warnings.join()).toMatch(/running under act/);
    expect(d2.cache.calls).toEqual([]);
  });

  test('local cache restores before and saves after the build', async () => {
    const d = deps(buildxDocker('docker-container'), new FakeDirCache(true));
    await buildPush(inputs({ cache: 'local' }), d);
    expect(d.cache.calls.map((c) => c.split(' ')[0])).toEqual(['restore', 'save']);
  });
});

describe('classic fallback', () => {
  test('docker build then push of every tag; BuildKit off for CLIs that need buildx for it', async () => {
    const docker = new FakeDocker();
    docker.version = '28.2.2';
    docker.respond = (args) => (args[0] === 'push' ? { stdout: `${args[1]}: digest: ${D} size: 524\n` } : {});
    const r = await buildPush(inputs(), deps(docker));
    expect(docker.commands.map((c) => c.args[0])).toEqual(['build', 'push', 'push']);
    expect(docker.commands[0]?.opts.env).toEqual({ DOCKER_BUILDKIT: '0' });
    expect(r).toMatchObject({ built: true, digest: D, builder: 'classic' });
    docker.version = '20.10.24';
    docker.commands.length = 0;
    await buildPush(inputs(), deps(docker));
    expect(docker.commands[0]?.opts.env).toEqual({ DOCKER_BUILDKIT: '1' });
  });

  test('the main tag given again in tags is pushed once', async () => {
    const docker = new FakeDocker();
    docker.respond = (args) => (args[0] === 'push' ? { stdout: `${args[1]}: digest: ${D} size: 524\n` } : {});
    const base = inputs();
    await buildPush({ ...base, plan: { ...base.plan, extraRefs: [`${ECR}/app-lambda-light:api-abc1234`, `${ECR}/app-lambda-light:api-latest`] } }, deps(docker));
    expect(docker.commands.filter((c) => c.args[0] === 'push').map((c) => c.args[1])).toEqual([`${ECR}/app-lambda-light:api-abc1234`, `${ECR}/app-lambda-light:api-latest`]);
  });

  test('skip-if-exists: one existence check, no docker at all', async () => {
    const docker = new FakeDocker();
    const d = deps(docker);
    d.ecrFake.put('us-east-1', '123456789012', 'app-lambda-light', 'api-abc1234', D);
    const r = await buildPush(inputs({ skipIfExists: true }), d);
    expect(r).toMatchObject({ built: false, existed: true, digest: D, builder: 'skipped' });
    expect(docker.commands).toEqual([]);
    expect(d.ecrFake.calls).toEqual(['findImages us-east-1 123456789012 app-lambda-light 1']);
  });

  test('a refused push on an immutable tag is success only when the image is there', async () => {
    const docker = new FakeDocker();
    docker.respond = (args) => (args[0] === 'push' ? { exitCode: 1, stderr: "tag invalid: The image tag 'api-abc1234' already exists in the 'app-lambda-light' repository and cannot be overwritten because the repository is immutable." } : {});
    const d = deps(docker);
    await expect(buildPush(inputs(), d)).rejects.toThrow(/refused and the tag is not there/);
    d.ecrFake.put('us-east-1', '123456789012', 'app-lambda-light', 'api-abc1234', D);
    const r = await buildPush(inputs(), d);
    expect(r).toMatchObject({ built: false, existed: false, digest: D });
    expect(d.log.warnings.join()).toMatch(/another run/);
  });
});

test('helpers', () => {
  expect(digestFromPush(`v1: digest: ${D} size: 1`)).toBe(D);
  expect(digestFromPush('nothing')).toBeUndefined();
  expect(isImmutableTagError('tag invalid: The image tag x already exists in the y repository and cannot be overwritten because the repository is immutable.')).toBe(true);
  expect(isImmutableTagError('denied: requested access to the resource is denied')).toBe(false);
  expect(ociLabels([{ key: 'org.opencontainers.image.source', value: 'mine' }], 'sha', 'https://x')).toEqual([
    { key: 'org.opencontainers.image.source', value: 'mine' },
    { key: 'org.opencontainers.image.revision', value: 'sha' },
  ]);
  expect(classicBuildArgs({ ...inputs().plan, refs: ['r:1'], metadataFile: '/m', platforms: ['linux/arm64'] })).toContain('linux/arm64');
});
