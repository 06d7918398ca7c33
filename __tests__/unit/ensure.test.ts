// The all-in-one action as a plain function over the adapters' fakes: inputs read from an
// env as the runner gives them (only what a user sets), then ensureImage(request, deps).
import { FakeDirCache, FakeDocker, FakeEcr, FakeGit, FakeRegistry, MemoryLog } from '@ensure-image/adapters/fakes';
import { ensureImage as ensure } from '@ensure-image/steps';
import { readInputs } from '../../src/inputs.js';
import { inputEnv, workspaceDir } from './actions.js';

const SHA = 'abc1234def5678abc1234def5678abc1234def56';
const D = `sha256:${'d'.repeat(64)}`;
const ECR = '123456789012.dkr.ecr.us-east-1.amazonaws.com';

function setup(inputs: Record<string, string>, o: { git?: Record<string, string>; exists?: boolean } = {}) {
  const ws = workspaceDir();
  const env = { GITHUB_WORKSPACE: ws, AWS_REGION: 'us-east-1', RUNNER_TEMP: ws, ...inputEnv(inputs) };
  const ecr = new FakeEcr();
  ecr.repos.set('us-east-1/123456789012/cloudtak', new Map(o.exists ? [['cloudtak-abc1234', D]] : []));
  const docker = new FakeDocker();
  docker.digest = D;
  // What docker pushes to the ECR host lands in the fake ECR, as the registry would show it.
  docker.onPush = (ref, digest) => {
    const m = /^123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/(.+):(.+)$/.exec(ref);
    if (m) ecr.put('us-east-1', '123456789012', m[1] as string, m[2] as string, digest);
  };
  const logins: string[] = [];
  const log = new MemoryLog();
  const registry = new FakeRegistry();
  const deps = {
    git: new FakeGit(o.git ?? { HEAD: SHA }),
    ecr: async () => ecr,
    docker,
    registry,
    cache: new FakeDirCache(false),
    log,
    env,
    onLogin: (h: string) => logins.push(h),
  };
  return { i: readInputs(env), deps, ecr, docker, logins, log, registry };
}

test('the image exists: login, one BatchGetImage, no build; CDK args use the pre-built tag', async () => {
  const s = setup({ repository: 'cloudtak' }, { exists: true });
  const r = await ensure(s.i, s.deps);
  expect(r.outputs).toEqual({
    image: `${ECR}/cloudtak:cloudtak-abc1234`,
    tag: 'cloudtak-abc1234',
    id: 'abc1234',
    sha: SHA,
    tags: 'cloudtak-abc1234',
    digest: D,
    'image-digest': `${ECR}/cloudtak@${D}`,
    exists: true,
    built: false,
    'cdk-args': '--context usePreBuiltImages=true --context cloudtakImageTag=cloudtak-abc1234',
    'cdk-args-json': JSON.stringify(['--context', 'usePreBuiltImages=true', '--context', 'cloudtakImageTag=cloudtak-abc1234']),
    'use-prebuilt': true,
    // scan-gate off (the default): outputs say so, and no scan call is made (the calls below).
    'scan-status': 'off',
    findings: '',
    'scan-passed': '',
    platforms: '{}',
  });
  expect(s.ecr.calls).toEqual(['accountId us-east-1', 'privateTokens us-east-1 123456789012', 'findImages us-east-1 123456789012 cloudtak 1']);
  expect(s.docker.commands).toEqual([]);
  expect(s.logins).toEqual([ECR]);
  expect(r.summary?.rows).toContainEqual(['result', 'existed: build skipped']);
});

test('the image is missing: built and pushed with its aliases and extra tags, after the login', async () => {
  const s = setup({ repository: 'cloudtak', aliases: 'latest', tags: 'stable\nghcr.io/o/cloudtak:v1', 'build-args': 'A=1' });
  const r = await ensure(s.i, s.deps);
  expect(r.outputs).toMatchObject({ exists: false, built: true, digest: D, tag: 'cloudtak-abc1234', tags: 'cloudtak-abc1234\ncloudtak-latest' });
  const build = s.docker.commands.find((c) => c.args[0] === 'build')?.args ?? [];
  const tags = build.flatMap((a, n) => (build[n - 1] === '--tag' ? [a] : []));
  expect(tags).toEqual([`${ECR}/cloudtak:cloudtak-abc1234`, `${ECR}/cloudtak:cloudtak-latest`, `${ECR}/cloudtak:stable`, 'ghcr.io/o/cloudtak:v1']);
  expect(build).toEqual(expect.arrayContaining(['--build-arg', 'A=1']));
  expect(s.docker.commands.filter((c) => c.args[0] === 'push').map((c) => c.args[1])).toEqual(tags);
  expect(s.docker.logins.map((l) => l.host)).toEqual([ECR]);
});

