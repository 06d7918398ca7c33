import { NODES, runStep } from './runner.js';
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
