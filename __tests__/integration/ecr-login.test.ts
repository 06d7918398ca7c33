import * as http from 'node:http';
import * as net from 'node:net';
import { NODES, runStep, runStepAsync } from './runner.js';
import { actionEnv, dockerAuths, dockerConfig, standin, tb } from './testbed.js';

const DIR = 'actions/ecr-login';

beforeEach(() => standin.reset());

describe.each(NODES)('ecr-login bundle under %s', (_label, node) => {
  test('default registry: logs in with a masked password, post step logs out', async () => {
    const cfg = dockerConfig();
    const r = runStep(DIR, { node, env: actionEnv(cfg) });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.outputs.registry).toBe(tb.ecrHost);
    expect(r.outputs.registries).toBe(tb.ecrHost);
    expect(dockerAuths(cfg)).toContain(tb.ecrHost);
    // The password is masked before anything else prints it, and appears nowhere else.
    const lines = r.stdout.split('\n');
    expect(lines.findIndex((l) => l === '::add-mask::ecr-secret')).toBe(0);
    expect(lines.filter((l) => l.includes('ecr-secret'))).toEqual(['::add-mask::ecr-secret']);
    expect(r.outputs['docker-password']).toBe('');
    expect(await standin.calls()).toEqual({ 'ecr.GetAuthorizationToken': 1 });

    const post = runStep(DIR, { node, env: actionEnv(cfg), state: r.state });
    expect(post.errors).toEqual([]);
    expect(post.stdout).toContain(`Logged out of ${tb.ecrHost}`);
    expect(dockerAuths(cfg)).not.toContain(tb.ecrHost);
  });

  test('cross-account and ECR Public in one step, one token call each', async () => {
    const cfg = dockerConfig();
    const other = '210987654321.dkr.ecr.us-east-1.amazonaws.com';
    const r = runStep(DIR, { node, env: actionEnv(cfg), inputs: { registries: `123456789012\n${other}, public.ecr.aws` } });
    expect(r.errors).toEqual([]);
    expect(r.outputs.registries).toBe(`${tb.ecrHost},${other},public.ecr.aws`);
    expect(dockerAuths(cfg).sort()).toEqual([tb.ecrHost, other, 'public.ecr.aws'].sort());
    expect(await standin.calls()).toEqual({ 'ecr.GetAuthorizationToken': 1, 'ecr-public.GetAuthorizationToken': 1 });
  });

  test('skip-logout leaves nothing for the post step', () => {
    const cfg = dockerConfig();
    const r = runStep(DIR, { node, env: actionEnv(cfg), inputs: { 'skip-logout': 'true' } });
    expect(r.code).toBe(0);
    expect(r.state.registries).toBeUndefined();
    runStep(DIR, { node, env: actionEnv(cfg), state: r.state });
    expect(dockerAuths(cfg)).toContain(tb.ecrHost);
  });

  test('output-credentials with mask-password false hands the token on unmasked', () => {
    const r = runStep(DIR, { node, env: actionEnv(dockerConfig()), inputs: { 'output-credentials': 'true', 'mask-password': 'false' } });
    expect(r.code).toBe(0);
    expect(r.outputs['docker-username']).toBe('AWS');
    expect(r.outputs['docker-password']).toBe('ecr-secret');
    expect(r.stdout).not.toContain('::add-mask::');
  });

  test('AccessDenied names the IAM permission', () => {
    const r = runStep(DIR, { node, env: actionEnv(dockerConfig(), { AWS_ACCESS_KEY_ID: 'DENIEDKEY' }), inputs: { registries: 'public.ecr.aws' } });
    expect(r.code).toBe(1);
    expect(r.errors.join('\n')).toMatch(/ecr-public:GetAuthorizationToken and sts:GetServiceBearerToken/);
  });

  test('throttling is retried; a persistent 5xx fails with the API error', async () => {
    await standin.faults([{ op: 'ecr.GetAuthorizationToken', code: 'ThrottlingException', count: 1 }]);
    const ok = runStep(DIR, { node, env: actionEnv(dockerConfig()) });
    expect(ok.code).toBe(0);
    expect((await standin.calls())['ecr.GetAuthorizationToken']).toBe(2);

    await standin.faults([{ op: 'ecr.GetAuthorizationToken', code: 'ServerException', status: 500, count: -1 }]);
    const bad = runStep(DIR, { node, env: actionEnv(dockerConfig(), { AWS_MAX_ATTEMPTS: '2' }) });
    expect(bad.code).toBe(1);
    expect(bad.errors.join('\n')).toMatch(/ecr:GetAuthorizationToken in us-east-1 failed: ServerException/);
  });

  test('clear errors: no region, a non-ECR registry, no docker, a bad boolean', () => {
    const noRegion = runStep(DIR, { node, env: actionEnv(dockerConfig(), { AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined }) });
    expect(noRegion.errors.join('\n')).toMatch(/Input "region": no AWS region/);
    const ghcr = runStep(DIR, { node, env: actionEnv(dockerConfig()), inputs: { registries: 'ghcr.io' } });
    expect(ghcr.errors.join('\n')).toMatch(/Input "registries": "ghcr.io" is not an ECR registry/);
    const noDocker = runStep(DIR, { node, env: actionEnv(dockerConfig(), { PATH: '/nonexistent' }) });
    expect(noDocker.errors.join('\n')).toMatch(/docker is not installed or not on PATH/);
    const badBool = runStep(DIR, { node, env: actionEnv(dockerConfig()), inputs: { 'skip-logout': 'yes' } });
    expect(badBool.errors.join('\n')).toMatch(/Input "skip-logout": expected true or false, got "yes"/);
  });
});

describe('ecr-login: credentials and proxies', () => {
  test('no AWS credentials: says how to configure them', () => {
    const r = runStep(DIR, {
      env: actionEnv(dockerConfig(), {
        AWS_ACCESS_KEY_ID: undefined,
        AWS_SECRET_ACCESS_KEY: undefined,
        AWS_PROFILE: 'none',
        AWS_CONFIG_FILE: '/nonexistent',
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
        HOME: '/nonexistent',
      }),
    });
    expect(r.code).toBe(1);
    expect(r.errors.join('\n')).toMatch(/no AWS credentials found\. Configure them first \(aws-actions\/configure-aws-credentials/);
  });

  test('the AWS clients go through HTTP(S)_PROXY, and not for NO_PROXY hosts', async () => {
    const seen: string[] = [];
    const proxy = http.createServer();
    proxy.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
      seen.push(req.url ?? '');
      const [host, port] = (req.url ?? '').split(':');
      const upstream = net.connect(Number(port), host as string, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
    try {
      const via = await runStepAsync(DIR, { env: actionEnv(dockerConfig(), { HTTP_PROXY: url, HTTPS_PROXY: url, NO_PROXY: '' }) });
      expect(via.errors).toEqual([]);
      expect(seen).toContain('127.0.0.1:4566');
      seen.length = 0;
      const bypass = await runStepAsync(DIR, { env: actionEnv(dockerConfig(), { HTTP_PROXY: url, HTTPS_PROXY: url, NO_PROXY: '127.0.0.1' }) });
      expect(bypass.errors).toEqual([]);
      expect(seen).toEqual([]);
    } finally {
      proxy.close();
    }
  });
});