test('force-build: built without looking first, so exists is false even where the tag was', async () => {
  const s = setup({ repository: 'cloudtak', 'force-build': 'true' }, { exists: true });
  const r = await ensure(s.i, s.deps);
  expect(r.outputs).toMatchObject({ exists: false, built: true, digest: D });
  expect(s.docker.commands.map((c) => c.args[0])).toContain('build');
});

test('push: false builds only: no digest, and CDK is told to build itself', async () => {
  const s = setup({ repository: 'cloudtak', push: 'false' });
  const r = await ensure(s.i, s.deps);
  expect(r.outputs).toMatchObject({ built: true, digest: '', 'cdk-args': '--context usePreBuiltImages=false', 'use-prebuilt': false });
  expect(s.docker.commands.filter((c) => c.args[0] === 'push')).toEqual([]);
});

test('an abbreviated sha is resolved with git; a prefix ending in - gives one -', async () => {
  const s = setup({ repository: 'cloudtak', sha: 'ABC1234', prefix: 'cloudtak-' }, { git: { 'abc1234^{commit}': SHA, HEAD: 'f'.repeat(40) }, exists: true });
  const r = await ensure(s.i, s.deps);
  expect(r.outputs.tag).toBe('cloudtak-abc1234');
});

test('another registry: basic login with username/password (masked), HEAD of the manifest, no AWS call', async () => {
  const s = setup({ repository: 'o/cloudtak', registry: 'ghcr.io', username: 'u', password: 'secret-pw' });
  s.registry.manifests.set('ghcr.io/o/cloudtak:cloudtak-abc1234', { digest: D, mediaType: 'application/vnd.oci.image.manifest.v1+json' });
  const r = await ensure(s.i, s.deps);
  expect(r.outputs).toMatchObject({ image: 'ghcr.io/o/cloudtak:cloudtak-abc1234', exists: true, digest: D });
  expect(s.docker.logins).toEqual([{ host: 'ghcr.io', username: 'u', password: 'secret-pw' }]);
  expect(s.log.secrets).toContain('secret-pw');
  expect(s.ecr.calls).toEqual([]);
  expect(s.logins).toEqual(['ghcr.io']);
});

test('login: false logs in nowhere', async () => {
  const s = setup({ repository: 'cloudtak', login: 'false' }, { exists: true });
  await ensure(s.i, s.deps);
  expect(s.docker.logins).toEqual([]);
  expect(s.logins).toEqual([]);
});

test.each([
  [{ repository: 'cloudtak', name: 'media mtx' }, /Input "name": "media mtx" cannot form a CDK context key/],
  [{ repository: 'Cloud TAK' }, /Input "repository"/],
  [{ repository: 'cloudtak', sha: 'main' }, /Input "sha": "main" is not a commit SHA/],
  [{ repository: 'cloudtak', context: 'nope' }, /Input "context": "nope" does not exist/],
  [{ repository: 'cloudtak', tags: 'a b' }, /Input "tags"/],
  [{ repository: 'cloudtak', username: 'u' }, /Input "password": username and password go together/],
  [{ repository: '' }, /Input "repository": required/],
])('%j is refused before anything runs', (inputs, message) => {
  expect(() => setup(inputs)).toThrow(message);
});

test('an unknown sha is an error naming the input, after git said so', async () => {
  const s = setup({ repository: 'cloudtak', sha: 'deadbee' });
  await expect(ensure(s.i, s.deps)).rejects.toThrow(/Input "sha": "deadbee" does not name exactly one commit/);
  expect(s.ecr.calls).toEqual([]);
});

test('a flag that collides with the image key is refused before anything runs', () => {
  expect(() => setup({ repository: 'cloudtak', flag: 'cloudtakImageTag' })).toThrow(/Input "name": context key "cloudtakImageTag" is given twice/);
});
