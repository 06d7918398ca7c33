import { FakeDocker, FakeEcr, FakeGit, FakeRegistry, MemoryLog } from '@ensure-image/adapters/fakes';
import { planLogins, resolveImage } from '@ensure-image/core';
import { checkImages, login, logout, resolveTag, resolveTarget } from '../src/index.js';

const env = { AWS_REGION: 'us-east-1' };

describe('login', () => {
  test('one token call per region, passwords masked before docker sees them', async () => {
    const ecr = new FakeEcr();
    const docker = new FakeDocker();
    const log = new MemoryLog();
    const order: string[] = [];
    docker.login = async (host, username, password) => {
      order.push(`login ${host} masked=${log.secrets.includes(password)}`);
      docker.logins.push({ host, username, password });
    };
    const plan = planLogins(['123456789012', '210987654321', '123456789012.dkr.ecr.eu-west-1.amazonaws.com', 'public.ecr.aws'], undefined, env);
    const seen: string[] = [];
    const r = await login(plan, { ecr: async () => ecr, docker, log }, { onLogin: (h) => seen.push(h) });
    expect(ecr.calls).toEqual(['privateTokens us-east-1 123456789012,210987654321', 'privateTokens eu-west-1 123456789012', 'publicToken']);
    expect(order.every((o) => o.endsWith('masked=true'))).toBe(true);
    expect(r.hosts).toEqual([
      '123456789012.dkr.ecr.us-east-1.amazonaws.com',
      '210987654321.dkr.ecr.us-east-1.amazonaws.com',
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
      'public.ecr.aws',
    ]);
    expect(seen).toEqual(r.hosts);
    expect(r.registry).toBe('123456789012.dkr.ecr.us-east-1.amazonaws.com');
    expect(docker.logins.find((l) => l.host === 'public.ecr.aws')?.password).toBe('pw-public');
  });

  test('the default registry comes from the token; mask: false registers nothing', async () => {
    const log = new MemoryLog();
    const r = await login(planLogins([], undefined, env), { ecr: async () => new FakeEcr('555555555555'), docker: new FakeDocker(), log }, { mask: false });
    expect(r.hosts).toEqual(['555555555555.dkr.ecr.us-east-1.amazonaws.com']);
    expect(log.secrets).toEqual([]);
  });

  test('a failed login stops, and what was logged in is already reported', async () => {
    const docker = new FakeDocker();
    docker.failLogin.add('public.ecr.aws');
    const seen: string[] = [];
    await expect(
      login(
        planLogins(['123456789012', 'public.ecr.aws'], undefined, env),
        { ecr: async () => new FakeEcr(), docker, log: new MemoryLog() },
        { onLogin: (h) => seen.push(h) },
      ),
    ).rejects.toThrow(/public.ecr.aws/);
    expect(seen).toEqual(['123456789012.dkr.ecr.us-east-1.amazonaws.com']);
  });

  test('logout tries every host and reports all failures once', async () => {
    const docker = new FakeDocker();
    docker.failLogout.add('a');
    docker.failLogout.add('c');
    await expect(logout(['a', 'b', 'c'], { docker, log: new MemoryLog() })).rejects.toThrow(/2 of 3 registries:\n.*a.*\n.*c/);
    expect(docker.logouts).toEqual(['b']);
  });
});

