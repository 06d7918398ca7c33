import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BatchedGit,
  parseStatus,
  CredentialsError,
  PermissionError,
  RepositoryNotFoundError,
  dockerConfigCredentials,
  explainAwsError,
  parseChallenge,
  isLoopback,
} from '../src/index.js';

test.each([
  [
    'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:o/x:pull"',
    'bearer',
    { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:o/x:pull' },
  ],
  ['Basic realm="Registry Realm"', 'basic', { realm: 'Registry Realm' }],
  ['bearer realm=https://x/t, service=x', 'bearer', { realm: 'https://x/t', service: 'x' }],
  ['Bearer realm="a\\"b"', 'bearer', { realm: 'a"b' }],
])('parseChallenge(%s)', (header, scheme, params) => {
  expect(parseChallenge(header)).toEqual({ scheme, params });
});

test('parseChallenge of nothing', () => {
  expect(parseChallenge(null)).toBeUndefined();
  expect(parseChallenge('')).toBeUndefined();
});

test.each([
  ['localhost:5000', true],
  ['127.0.0.1:5000', true],
  ['[::1]:5000', true],
  ['ghcr.io', false],
  ['localhost.example.com', false],
])('isLoopback(%s) = %s', (host, loopback) => {
  expect(isLoopback(host)).toBe(loopback);
});

test('docker config credentials: auth field, https:// keys, Docker Hub aliases', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
  const b64 = (s: string): string => Buffer.from(s).toString('base64');
  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify({
      auths: { 'ghcr.io': { auth: b64('u:p:with:colons') }, 'https://index.docker.io/v1/': { auth: b64('hub:pw') }, 'https://r.io': { auth: b64('r:pw') } },
    }),
  );
  const env = { DOCKER_CONFIG: dir };
  expect(await dockerConfigCredentials('ghcr.io', env)).toEqual({ username: 'u', password: 'p:with:colons' });
  expect(await dockerConfigCredentials('registry-1.docker.io', env)).toEqual({ username: 'hub', password: 'pw' });
  expect(await dockerConfigCredentials('r.io', env)).toEqual({ username: 'r', password: 'pw' });
  expect(await dockerConfigCredentials('none.io', env)).toBeUndefined();
  expect(await dockerConfigCredentials('ghcr.io', { DOCKER_CONFIG: '/nonexistent' })).toBeUndefined();
});

test('AWS errors say what to do', () => {
  const denied = explainAwsError({ name: 'AccessDeniedException', message: 'no' }, 'ecr:BatchGetImage', 'check');
  expect(denied).toBeInstanceOf(PermissionError);
  expect(denied.message).toMatch(/needs ecr:BatchGetImage/);
  expect(explainAwsError({ name: 'RepositoryNotFoundException', message: 'x' }, 'a', 'b')).toBeInstanceOf(RepositoryNotFoundError);
  expect(explainAwsError({ name: 'CredentialsProviderError', message: 'Could not load credentials from any providers' }, 'a', 'b')).toBeInstanceOf(
    CredentialsError,
  );
  expect(explainAwsError({ name: 'ExpiredTokenException', message: 'x' }, 'a', 'b')).toBeInstanceOf(CredentialsError);
  expect(explainAwsError({ name: 'ServerException', message: 'boom' }, 'a', 'b').message).toBe('b failed: ServerException: boom');
});

describe('BatchedGit', () => {
  class CountingGit {
    calls: string[][] = [];
    constructor(private readonly ids: Record<string, string>) {}
    async revParse(_cwd: string, revs: readonly string[]): Promise<string[]> {
      this.calls.push([...revs]);
      return revs.map((r) => {
        const id = this.ids[r];
        if (!id) throw new Error(`unknown revision ${r}`);
        return id;
      });
    }
  }
  test('one process for everything asked in the same tick, duplicates asked once', async () => {
    const inner = new CountingGit({ HEAD: 'h', 'HEAD:./a': 'a', 'HEAD:./b': 'b' });
    const git = new BatchedGit(inner);
    const answers = await Promise.all([git.revParse('/ws', ['HEAD', 'HEAD:./a']), git.revParse('/ws', ['HEAD', 'HEAD:./b']), git.revParse('/ws', ['HEAD'])]);
    expect(answers).toEqual([['h', 'a'], ['h', 'b'], ['h']]);
    expect(inner.calls).toEqual([['HEAD', 'HEAD:./a', 'HEAD:./b']]);
  });
  test('a bad revision fails only the caller that asked for it', async () => {
    const git = new BatchedGit(new CountingGit({ HEAD: 'h' }));
    const [good, bad] = await Promise.allSettled([git.revParse('/ws', ['HEAD']), git.revParse('/ws', ['HEAD:./missing'])]);
    expect(good).toEqual({ status: 'fulfilled', value: ['h'] });
    expect(bad.status).toBe('rejected');
  });
});

