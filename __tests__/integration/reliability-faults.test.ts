// Reliability: each fault ends in a retried success or one clear error naming the cause, never a
// stack trace. AWS faults go to a private stand-in (not the shared one), so they disturb no one.
import { GitFixture } from './git-fixture.js';
import { type PrivateStandin, freePort, jestObject, pathOnly, privateStandin, stackTrace } from './reliability-kit.js';
import { NODES, runStep, type StepResult } from './runner.js';
import { actionEnv, dockerConfig, tb, unique } from './testbed.js';

jestObject.setTimeout(180000);

const NODE24 = NODES[1]?.[1] as string;
let aws: PrivateStandin;

beforeAll(async () => {
  aws = await privateStandin();
});
afterAll(() => aws.stop());
beforeEach(() => aws.reset());

const env = (extra: Record<string, string | undefined> = {}) => actionEnv(dockerConfig(), { ...aws.env, ...extra });
const exists = (image: string, extra: Record<string, string | undefined> = {}, inputs: Record<string, string> = {}) =>
  runStep('actions/image-exists', { node: NODE24, env: env(extra), inputs: { image, ...inputs } });
const login = (extra: Record<string, string | undefined> = {}) => runStep('actions/ecr-login', { node: NODE24, env: env(extra) });

/** Failed with one ::error:: line, and no stack trace anywhere. */
function failedClearly(r: StepResult): string {
  expect(r.code).toBe(1);
  expect(r.errors.length).toBeGreaterThanOrEqual(1);
  expect(stackTrace(r)).toBeUndefined();
  return r.errors.join('\n');
}

function service(): GitFixture {
  const ws = new GitFixture().write({ Dockerfile: 'FROM scratch\nCOPY a.txt /a.txt\n', 'a.txt': `${unique('c')}\n` });
  ws.commit('one');
  return ws;
}

describe('AWS API faults', () => {
  test('a 5xx is retried to success', async () => {
    await aws.faults([{ op: 'ecr.BatchGetImage', code: 'ServerException', status: 500, count: 1 }]);
    const r = exists(`${tb.ecrHost}/app:${unique('none')}`);
    expect(r.errors).toEqual([]);
    expect(r.outputs.exists).toBe('false');
    expect((await aws.calls())['ecr.BatchGetImage']).toBe(2);
  });

  test('throttling is retried to success', async () => {
    await aws.faults([{ op: 'ecr.GetAuthorizationToken', code: 'ThrottlingException', status: 400, count: 2 }]);
    const r = login();
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect((await aws.calls())['ecr.GetAuthorizationToken']).toBe(3);
  });

  test('a persistent 5xx fails with the API error after the retries', async () => {
    await aws.faults([{ op: 'ecr.BatchGetImage', code: 'ServiceUnavailableException', status: 503, count: -1 }]);
    const msg = failedClearly(exists(`${tb.ecrHost}/app:x`, { AWS_MAX_ATTEMPTS: '2' }));
    expect(msg).toMatch(/ecr:BatchGetImage on app failed: ServiceUnavailableException/);
    expect((await aws.calls())['ecr.BatchGetImage']).toBe(2);
  });

  test('AccessDenied names the IAM action, for the check and for the login', () => {
    expect(failedClearly(exists(`${tb.ecrHost}/app:x`, { AWS_ACCESS_KEY_ID: 'DENIEDKEY' }))).toMatch(/the role needs ecr:BatchGetImage/);
    expect(failedClearly(login({ AWS_ACCESS_KEY_ID: 'DENIEDKEY' }))).toMatch(/the role needs ecr:GetAuthorizationToken/);
  });

  test('AccessDenied on the root action names the IAM action', () => {
    const ws = service();
    const r = runStep('.', { node: NODE24, cwd: ws.dir, env: env({ AWS_ACCESS_KEY_ID: 'DENIEDKEY' }), inputs: { repository: 'app', account: '123456789012' } });
    expect(failedClearly(r)).toMatch(/the role needs ecr:(BatchGetImage|GetAuthorizationToken)/);
  });

  test('RepositoryNotFound says the repository does not exist', () => {
    const repo = unique('nowhere');
    const msg = failedClearly(exists(`${tb.ecrHost}/${repo}:x`));
    expect(msg).toMatch(new RegExp(`${repo}.*the repository does not exist`));
  });

  test('malformed API JSON is an error naming the call, not a crash', async () => {
    await aws.faults([{ op: 'ecr.BatchGetImage', body: '{not json', status: 200, count: -1 }]);
    expect(failedClearly(exists(`${tb.ecrHost}/app:x`, { AWS_MAX_ATTEMPTS: '2' }))).toMatch(/ecr:BatchGetImage on app/);
    await aws.faults([{ op: 'ecr.GetAuthorizationToken', body: '<html>bad gateway</html>', status: 502, count: -1 }]);
    expect(failedClearly(login({ AWS_MAX_ATTEMPTS: '2' }))).toMatch(/ecr:GetAuthorizationToken in us-east-1/);
  });

  test('the AWS API refusing connections names the host and the cause', async () => {
    const dead = await freePort();
    const msg = failedClearly(login({ AWS_ENDPOINT_URL_ECR: `http://127.0.0.1:${dead}`, AWS_MAX_ATTEMPTS: '2' }));
    expect(msg).toMatch(/ecr:GetAuthorizationToken/);
    expect(msg).toMatch(new RegExp(`127\\.0\\.0\\.1:${dead}`));
    expect(msg).toMatch(/connection refused/i);
  });
});

