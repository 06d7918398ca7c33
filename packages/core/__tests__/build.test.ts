import {
  type BuildPlan,
  type CacheScope,
  buildxArgs,
  cacheFlags,
  cacheName,
  classicBuildArgs,
  classicLimits,
  exportsCache,
  lifecyclePolicy,
  mutableTagFilters,
  ociLabels,
  parseSecretEnvs,
  parseTagMutability,
  prefixOfTag,
  registryCacheRef,
  secretEnv,
  secretEnvName,
  validateKmsKey,
} from '../src/index.js';

const ECR = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const plan: BuildPlan = {
  refs: [`${ECR}/app-lambda-light:api-abc1234`, `${ECR}/app-lambda-light:api-latest`],
  context: '/ws/lambda',
  file: '/ws/Dockerfile.light',
  buildArgs: [{ key: 'CMD_TARGET', value: 'api' }],
  labels: [{ key: 'org.opencontainers.image.revision', value: 'abc' }],
  platforms: [],
  provenance: false,
  push: true,
  cache: 'none',
};

describe('buildx argv', () => {
  test('the five-lambda case: tags, build args, labels, provenance off, push', () => {
    expect(buildxArgs(plan, { from: [], to: [] })).toEqual([
      'buildx',
      'build',
      '--file',
      '/ws/Dockerfile.light',
      '--tag',
      `${ECR}/app-lambda-light:api-abc1234`,
      '--tag',
      `${ECR}/app-lambda-light:api-latest`,
      '--build-arg',
      'CMD_TARGET=api',
      '--label',
      'org.opencontainers.image.revision=abc',
      '--provenance=false',
      '--push',
      '/ws/lambda',
    ]);
  });

  test('platforms, target, builder; multi-platform without push is not loaded', () => {
    const p = { ...plan, refs: ['r:1'], platforms: ['linux/amd64', 'linux/arm64'], target: 'runtime', builder: 'ci', push: false };
    const argv = buildxArgs(p, { from: [], to: [] });
    expect(argv.slice(0, 4)).toEqual(['buildx', 'build', '--builder', 'ci']);
    expect(argv).toContain('linux/amd64,linux/arm64');
    expect(argv.join(' ')).toContain('--target runtime');
    expect(argv).not.toContain('--load');
    expect(argv).not.toContain('--push');
    expect(buildxArgs({ ...p, platforms: [] }, { from: [], to: [] })).toContain('--load');
  });

  test('secrets never put a value on argv; ssh, no-cache, pull', () => {
    const p: BuildPlan = {
      ...plan,
      secrets: [
        { id: 'npm', value: 's3cr3t-value' },
        { id: 'gh', env: 'GH_TOKEN' },
        { id: 'cert', file: '/ws/cert.pem' },
      ],
      ssh: ['default'],
      noCache: true,
      pull: true,
    };
    const argv = buildxArgs(p, { from: [], to: [] });
    expect(argv.join(' ')).not.toContain('s3cr3t-value');
    expect(argv.join(' ')).toContain(
      `--secret id=npm,env=${secretEnvName('npm')} --secret id=gh,env=GH_TOKEN --secret id=cert,src=/ws/cert.pem --ssh default --no-cache --pull`,
    );
    expect(secretEnv(p.secrets)).toEqual({ [secretEnvName('npm')]: 's3cr3t-value' });
    expect(classicLimits(p)).toEqual(['secrets', 'ssh']);
    expect(classicBuildArgs(p)).toEqual(expect.arrayContaining(['--no-cache', '--pull']));
    expect(classicBuildArgs(p).join(' ')).not.toContain('secret');
  });

  test('value secrets reach buildx through one variable each, whatever their ids look like', () => {
    const ids = ['npm', 'NPM', 'a.b', 'a_b', 'a-b'];
    expect(new Set(ids.map(secretEnvName)).size).toBe(ids.length);
    for (const id of ids) expect(secretEnvName(id)).toMatch(/^ENSURE_IMAGE_SECRET_[0-9a-f]+$/);
  });

  test('classic build: one platform at most', () => {
    expect(classicBuildArgs({ ...plan, platforms: ['linux/arm64'] })).toContain('linux/arm64');
    expect(classicLimits({ ...plan, platforms: ['linux/amd64', 'linux/arm64'] })).toEqual(['platforms (linux/amd64,linux/arm64: more than one)']);
    expect(classicLimits({ ...plan, cacheTo: ['type=inline'] })).toEqual(['cache-from/cache-to']);
  });
});

