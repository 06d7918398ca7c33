import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { FakeDirCache, FakeDocker, FakeEcr, FakeRegistry, MemoryLog } from '@ensure-image/adapters/fakes';
import { ImmutableTagError } from '@ensure-image/adapters';
import { type CacheMode, type RepositorySettings, resolveImage } from '@ensure-image/core';
import { type BuildRequest, buildPush } from '../src/index.js';

const D = `sha256:${'d'.repeat(64)}`;
const OLD = `sha256:${'0'.repeat(64)}`;
const OTHER = `sha256:${'e'.repeat(64)}`;
const env = { AWS_REGION: 'us-east-1' };
const ECR = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const REPO = 'us-east-1/123456789012/app-lambda-light';

function inputs({ cache = 'none', ...over }: Partial<BuildRequest> & { cache?: CacheMode } = {}, image = `${ECR}/app-lambda-light:api-abc1234`): BuildRequest {
  return {
    image: resolveImage({ image }, env),
    settings: {
      context: '/ws/lambda',
      file: '/ws/Dockerfile.light',
      buildArgs: [{ key: 'CMD_TARGET', value: 'api' }],
      labels: [],
      platforms: [],
      provenance: false,
      push: true,
      cache,
    },
    extraRefs: [`${ECR}/app-lambda-light:api-latest`],
    skipIfExists: true,
    runnerTemp: mkdtempSync(`${tmpdir()}/rt-`),
    act: false,
    ...over,
  };
}

/** Fakes wired so that what docker pushes lands in the fake ECR (read-backs see it). */
function deps(docker = new FakeDocker(), cache = new FakeDirCache(false)) {
  const ecr = new FakeEcr();
  ecr.repos.set(REPO, new Map());
  docker.onPush = (ref, digest) => {
    const [, repo, tag] = /^[^/]+\/(.+):([^:]+)$/.exec(ref) ?? [];
    ecr.put('us-east-1', '123456789012', repo as string, tag as string, digest);
  };
  return { docker, log: new MemoryLog(), ecr: async () => ecr, registry: new FakeRegistry(), cache, ecrFake: ecr };
}

function buildx(driver = 'docker', containerdStore = false): FakeDocker {
  const d = new FakeDocker();
  d.hasBuildxPlugin = true;
  d.builder = { driver, containerdStore };
  return d;
}

const buildArgv = (d: FakeDocker): string[] => d.commands.find((c) => c.args[0] === 'buildx' && c.args[1] === 'build')?.args ?? [];

