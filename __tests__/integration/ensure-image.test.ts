// End to end: the committed root bundle on a real Docker engine, a real registry behind an
// ECR-shaped TLS host name, and the ECR/STS stand-in.
import { GitFixture } from './git-fixture.js';
import { NODES, runStep } from './runner.js';
import { actionEnv, dockerConfig, dockerSpy, registryDigest, standin, tb, unique } from './testbed.js';

const NODE24 = NODES[1]?.[1] as string;

function service(name: string): GitFixture {
  return new GitFixture().write({
    'svc/Dockerfile': 'FROM scratch\nARG CMD_TARGET=none\nCOPY app.txt /app.txt\nLABEL target=$CMD_TARGET\n',
    'svc/app.txt': `${name} ${unique('v')}\n`,
    'docs/README.md': 'docs\n',
  });
}

function ensure(ws: GitFixture, inputs: Record<string, string>, spy = dockerSpy(), cfg = dockerConfig()) {
  const r = runStep('.', { node: NODE24, cwd: ws.dir, env: actionEnv(cfg, { PATH: spy.path }), inputs });
  return { ...r, docker: spy.commands(), cfg };
}

beforeEach(() => standin.reset());

describe('ensure-image (root bundle, Node 24)', () => {
  test('first run builds and pushes, second run skips with the same digest and no build', async () => {
    const repo = 'cloudtak';
    const ws = service(repo);
    const sha = ws.commit('one');
    const inputs = { repository: repo, context: 'svc', 'build-args': 'CMD_TARGET=media-lambda' };

    const first = ensure(ws, inputs);
    expect(first.errors).toEqual([]);
    const tag = `cloudtak-${sha.slice(0, 7)}`;
    expect(first.outputs).toMatchObject({ tag, built: 'true', exists: 'false', image: `${tb.ecrHost}/${repo}:${tag}` });
    const inRegistry = await registryDigest(tb.ecrHost, repo, tag, tb.ecrAuth);
    expect(first.outputs.digest).toBe(inRegistry);
    expect(first.outputs['image-digest']).toBe(`${tb.ecrHost}/${repo}@${inRegistry}`);
    expect(first.outputs['cdk-args']).toBe(`--context usePreBuiltImages=true --context cloudtakImageTag=${tag}`);
    expect(first.docker.some((c) => c.startsWith('build '))).toBe(true);
    expect(first.docker.some((c) => c.includes('--build-arg CMD_TARGET=media-lambda'))).toBe(true);
    expect(first.docker.filter((c) => c.startsWith('push '))).toEqual([`push ${tb.ecrHost}/${repo}:${tag}`]);
    expect(first.summary).toMatch(/built and pushed/);
    expect(first.summary).toMatch(/check and build \(s\)/);

    // The post step logs out of what the main step logged in to.
    const post = runStep('.', { node: NODE24, cwd: ws.dir, env: actionEnv(first.cfg), state: first.state });
    expect(post.stdout).toContain(`Logged out of ${tb.ecrHost}`);

    await standin.reset();
    const second = ensure(ws, inputs);
    expect(second.errors).toEqual([]);
    expect(second.outputs).toMatchObject({ tag, built: 'false', exists: 'true', digest: inRegistry });
    expect(second.docker.filter((c) => c.startsWith('build ') || c.startsWith('push ') || c.startsWith('buildx build'))).toEqual([]);
    expect(second.summary).toMatch(/existed: build skipped/);
    expect(await standin.calls()).toEqual({ 'sts.GetCallerIdentity': 1, 'ecr.GetAuthorizationToken': 1, 'ecr.BatchGetImage': 1 });
  });

  test('tag-source tree: an unchanged build input skips on a new commit, a changed one builds again', () => {
    const ws = service('events');
    ws.commit('one');
    const inputs = { repository: 'events', context: 'svc', 'tag-source': 'tree', account: '123456789012' };
    const first = ensure(ws, inputs);
    expect(first.outputs.built).toBe('true');

    ws.write({ 'docs/README.md': 'more docs\n' }).commit('docs only');
    const unchanged = ensure(ws, inputs);
    expect(unchanged.outputs).toMatchObject({ tag: first.outputs.tag, built: 'false', digest: first.outputs.digest });
    expect(unchanged.docker.some((c) => c.startsWith('build '))).toBe(false);

    ws.write({ 'svc/app.txt': `${unique('changed')}\n` }).commit('code');
    const changed = ensure(ws, inputs);
    expect(changed.outputs.built).toBe('true');
    expect(changed.outputs.tag).not.toBe(first.outputs.tag);
    expect(changed.outputs.digest).not.toBe(first.outputs.digest);
  });

  test('a failing Dockerfile fails the step with the build error and pushes nothing', async () => {
    const ws = service('app');
    ws.write({ 'svc/Dockerfile': 'FROM scratch\nCOPY does-not-exist.txt /x\n' });
    const sha = ws.commit('broken');
    const prefix = unique('broken');
    const r = ensure(ws, { repository: 'app', context: 'svc', prefix });
    expect(r.code).toBe(1);
    expect(r.errors.join('\n')).toMatch(/docker build failed[\s\S]*does-not-exist\.txt/);
    expect(r.docker.some((c) => c.startsWith('push '))).toBe(false);
    expect(await registryDigest(tb.ecrHost, 'app', `${prefix}-${sha.slice(0, 7)}`, tb.ecrAuth)).toBeUndefined();
  });

  test('force-build builds although the tag exists; aliases are pushed too', () => {
    const ws = service('app');
    ws.commit('one');
    const prefix = unique('api');
    const first = ensure(ws, { repository: 'app', context: 'svc', prefix, aliases: 'latest' });
    expect(first.docker.filter((c) => c.startsWith('push ')).map((c) => c.split(':').pop())).toEqual([first.outputs.tag?.split(':').pop(), `${prefix}-latest`]);
    const forced = ensure(ws, { repository: 'app', context: 'svc', prefix, 'force-build': 'true' });
    expect(forced.outputs.built).toBe('true');
    expect(forced.outputs.exists).toBe('false');
  });

  test('ECR Public: logs in with the public token, builds once, then skips', async () => {
    const ws = service('thumb');
    ws.commit('one');
    const prefix = unique('thumb');
    const inputs = { registry: 'public.ecr.aws', repository: 'alias/lambda-heavy', context: 'svc', prefix };
    const first = ensure(ws, inputs);
    expect(first.errors).toEqual([]);
    expect(first.outputs.built).toBe('true');
    expect(first.outputs.image).toMatch(/^public\.ecr\.aws\/alias\/lambda-heavy:thumb-/);
    expect(first.outputs['cdk-args']).toContain('--context lambdaHeavyImageTag=');
    expect(await standin.calls()).toEqual({ 'ecr-public.GetAuthorizationToken': 1 });
    const second = ensure(ws, inputs, dockerSpy(), first.cfg);
    expect(second.outputs).toMatchObject({ built: 'false', digest: first.outputs.digest });
  });

  test('a plain registry with username/password instead of ECR', async () => {
    const ws = service('svc');
    ws.commit('one');
    const repo = `team/${unique('svc')}`;
    const r = ensure(ws, { repository: repo, registry: tb.ociHost, context: 'svc', username: tb.ociAuth.username, password: tb.ociAuth.password });
    expect(r.errors).toEqual([]);
    expect(r.outputs.built).toBe('true');
    expect(r.outputs.digest).toBe(await registryDigest(tb.ociHost, repo, r.outputs.tag as string, tb.ociAuth));
    expect(r.stdout).toContain('::add-mask::ci-secret');
    expect(await standin.calls()).toEqual({});
  });

  test('bad inputs are named before anything runs', () => {
    const ws = service('x');
    ws.commit('one');
    const cases: [Record<string, string>, RegExp][] = [
      [{}, /Input "repository": required/],
      [{ repository: 'app', context: 'nope' }, /Input "context": "nope" does not exist/],
      [{ repository: 'app', context: 'svc', 'force-build': 'maybe' }, /Input "force-build": expected true or false/],
      [{ repository: 'app', context: 'svc', 'build-args': 'JUSTAKEY' }, /Input "build-args": line 1 must be key=value/],
      [{ repository: 'app', context: 'svc', cache: 'redis' }, /Input "cache": expected one of auto, gha, registry, local, none/],
    ];
    for (const [inputs, message] of cases) {
      const r = ensure(ws, inputs);
      expect(r.code).toBe(1);
      expect(r.errors.join('\n')).toMatch(message);
      expect(r.docker).toEqual([]);
    }
  });
});