describe('cache', () => {
  const scope: CacheScope = { name: 'api', repository: `${ECR}/app-lambda-light`, ecr: true, localDir: '/c' };

  test('flags per mode; ECR registry caches use image-manifest and OCI media types', () => {
    expect(cacheFlags('registry', scope).to).toEqual([
      `type=registry,ref=${ECR}/app-lambda-light:buildcache-api,mode=max,image-manifest=true,oci-mediatypes=true`,
    ]);
    expect(cacheFlags('registry', { ...scope, ecr: false }).to).toEqual([`type=registry,ref=${ECR}/app-lambda-light:buildcache-api,mode=max`]);
    expect(cacheFlags('gha', scope)).toEqual({ from: ['type=gha,scope=api'], to: ['type=gha,scope=api,mode=max'] });
    expect(cacheFlags('local', scope)).toEqual({ from: ['type=local,src=/c'], to: ['type=local,dest=/c-new,mode=max'] });
    expect(cacheFlags('none', scope)).toEqual({ from: [], to: [] });
    expect(cacheFlags('registry', scope, true)).toEqual({ from: [`type=registry,ref=${ECR}/app-lambda-light:buildcache-api`], to: [] });
  });

  test('sibling images sharing a repository get their own scope and cache reference', () => {
    const names = ['cloudtak-abc1234', 'events-abc1234', 'pmtiles-abc1234'].map((t) => cacheName('cloudtak', t));
    expect(names).toEqual(['cloudtak', 'events', 'pmtiles']);
    const refs = names.map((name) => registryCacheRef({ ...scope, repository: `${ECR}/cloudtak`, name }));
    expect(new Set(refs).size).toBe(3);
    const gha = names.map((name) => cacheFlags('gha', { ...scope, name }).to[0]);
    expect(new Set(gha).size).toBe(3);
    expect(cacheName('team/app', 'v1.2.3')).toBe('app');
    expect(prefixOfTag('media-mtx-0f3a9c1')).toBe('media-mtx');
    expect(prefixOfTag('v1')).toBe('');
  });

  test('which builders export caches', () => {
    expect(exportsCache({ driver: 'docker', containerdStore: false })).toBe(false);
    expect(exportsCache({ driver: 'docker', containerdStore: true })).toBe(true);
    expect(exportsCache({ driver: 'docker-container', containerdStore: false })).toBe(true);
  });
});

test('OCI labels: user labels win', () => {
  expect(ociLabels([{ key: 'org.opencontainers.image.source', value: 'mine' }], 'sha', 'https://x')).toEqual([
    { key: 'org.opencontainers.image.source', value: 'mine' },
    { key: 'org.opencontainers.image.revision', value: 'sha' },
  ]);
});

test('secret-envs: id=ENV_VAR lines, named in errors', () => {
  expect(parseSecretEnvs('secret-envs', [{ key: 'npm', value: 'NPM_TOKEN' }])).toEqual([{ id: 'npm', env: 'NPM_TOKEN' }]);
  expect(() => parseSecretEnvs('secret-envs', [{ key: 'npm', value: 'not a var' }])).toThrow(/secret-envs.*environment variable name/);
});

describe('repositories', () => {
  test('tag mutability and KMS keys are validated with the accepted forms', () => {
    expect(parseTagMutability('tag-mutability', '')).toBe('MUTABLE');
    expect(parseTagMutability('tag-mutability', 'immutable-with-exclusion')).toBe('IMMUTABLE_WITH_EXCLUSION');
    expect(() => parseTagMutability('tag-mutability', 'frozen')).toThrow(/tag-mutability.*MUTABLE, IMMUTABLE or IMMUTABLE_WITH_EXCLUSION/);
    expect(validateKmsKey('kms-key', 'alias/ecr')).toBe('alias/ecr');
    expect(validateKmsKey('kms-key', 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab')).toMatch(/^arn:/);
    expect(() => validateKmsKey('kms-key', 'my key')).toThrow(/kms-key/);
  });

  test('aliases excluded from immutability as wildcards every sibling shares', () => {
    expect(mutableTagFilters('api', ['api-latest', 'api-stable'])).toEqual(['*-latest', '*-stable']);
    expect(mutableTagFilters('', ['latest'])).toEqual(['latest']);
  });

  test('lifecycle: newest N per image prefix, untagged after a day', () => {
    const p = lifecyclePolicy(['enhance', 'api', 'api'], 5);
    expect(p.rules.map((r) => r.rulePriority)).toEqual([1, 2, 3]);
    expect(p.rules[0]?.selection).toEqual({ tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 1 });
    expect(p.rules.slice(1).map((r) => r.selection.tagPrefixList)).toEqual([['api-'], ['enhance-']]);
    expect(p.rules.slice(1).every((r) => r.selection.countType === 'imageCountMoreThan' && r.selection.countNumber === 5)).toBe(true);
    expect(lifecyclePolicy([''], 10).rules[1]?.selection.tagPatternList).toEqual(['*']);
    expect(() => lifecyclePolicy(['api'], 0)).toThrow(RangeError);
  });
});