describe('build or skip', () => {
  test('first run builds and pushes; the digest is the one the registry holds afterwards', async () => {
    const d = deps(buildx());
    const r = await buildPush(inputs(), d);
    expect(r).toMatchObject({ built: true, existed: false, digest: D, builder: 'buildx', imageDigest: `${ECR}/app-lambda-light@${D}`, repointed: [] });
    // One lookup before (tag + alias together), one read-back after.
    expect(d.ecrFake.calls.filter((c) => c.startsWith('findImages'))).toEqual([
      'findImages us-east-1 123456789012 app-lambda-light 2',
      'findImages us-east-1 123456789012 app-lambda-light 2',
    ]);
  });

  test('a rerun skips the build and re-points the alias that moved on (rollback)', async () => {
    const d = deps(buildx());
    d.ecrFake.put('us-east-1', '123456789012', 'app-lambda-light', 'api-abc1234', OLD);
    d.ecrFake.put('us-east-1', '123456789012', 'app-lambda-light', 'api-latest', D);
    const r = await buildPush(inputs(), d);
    expect(r).toMatchObject({ built: false, existed: true, digest: OLD, repointed: [`${ECR}/app-lambda-light:api-latest`] });
    expect(d.ecrFake.repos.get(REPO)?.get('api-latest')).toBe(OLD);
    expect(buildArgv(d.docker)).toEqual([]);
    expect(d.ecrFake.calls).toEqual(['findImages us-east-1 123456789012 app-lambda-light 2', `putImage app-lambda-light:api-latest ${OLD}`]);
  });

  test('an alias already on the digest is left alone: no PutImage', async () => {
    const d = deps(buildx());
    d.ecrFake.put('us-east-1', '123456789012', 'app-lambda-light', 'api-abc1234', OLD);
    d.ecrFake.put('us-east-1', '123456789012', 'app-lambda-light', 'api-latest', OLD);
    const r = await buildPush(inputs(), d);
    expect(r.repointed).toEqual([]);
    expect(d.ecrFake.calls.some((c) => c.startsWith('putImage'))).toBe(false);
  });

  test('an immutable repository that refuses to move the alias fails naming the alias and the exclusion filters', async () => {
    const d = deps(buildx());
    d.ecrFake.immutable.add(REPO);
    d.ecrFake.put('us-east-1', '123456789012', 'app-lambda-light', 'api-abc1234', OLD);
    d.ecrFake.put('us-east-1', '123456789012', 'app-lambda-light', 'api-latest', D);
    await expect(buildPush(inputs(), d)).rejects.toThrow(/app-lambda-light:api-latest names sha256:d+ .*immutable.*exclusion filters.*\*-latest/);
  });

  test('another run pushed the same tag meanwhile (MUTABLE): the registry digest is reported, with a warning', async () => {
    const docker = buildx();
    const d = deps(docker);
    const land = docker.onPush;
    // The other run's push lands right after ours.
    docker.onPush = (ref, digest) => {
      land(ref, digest);
      land(ref, OTHER);
    };
    const r = await buildPush(inputs(), d);
    expect(r).toMatchObject({ built: true, digest: OTHER, imageDigest: `${ECR}/app-lambda-light@${OTHER}` });
    expect(d.log.warnings.join()).toMatch(/another run pushed the same tag meanwhile/);
    expect(d.ecrFake.repos.get(REPO)?.get('api-latest')).toBe(OTHER);
  });

  test('push: false builds only, reports no digest and touches no alias', async () => {
    const d = deps(buildx());
    const base = inputs({ skipIfExists: false });
    const r = await buildPush({ ...base, settings: { ...base.settings, push: false } }, d);
    expect(r).toMatchObject({ built: true, digest: '', imageDigest: '', repointed: [] });
    expect(buildArgv(d.docker)).toContain('--load');
    expect(d.ecrFake.calls).toEqual([]);
  });

  test('aliases on other registries or repositories are not re-pointed: a warning says so', async () => {
    const d = deps(buildx());
    d.ecrFake.put('us-east-1', '123456789012', 'app-lambda-light', 'api-abc1234', OLD);
    const base = inputs();
    const r = await buildPush({ ...base, extraRefs: ['127.0.0.1:5000/mirror/app:api-latest'] }, d);
    expect(r.repointed).toEqual([]);
    expect(d.log.warnings.join()).toMatch(/mirror\/app:api-latest is in another repository/);
  });

  test('non-ECR registries: GET the manifest, PUT it under the alias', async () => {
    const d = deps(buildx());
    d.registry.manifests.set('127.0.0.1:5000/team/app:v1', { digest: OLD, mediaType: 'application/vnd.oci.image.manifest.v1+json' });
    d.registry.manifests.set(`127.0.0.1:5000/team/app:${OLD}`, { digest: OLD, mediaType: 'application/vnd.oci.image.manifest.v1+json' });
    const base = inputs({}, '127.0.0.1:5000/team/app:v1');
    const r = await buildPush({ ...base, extraRefs: ['127.0.0.1:5000/team/app:latest'] }, d);
    expect(r.repointed).toEqual(['127.0.0.1:5000/team/app:latest']);
    expect(d.registry.calls).toEqual([
      '127.0.0.1:5000/team/app:v1',
      '127.0.0.1:5000/team/app:latest',
      `GET 127.0.0.1:5000/team/app:${OLD}`,
      `PUT 127.0.0.1:5000/team/app:latest ${OLD}`,
    ]);
  });

  test('the main tag given again in tags is built and pushed once (classic path)', async () => {
    const docker = new FakeDocker();
    const d = deps(docker);
    const base = inputs({ skipIfExists: false });
    await buildPush({ ...base, extraRefs: [`${ECR}/app-lambda-light:api-abc1234`, `${ECR}/app-lambda-light:api-latest`] }, d);
    expect(docker.commands.filter((c) => c.args[0] === 'push').map((c) => c.args[1])).toEqual([
      `${ECR}/app-lambda-light:api-abc1234`,
      `${ECR}/app-lambda-light:api-latest`,
    ]);
  });

  test('a refused push on an immutable tag is success only when the image is there', async () => {
    const docker = new FakeDocker();
    const d = deps(docker);
    docker.onPush = () => {
      throw new ImmutableTagError('tag invalid: cannot be overwritten because the repository is immutable');
    };
    await expect(buildPush(inputs(), d)).rejects.toThrow(/refused and the tag is not there/);
    let n = 0;
    docker.onPush = () => {
      if (n++ === 0) d.ecrFake.put('us-east-1', '123456789012', 'app-lambda-light', 'api-abc1234', OTHER);
      throw new ImmutableTagError('tag invalid');
    };
    const r = await buildPush(inputs(), d);
    expect(r).toMatchObject({ built: false, existed: false, digest: OTHER });
    expect(d.log.warnings.join()).toMatch(/pushed by another run meanwhile/);
  });
});