describe('docker output, read by the adapter that runs docker', () => {
  test('buildx inspect and docker info: driver and image store', async () => {
    const { parseBuilderInfo, digestFromPush, isImmutableTagRefusal } = await import('../src/docker/output.js');
    expect(parseBuilderInfo('Name:   default\nDriver: docker\n\nNodes:\n', '[["Backing Filesystem","extfs"]]')).toEqual({
      driver: 'docker',
      containerdStore: false,
    });
    expect(parseBuilderInfo('Name: ci\nDriver: docker-container\n', '')).toEqual({ driver: 'docker-container', containerdStore: false });
    expect(parseBuilderInfo('Driver: docker\n', '[["driver-type","io.containerd.snapshotter.v1"]]').containerdStore).toBe(true);
    const D = `sha256:${'d'.repeat(64)}`;
    expect(digestFromPush(`v1: digest: ${D} size: 1`)).toBe(D);
    expect(digestFromPush('nothing')).toBeUndefined();
    expect(
      isImmutableTagRefusal(
        "tag invalid: The image tag 'x' already exists in the 'y' repository and cannot be overwritten because the repository is immutable.",
      ),
    ).toBe(true);
    expect(isImmutableTagRefusal('denied: requested access to the resource is denied')).toBe(false);
  });
});

describe('network failures name the host and the cause', () => {
  test('fetch causes', async () => {
    const { asNetworkError, networkCause } = await import('../src/errors.js');
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:65000'), { code: 'ECONNREFUSED' }),
    });
    expect(asNetworkError(refused, '127.0.0.1:65000')?.message).toBe('cannot reach 127.0.0.1:65000: connection refused');
    expect(networkCause(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND nope.example' } }))).toBe(
      'name not found (DNS)',
    );
    expect(networkCause(Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }))).toBe('timed out');
    expect(
      networkCause(
        Object.assign(new TypeError('fetch failed'), { cause: { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', message: 'unable to verify the first certificate' } }),
      ),
    ).toMatch(/^TLS failed: /);
    expect(networkCause(new Error('HTTP 500'))).toBeUndefined();
  });

  test('an unreachable registry is a NetworkError naming it, not "fetch failed"', async () => {
    const { HttpRegistry, NetworkError } = await import('../src/index.js');
    const r = new HttpRegistry({}, 2000);
    await expect(r.headManifest({ host: '127.0.0.1:65000', name: 'app', reference: 'v1' })).rejects.toThrow(NetworkError);
    await expect(r.headManifest({ host: '127.0.0.1:65000', name: 'app', reference: 'v1' })).rejects.toThrow('cannot reach 127.0.0.1:65000: connection refused');
  });

  test('AWS SDK connection failures say which API could not be reached', () => {
    const e = explainAwsError(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED' }),
      'ecr:BatchGetImage',
      'ecr:BatchGetImage on app',
    );
    expect(e.message).toBe('ecr:BatchGetImage on app: cannot reach the AWS API: connection refused (connect ECONNREFUSED 127.0.0.1:4566)');
  });
});

describe('parseStatus (git status --porcelain -z)', () => {
  test('modified, staged, deleted and untracked entries under the workspace, made workspace-relative', () => {
    const out = [' M sub/a/f', 'M  sub/staged', ' D sub/gone', 'D  sub/removed', '?? sub/new file', ' M other/x', ''].join('\0');
    expect(parseStatus(out, 'sub/')).toEqual([
      { path: 'a/f', deleted: false },
      { path: 'staged', deleted: false },
      { path: 'gone', deleted: true },
      { path: 'removed', deleted: true },
      { path: 'new file', deleted: false },
    ]);
    expect(parseStatus('', '')).toEqual([]);
  });
});