describe('registry and docker faults', () => {
  test('a registry refusing connections: the check names the host and the cause', async () => {
    const dead = await freePort();
    const msg = failedClearly(exists(`127.0.0.1:${dead}/team/app:v1`, {}, { username: 'ci', password: 'ci-secret' }));
    expect(msg).toMatch(new RegExp(`127\\.0\\.0\\.1:${dead}`));
    expect(msg).toMatch(/connection refused/i);
  });

  test('a registry down during the push: build-push fails naming the registry, with no digest', async () => {
    const dead = await freePort();
    const ws = service();
    const r = runStep('actions/build-push', {
      node: NODE24,
      cwd: ws.dir,
      env: actionEnv(dockerConfig({ [`127.0.0.1:${dead}`]: tb.ociAuth })),
      inputs: { image: `127.0.0.1:${dead}/team/app:v1`, 'skip-if-exists': 'false' },
    });
    expect(failedClearly(r)).toMatch(new RegExp(`127\\.0\\.0\\.1:${dead}`));
    expect(r.outputs.digest ?? '').toBe('');
  });

  test('dockerd down (DOCKER_HOST at a dead socket): a clear error about the daemon', () => {
    const ws = service();
    const r = runStep('actions/build-push', {
      node: NODE24,
      cwd: ws.dir,
      env: actionEnv(dockerConfig({ [tb.ociHost]: tb.ociAuth }), { DOCKER_HOST: 'unix:///tmp/ensure-image-no-such-dockerd.sock' }),
      inputs: { image: `${tb.ociHost}/team/${unique('dead')}:v1`, 'skip-if-exists': 'false' },
    });
    const msg = failedClearly(r);
    expect(msg).toMatch(/docker/i);
    expect(msg).toMatch(/daemon|ensure-image-no-such-dockerd\.sock/i);
    expect(r.outputs.digest ?? '').toBe('');
  });

  test('docker missing from PATH: each docker-using action says so', () => {
    const ws = service();
    const PATH = pathOnly();
    const root = runStep('.', { node: NODE24, cwd: ws.dir, env: env({ PATH }), inputs: { repository: 'app', account: '123456789012' } });
    expect(failedClearly(root)).toMatch(/docker is not installed or not on PATH/);
    const bp = runStep('actions/build-push', {
      node: NODE24,
      cwd: ws.dir,
      env: env({ PATH }),
      inputs: { image: `${tb.ociHost}/team/x:v1`, 'skip-if-exists': 'false' },
    });
    expect(failedClearly(bp)).toMatch(/docker is not installed or not on PATH/);
    expect(failedClearly(login({ PATH }))).toMatch(/docker is not installed or not on PATH/);
  });
});
