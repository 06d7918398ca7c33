import { NODES, runStep } from './runner.js';
import { actionEnv, dockerConfig, pushRandomImage, registryDigest, standin, tb, unique } from './testbed.js';

const DIR = 'actions/image-exists';

beforeEach(() => standin.reset());

describe.each(NODES)('image-exists bundle under %s', (_label, node) => {
  test('ECR by convention: account from STS, one BatchGetImage, digest from the registry', async () => {
    const tag = unique('app');
    const env = actionEnv(dockerConfig());
    const before = runStep(DIR, { node, env, inputs: { repository: 'app', tag } });
    expect(before.errors).toEqual([]);
    expect(before.outputs).toMatchObject({ exists: 'false', digest: '', 'image-digest': '', image: `${tb.ecrHost}/app:${tag}` });

    const pushed = await pushRandomImage(tb.ecrHost, 'app', tag, tb.ecrAuth);
    await standin.reset();
    const after = runStep(DIR, { node, env, inputs: { repository: 'app', tag } });
    expect(after.outputs.exists).toBe('true');
    expect(after.outputs.digest).toBe(pushed);
    expect(after.outputs.digest).toBe(await registryDigest(tb.ecrHost, 'app', tag, tb.ecrAuth));
    expect(after.outputs['image-digest']).toBe(`${tb.ecrHost}/app@${pushed}`);
    expect(await standin.calls()).toEqual({ 'sts.GetCallerIdentity': 1, 'ecr.BatchGetImage': 1 });
    expect(after.summary).toContain('Image exists?');
  });

  test('ECR by full image reference makes no STS call', async () => {
    const r = runStep(DIR, { node, env: actionEnv(dockerConfig()), inputs: { image: `${tb.ecrHost}/app:${unique('none')}` } });
    expect(r.outputs.exists).toBe('false');
    expect(await standin.calls()).toEqual({ 'ecr.BatchGetImage': 1 });
  });

  test('a missing ECR repository is an error that says so, or absent when asked', () => {
    const env = actionEnv(dockerConfig());
    const err = runStep(DIR, { node, env, inputs: { registry: tb.ecrHost, repository: 'no-such-repo', tag: 'v1' } });
    expect(err.code).toBe(1);
    expect(err.errors.join('\n')).toMatch(/the repository does not exist.*missing-repository/);
    const absent = runStep(DIR, { node, env, inputs: { registry: tb.ecrHost, repository: 'no-such-repo', tag: 'v1', 'missing-repository': 'absent' } });
    expect(absent.code).toBe(0);
    expect(absent.outputs.exists).toBe('false');
  });

  test('AccessDenied names ecr:BatchGetImage; throttling is retried', async () => {
    const denied = runStep(DIR, { node, env: actionEnv(dockerConfig(), { AWS_ACCESS_KEY_ID: 'DENIEDKEY' }), inputs: { image: `${tb.ecrHost}/app:x` } });
    expect(denied.errors.join('\n')).toMatch(/the role needs ecr:BatchGetImage/);
    await standin.reset();
    await standin.faults([{ op: 'ecr.BatchGetImage', code: 'ThrottlingException', count: 2 }]);
    const ok = runStep(DIR, { node, env: actionEnv(dockerConfig()), inputs: { image: `${tb.ecrHost}/app:x` } });
    expect(ok.code).toBe(0);
    expect((await standin.calls())['ecr.BatchGetImage']).toBe(3);
  });

  test('any registry with Basic auth: credentials from inputs or from the docker login', async () => {
    const name = `team/${unique('svc')}`;
    const digest = await pushRandomImage(tb.ociHost, name, 'v1', tb.ociAuth);
    const explicit = runStep(DIR, { node, env: actionEnv(dockerConfig()), inputs: { image: `${tb.ociHost}/${name}:v1`, ...tb.ociAuth } });
    expect(explicit.errors).toEqual([]);
    expect(explicit.outputs).toMatchObject({ exists: 'true', digest, 'image-digest': `${tb.ociHost}/${name}@${digest}` });
    expect(explicit.stdout).toContain('::add-mask::ci-secret');

    const fromConfig = runStep(DIR, {
      node,
      env: actionEnv(dockerConfig({ [tb.ociHost]: tb.ociAuth })),
      inputs: { registry: tb.ociHost, repository: name, tag: 'v2' },
    });
    expect(fromConfig.outputs.exists).toBe('false');

    const anonymous = runStep(DIR, { node, env: actionEnv(dockerConfig()), inputs: { image: `${tb.ociHost}/${name}:v1` } });
    expect(anonymous.code).toBe(1);
    expect(anonymous.errors.join('\n')).toMatch(/needs credentials \(Basic auth\)/);
  });

  test('a loopback registry is asked over TLS first, like docker does (plain HTTP after)', async () => {
    const tag = unique('tls');
    const digest = await pushRandomImage(tb.ecrHost, 'app', tag, tb.ecrAuth);
    const r = runStep(DIR, { node, env: actionEnv(dockerConfig()), inputs: { image: `127.0.0.1:443/app:${tag}`, ...tb.ecrAuth } });
    expect(r.errors).toEqual([]);
    expect(r.outputs).toMatchObject({ exists: 'true', digest });
  });

  test('a registry with the Bearer token challenge', async () => {
    const name = unique('bearer');
    const digest = await pushRandomImage(tb.bearerHost, name, 'v1', tb.ociAuth);
    const r = runStep(DIR, { node, env: actionEnv(dockerConfig()), inputs: { image: `${tb.bearerHost}/${name}:v1`, ...tb.ociAuth } });
    expect(r.errors).toEqual([]);
    expect(r.outputs.digest).toBe(digest);
    const wrong = runStep(DIR, { node, env: actionEnv(dockerConfig()), inputs: { image: `${tb.bearerHost}/${name}:v1`, username: 'ci', password: 'nope' } });
    expect(wrong.errors.join('\n')).toMatch(/token service refused the credentials/);
    const byDigest = runStep(DIR, { node, env: actionEnv(dockerConfig()), inputs: { image: `${tb.bearerHost}/${name}@${digest}`, ...tb.ociAuth } });
    expect(byDigest.outputs.exists).toBe('true');
  });

  test('input errors name the input', () => {
    const env = actionEnv(dockerConfig());
    const cases: [Record<string, string>, RegExp][] = [
      [{}, /Input "repository": required unless image is given/],
      [{ image: 'a:b', repository: 'c' }, /Input "image": give either/],
      [{ image: 'Bad/Name' }, /Input "image":/],
      [{ image: `${tb.ociHost}/x:y`, username: 'u' }, /Input "password": username and password go together/],
      [{ repository: 'app', tag: 'v1', account: '12' }, /Input "account"/],
    ];
    for (const [inputs, message] of cases) {
      const r = runStep(DIR, { node, env, inputs });
      expect(r.code).toBe(1);
      expect(r.errors.join('\n')).toMatch(message);
    }
  });
});