describe('missing repositories', () => {
  const settings: RepositorySettings = { scanOnPush: true, mutability: 'IMMUTABLE_WITH_EXCLUSION', lifecycleKeep: 5 };

  test('without create-repository: an error naming the inputs that exist on the action', async () => {
    const d = deps(buildx());
    d.ecrFake.repos.delete(REPO);
    await expect(buildPush(inputs(), d)).rejects.toThrow(/does not exist.*create-repository: true.*missing-repository: absent/);
    await expect(buildPush(inputs({ repositoryInputs: ['missing-repository'] }), d)).rejects.toThrow(
      /does not exist.*Create it first, or set missing-repository: absent to report/,
    );
  });

  test('create-repository: created with the settings and a lifecycle rule for the image prefix, then built', async () => {
    const d = deps(buildx());
    d.ecrFake.repos.delete(REPO);
    const r = await buildPush(inputs({ createRepository: settings }), d);
    expect(r.built).toBe(true);
    const made = d.ecrFake.created[0];
    expect(made).toMatchObject({ repository: 'app-lambda-light', scanOnPush: true, mutability: 'IMMUTABLE_WITH_EXCLUSION', mutableTags: ['*-latest'] });
    expect(JSON.parse(made?.lifecyclePolicy as string).rules[1].selection.tagPrefixList).toEqual(['api-']);
  });

  test('create-repository with skip-if-exists false still creates the repository first', async () => {
    const d = deps(buildx());
    d.ecrFake.repos.delete(REPO);
    await buildPush(inputs({ createRepository: settings, skipIfExists: false }), d);
    expect(d.ecrFake.calls[0]).toBe('findImages us-east-1 123456789012 app-lambda-light 2');
    expect(d.ecrFake.calls[1]).toBe('createRepository app-lambda-light');
  });
});