describe('checkImages', () => {
  const D = (n: number): string => `sha256:${String(n).repeat(64)}`;
  test('one ECR call per repository, a HEAD per other image', async () => {
    const ecr = new FakeEcr();
    ecr.put('us-east-1', '123456789012', 'app', 'a-1', D(1));
    ecr.put('us-east-1', '123456789012', 'app', 'b-1', D(2));
    ecr.put('us-east-1', '123456789012', 'other', 'c-1', D(3));
    const reg = new FakeRegistry();
    reg.manifests.set('ghcr.io/o/x:v1', { digest: D(4), mediaType: 'm' });
    const host = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
    const images = [`${host}/app:a-1`, `${host}/app:b-1`, `${host}/app:z-9`, `${host}/other:c-1`, 'ghcr.io/o/x:v1', 'ghcr.io/o/x:v2'].map((image) =>
      resolveImage({ image }, env),
    );
    const r = await checkImages(images, { ecr: async () => ecr, registry: reg });
    expect(r.map((x) => [x.exists, x.digest])).toEqual([
      [true, D(1)],
      [true, D(2)],
      [false, ''],
      [true, D(3)],
      [true, D(4)],
      [false, ''],
    ]);
    expect(ecr.calls).toEqual(['findImages us-east-1 123456789012 app 3', 'findImages us-east-1 123456789012 other 1']);
    expect(reg.calls).toEqual(['ghcr.io/o/x:v1', 'ghcr.io/o/x:v2']);
  });

  test('no ECR client is loaded when no ECR image is checked', async () => {
    let loads = 0;
    const load = async (): Promise<FakeEcr> => {
      loads += 1;
      return new FakeEcr();
    };
    await checkImages([resolveImage({ image: 'ghcr.io/o/x:v1' }, env)], { ecr: load, registry: new FakeRegistry() });
    expect(loads).toBe(0);
  });

  test('a missing repository is an error, or absent when asked', async () => {
    const img = resolveImage({ image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/none:v1' }, env);
    const deps = { ecr: async () => new FakeEcr(), registry: new FakeRegistry() };
    await expect(checkImages([img], deps)).rejects.toThrow(/repository does not exist/);
    expect((await checkImages([img], deps, { missingRepository: 'absent' }))[0]?.exists).toBe(false);
  });
});

describe('resolveTarget', () => {
  test('asks STS only when nothing names the registry', async () => {
    const ecr = new FakeEcr('999999999999');
    const log = new MemoryLog();
    const t = await resolveTarget({ repository: 'app', tag: 'v1' }, { ecr: async () => ecr, log }, env);
    expect(t.ref.registry).toBe('999999999999.dkr.ecr.us-east-1.amazonaws.com');
    await resolveTarget({ repository: 'app', tag: 'v1', account: '123456789012' }, { ecr: async () => ecr, log }, env);
    expect(ecr.calls).toEqual(['accountId us-east-1']);
    await resolveTarget({ image: 'ghcr.io/o/app:latest' }, { ecr: async () => ecr, log }, env);
    expect(log.warnings.join()).toMatch(/not pinned/);
  });
});

describe('resolveTag', () => {
  const sha = 'abc1234def5678abc1234def5678abc1234def56';
  const base = { prefix: 'api', source: 'commit' as const, paths: ['.'], length: 7, aliases: ['latest'], workspace: '/ws' };
  test('commit and tree ids', async () => {
    const git = new FakeGit({ HEAD: sha, 'HEAD:./svc': '1'.repeat(40), 'HEAD:./': '2'.repeat(40) });
    const log = new MemoryLog();
    expect(await resolveTag(base, { git, log })).toEqual({ tag: 'api-abc1234', id: 'abc1234', sha, tags: ['api-abc1234', 'api-latest'] });
    expect((await resolveTag({ ...base, source: 'tree', paths: ['svc'] }, { git, log })).tag).toBe('api-1111111');
    expect((await resolveTag({ ...base, source: 'tree' }, { git, log })).tag).toBe('api-2222222');
  });
  test('GITHUB_SHA only for commit ids, with a warning', async () => {
    const git = new FakeGit({});
    const log = new MemoryLog();
    expect((await resolveTag({ ...base, githubSha: sha }, { git, log })).tag).toBe('api-abc1234');
    expect(log.warnings).toHaveLength(1);
    await expect(resolveTag({ ...base, source: 'tree', githubSha: sha }, { git, log })).rejects.toThrow(/actions\/checkout/);
  });
});

describe('planImages', () => {
  test('five images in two ECR repositories and ECR Public: one call per repository, matrix of the missing', async () => {
    const { parseManifest: parse } = await import('@ensure-image/core');
    const { planImages, platformMatrix } = await import('../src/index.js');
    const sha = 'abc1234def5678abc1234def5678abc1234def56';
    const images = parse({
      images: [
        {
          name: 'api',
          repository: 'app-lambda-light',
          account: '123456789012',
          file: 'Dockerfile.light',
          'build-args': { CMD_TARGET: 'api' },
          aliases: ['latest'],
        },
        { name: 'jobs', repository: 'app-lambda-light', account: '123456789012', file: 'Dockerfile.light', 'build-args': { CMD_TARGET: 'jobs' } },
        { name: 'media', repository: 'app-lambda-heavy', account: '123456789012', file: 'Dockerfile.heavy' },
        { name: 'thumb', repository: 'app-lambda-heavy', account: '123456789012', file: 'Dockerfile.heavy' },
        { name: 'pub', repository: 'alias/lambda-heavy', registry: 'public.ecr.aws' },
      ],
    });
    const ecr = new FakeEcr();
    ecr.put('us-east-1', '123456789012', 'app-lambda-light', 'api-abc1234', `sha256:${'1'.repeat(64)}`);
    ecr.repos.set('us-east-1/123456789012/app-lambda-heavy', new Map());
    const registry = new FakeRegistry();
    registry.manifests.set('public.ecr.aws/alias/lambda-heavy:pub-abc1234', { digest: `sha256:${'2'.repeat(64)}`, mediaType: 'x' });
    const planned = await planImages(
      { images, source: 'commit', length: 7, workspace: '/ws' },
      { git: new FakeGit({ HEAD: sha }), log: new MemoryLog(), ecr: async () => ecr, registry },
      env,
    );
    expect(planned.map((p) => [p.spec.name, p.exists])).toEqual([
      ['api', true],
      ['jobs', false],
      ['media', false],
      ['thumb', false],
      ['pub', true],
    ]);
    // The present image's alias is checked in the same call and re-pointed (a rollback moves -latest back).
    expect(ecr.calls).toEqual([
      'findImages us-east-1 123456789012 app-lambda-light 3',
      'findImages us-east-1 123456789012 app-lambda-heavy 2',
      `putImage app-lambda-light:api-latest sha256:${'1'.repeat(64)}`,
    ]);
    expect(planned[0]?.repointed).toEqual(['123456789012.dkr.ecr.us-east-1.amazonaws.com/app-lambda-light:api-latest']);
    ecr.calls.length = 0;
    ecr.put('us-east-1', '123456789012', 'app-lambda-light', 'api-latest', `sha256:${'9'.repeat(64)}`);
    const looking = await planImages(
      { images, source: 'commit', length: 7, workspace: '/ws' },
      { git: new FakeGit({ HEAD: sha }), log: new MemoryLog(), ecr: async () => ecr, registry },
      env,
      { retag: false },
    );
    expect(looking[0]?.repointed).toEqual([]);
    expect(ecr.calls.filter((c) => c.startsWith('putImage'))).toEqual([]);
    const matrix = platformMatrix(planned);
    expect(matrix.include.map((m) => m.name)).toEqual(['jobs', 'media', 'thumb']);
    expect(matrix.include[0]).toEqual({
      name: 'jobs',
      image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app-lambda-light:jobs-abc1234',
      tags: '',
      context: '.',
      file: 'Dockerfile.light',
      'build-args': 'CMD_TARGET=jobs',
      target: '',
      platforms: '',
      platform: '',
      'platform-job': 'false',
      runner: 'ubuntu-latest',
    });
  });
});