describe('cache', () => {
  test('auto on the docker driver, classic store: reads the registry cache only, and says so once as a notice', async () => {
    const d = deps(buildx('docker'));
    const notices: string[] = [];
    const log = Object.assign(d.log, { notice: (m: string) => notices.push(m) });
    await buildPush(inputs({ cache: 'auto', skipIfExists: false }), { ...d, log });
    const argv = buildArgv(d.docker).join(' ');
    expect(argv).toContain(`--cache-from type=registry,ref=${ECR}/app-lambda-light:buildcache-api`);
    expect(argv).not.toContain('--cache-to');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/docker\/setup-buildx-action/);
    expect(d.log.warnings).toEqual([]);
  });

  test('auto with a cache-exporting builder: gha with the cache service, else the registry cache', async () => {
    const gha = deps(buildx('docker-container'), new FakeDirCache(true));
    await buildPush(inputs({ cache: 'auto', skipIfExists: false }), gha);
    expect(buildArgv(gha.docker)).toEqual(expect.arrayContaining(['type=gha,scope=api', 'type=gha,scope=api,mode=max']));
    const reg = deps(buildx('docker', true));
    await buildPush(inputs({ cache: 'auto', skipIfExists: false }), reg);
    expect(buildArgv(reg.docker).join(' ')).toContain(`--cache-to type=registry,ref=${ECR}/app-lambda-light:buildcache-api,mode=max,image-manifest=true`);
  });

  test('an explicit mode that cannot work here is a warning and a build without it, never a failure', async () => {
    for (const [cache, driver, service, act, pattern] of [
      ['gha', 'docker', true, false, /cannot export a cache/],
      ['local', 'docker-container', false, true, /running under act/],
      ['gha', 'docker-container', false, false, /Actions cache service/],
    ] as const) {
      const d = deps(buildx(driver), new FakeDirCache(service));
      const r = await buildPush(inputs({ cache, act, skipIfExists: false }), d);
      expect(r.built).toBe(true);
      expect(d.log.warnings.join()).toMatch(pattern);
      expect(buildArgv(d.docker).join(' ')).not.toMatch(/--cache-(from|to)/);
    }
  });

  test('local cache restores before and saves the new directory after the build', async () => {
    const d = deps(buildx('docker-container'), new FakeDirCache(true));
    await buildPush(inputs({ cache: 'local', skipIfExists: false }), d);
    expect(d.cache.calls.map((c) => c.split(' ')[0])).toEqual(['restore', 'save']);
    expect(d.cache.calls[1]).toMatch(/from .*-new$/);
  });

  test('raw cache-from/cache-to replace the mode; cache-to is dropped with a warning where it cannot export', async () => {
    const d = deps(buildx('docker'));
    const base = inputs({ cache: 'gha', skipIfExists: false });
    await buildPush({ ...base, settings: { ...base.settings, cacheFrom: ['type=registry,ref=x/y:c'], cacheTo: ['type=registry,ref=x/y:c'] } }, d);
    expect(buildArgv(d.docker).join(' ')).toContain('--cache-from type=registry,ref=x/y:c');
    expect(buildArgv(d.docker).join(' ')).not.toContain('--cache-to');
    expect(d.log.warnings.join()).toMatch(/cache-to/);
  });
});

describe('classic fallback', () => {
  test('docker build then push of every tag; BuildKit off for CLIs that need buildx for it, and the log says what that loses', async () => {
    const docker = new FakeDocker();
    docker.version = '28.2.2';
    const d = deps(docker);
    const r = await buildPush(inputs({ skipIfExists: false }), d);
    expect(docker.commands.map((c) => c.args[0])).toEqual(['build', 'push', 'push']);
    expect(docker.commands[0]?.opts.env).toEqual({ DOCKER_BUILDKIT: '0' });
    expect(r).toMatchObject({ built: true, digest: D, builder: 'classic' });
    expect(d.log.lines.join()).toMatch(/legacy builder \(no RUN --mount, no heredocs/);
    docker.version = '20.10.24';
    docker.commands.length = 0;
    await buildPush(inputs({ skipIfExists: false }), deps(docker));
    expect(docker.commands[0]?.opts.env).toEqual({ DOCKER_BUILDKIT: '1' });
  });

  test('another run pushed the tag while this one built: its image is taken, nothing pushed over it', async () => {
    const docker = new FakeDocker();
    const d = deps(docker);
    const build = docker.build.bind(docker);
    docker.build = async (args, env) => {
      await build(args, env);
      d.ecrFake.put('us-east-1', '123456789012', 'app-lambda-light', 'api-abc1234', OTHER);
    };
    const r = await buildPush(inputs(), d);
    expect(r).toMatchObject({ built: false, existed: false, digest: OTHER });
    expect(docker.commands.filter((c) => c.args[0] === 'push')).toEqual([]);
    expect(d.log.warnings.join()).toMatch(/pushed by another run while this one built/);
    // The alias follows the image that was taken.
    expect(d.ecrFake.repos.get(REPO)?.get('api-latest')).toBe(OTHER);
  });

  test('what needs buildx fails clearly, before any build', async () => {
    const docker = new FakeDocker();
    const base = inputs({ skipIfExists: false });
    await expect(buildPush({ ...base, settings: { ...base.settings, secrets: [{ id: 'npm', env: 'NPM_TOKEN' }] } }, deps(docker))).rejects.toThrow(
      /secrets: needs docker buildx/,
    );
    expect(docker.commands.filter((c) => c.args[0] === 'build')).toEqual([]);
  });
});
