// The CLI's commands over the adapters' fakes: what reaches stdout and stderr, and the exit
// codes. The committed bundle runs against the testbed in __tests__/integration/cli.test.ts.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CredentialsError, PermissionError } from '@ensure-image/adapters';
import { FakeDirCache, FakeDocker, FakeEcr, FakeGit, FakeRegistry } from '@ensure-image/adapters/fakes';
import type { CliDeps } from '../../cli/src/deps.js';
import { main } from '../../cli/src/main.js';
import { profileRegion, withProfileRegion } from '../../cli/src/region.js';

const HOST = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const SHA = 'abc1234'.padEnd(40, '0');
const D1 = `sha256:${'1'.repeat(64)}`;

interface World {
  deps: CliDeps;
  out: string[];
  err: string[];
  ecr: FakeEcr;
  docker: FakeDocker;
  rewrites: string[];
  run: (...argv: string[]) => Promise<number>;
}

function world(o: { tty?: boolean } = {}): World {
  const ws = mkdtempSync(join(tmpdir(), 'cli-unit-'));
  mkdirSync(join(ws, 'api'));
  writeFileSync(join(ws, 'api/Dockerfile'), 'FROM scratch\n');
  writeFileSync(join(ws, 'Dockerfile'), 'FROM scratch\n');
  writeFileSync(
    join(ws, 'images.yml'),
    'images:\n  - {name: cloudtak, repository: app, context: api, aliases: [latest]}\n  - {name: media-lambda, repository: app}\n',
  );
  const ecr = new FakeEcr();
  const docker = new FakeDocker();
  // A push lands in the fake ECR, as a real push lands in the registry.
  docker.onPush = (ref, digest) => {
    const [, repo, tag] = /^[^/]+\/([^:]+):(.+)$/.exec(ref) as unknown as [string, string, string];
    ecr.put('us-east-1', '123456789012', repo, tag, digest);
  };
  const out: string[] = [];
  const err: string[] = [];
  const rewrites: string[] = [];
  const deps: CliDeps = {
    git: new FakeGit({ HEAD: SHA }),
    ecr: async () => ecr,
    registry: new FakeRegistry(),
    docker,
    cache: new FakeDirCache(false),
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: { AWS_REGION: 'us-east-1' },
    cwd: ws,
    tty: o.tty ?? false,
    ...(o.tty ? { rewrite: (l: string) => rewrites.push(l) } : {}),
    now: (() => {
      let t = 0;
      return () => (t += 1500);
    })(),
  };
  return { deps, out, err, ecr, docker, rewrites, run: (...argv) => main(argv, deps) };
}

test('cdk-args: every image there -> true and each tag, one ECR call for the shared repository', async () => {
  const w = world();
  w.ecr.put('us-east-1', '123456789012', 'app', 'cloudtak-abc1234', D1);
  w.ecr.put('us-east-1', '123456789012', 'app', 'media-lambda-abc1234', D1);
  expect(await w.run('cdk-args')).toBe(0);
  expect(w.out).toEqual(['--context usePreBuiltImages=true --context cloudtakImageTag=cloudtak-abc1234 --context mediaLambdaImageTag=media-lambda-abc1234']);
  expect(w.err).toEqual([]);
  // One BatchGetImage for the repository both images share (cloudtak-latest is asked in it too).
  expect(w.ecr.calls.filter((c) => c.startsWith('findImages'))).toEqual([expect.stringMatching(/^findImages us-east-1 123456789012 app \d+$/)]);
});

test('cdk-args: one missing -> false, the missing image on stderr, exit 0; --strict exits 3 with nothing on stdout', async () => {
  const w = world();
  w.ecr.put('us-east-1', '123456789012', 'app', 'cloudtak-abc1234', D1);
  expect(await w.run('cdk-args')).toBe(0);
  expect(w.out).toEqual(['--context usePreBuiltImages=false']);
  expect(w.err).toEqual([`ensure-image: usePreBuiltImages=false: 1 of 2 images are not in the registry: ${HOST}/app:media-lambda-abc1234`]);
  const s = world();
  expect(await s.run('cdk-args', '--strict')).toBe(3);
  expect(s.out).toEqual([]);
});

test.each([
  ['no credentials', new CredentialsError('no AWS credentials found'), /no AWS credentials were found/],
  [
    'access denied',
    new PermissionError('AWS denied ecr:BatchGetImage on app: the role needs ecr:BatchGetImage.'),
    /could not be checked: AWS denied ecr:BatchGetImage/,
  ],
])('cdk-args: %s -> false with the reason, exit 0', async (_what, error, reason) => {
  const w = world();
  w.ecr.fail.findImages = error;
  expect(await w.run('cdk-args', '--flag', 'prebuilt')).toBe(0);
  expect(w.out).toEqual(['--context prebuilt=false']);
  expect(w.err.join('\n')).toMatch(reason);
});

test('ensure builds and pushes only the missing image, its alias too, with a progress line and the time', async () => {
  const w = world();
  w.ecr.put('us-east-1', '123456789012', 'app', 'media-lambda-abc1234', D1);
  expect(await w.run('ensure')).toBe(0);
  const builds = w.docker.commands.filter((c) => c.args[0] === 'build');
  expect(builds).toHaveLength(1);
  expect(builds[0]?.args).toEqual(expect.arrayContaining(['--tag', `${HOST}/app:cloudtak-abc1234`, '--tag', `${HOST}/app:cloudtak-latest`]));
  expect(w.docker.commands.filter((c) => c.args[0] === 'push').map((c) => c.args[1])).toEqual([`${HOST}/app:cloudtak-abc1234`, `${HOST}/app:cloudtak-latest`]);
  expect(w.docker.logins.map((l) => l.host)).toEqual([HOST]);
  expect(w.out).toEqual([
    `media-lambda: exists ${HOST}/app:media-lambda-abc1234`,
    `[1/1] cloudtak: building ${HOST}/app:cloudtak-abc1234`,
    `[1/1] cloudtak: pushed ${w.docker.digest} in 1.5s`,
    '1 of 1 missing images built and pushed',
  ]);
  // The login's password is never printed.
  expect([...w.out, ...w.err].join('\n')).not.toContain('pw-123456789012');
});

test('ensure on a TTY rewrites the progress line in place; --no-push builds without logging in or pushing', async () => {
  const w = world({ tty: true });
  w.ecr.put('us-east-1', '123456789012', 'app', 'x', D1);
  expect(await w.run('ensure', '--no-push')).toBe(0);
  expect(w.out.filter((l) => l.includes('building'))).toEqual([]);
  expect(w.rewrites.slice(0, 2)).toEqual([`[1/2] cloudtak: building ${HOST}/app:cloudtak-abc1234 ...`, '']);
  expect(w.out).toContain(`[1/2] cloudtak: built ${HOST}/app:cloudtak-abc1234 (not pushed) in 1.5s`);
  expect(w.docker.logins).toEqual([]);
  expect(w.docker.commands.filter((c) => c.args[0] === 'push')).toEqual([]);
});

test('ensure: a failed build is one line naming the image, the others still build, exit 1', async () => {
  const w = world();
  w.ecr.put('us-east-1', '123456789012', 'app', 'x', D1);
  w.docker.onPush = (ref) => {
    if (ref.includes('cloudtak')) throw new Error('docker push failed (exit 1):\ndenied: not allowed');
    const [, repo, tag] = /^[^/]+\/([^:]+):(.+)$/.exec(ref) as unknown as [string, string, string];
    w.ecr.put('us-east-1', '123456789012', repo, tag, w.docker.digest);
  };
  expect(await w.run('ensure')).toBe(1);
  expect(w.err).toEqual(['  | denied: not allowed', 'ensure-image: cloudtak: docker push failed (exit 1):']);
  expect(w.out).toContain('1 of 2 missing images built and pushed, 1 failed');
});

test('tag: one entry, several, all as name=tag, or a prefix without a manifest', async () => {
  const w = world();
  await w.run('tag', 'media-lambda');
  await w.run('tag');
  await w.run('tag', '--prefix', 'app', '--length', '9');
  expect(w.out).toEqual(['media-lambda-abc1234', 'cloudtak=cloudtak-abc1234', 'media-lambda=media-lambda-abc1234', 'app-abc123400']);
});

test.each([
  [['plan', '--nope'], /^ensure-image plan: Unknown option '--nope' \(see ensure-image plan --help\)$/],
  [['plan', '--length', '99'], /^ensure-image plan: --length: expected a whole number from 1 to 64, got "99"$/],
  [['tag', 'api', '--prefix', 'x'], /^ensure-image tag: give either names of manifest entries or --prefix, not both$/],
  [['ensure', '-m', 'missing.yml'], /^ensure-image ensure: missing.yml: cannot be read/],
  [['deploy'], /^ensure-image: unknown command "deploy"/],
])('%j is one line on stderr and exit 2, with nothing asked of ECR', async (argv, message) => {
  const w = world();
  expect(await w.run(...argv)).toBe(2);
  expect(w.err).toHaveLength(1);
  expect(w.err[0]).toMatch(message);
  expect(w.ecr.calls).toEqual([]);
});

test('no command prints the usage on stderr (exit 2); --help on stdout (exit 0)', async () => {
  const w = world();
  expect(await w.run()).toBe(2);
  expect(w.err[0]).toMatch(/^Usage: ensure-image <command>/);
  expect(await w.run('--help')).toBe(0);
  expect(w.out[0]).toMatch(/^Usage: ensure-image <command>/);
});

test('${VAR} in the manifest comes from the environment; an unset one is named with its field (exit 2)', async () => {
  const w = world();
  writeFileSync(join(w.deps.cwd, 'images.yml'), 'images:\n  - {name: cloudtak, repository: "${ARTIFACTS_REPO}", context: api}\n');
  w.ecr.put('us-east-1', '123456789012', 'tak-dev-artifacts', 'cloudtak-abc1234', D1);
  expect(await w.run('cdk-args')).toBe(2);
  expect(w.err).toEqual([expect.stringMatching(/^ensure-image cdk-args: images.yml: images\[0\]\.repository: \$\{ARTIFACTS_REPO\} is not set/)]);
  w.deps.env.ARTIFACTS_REPO = 'tak-dev-artifacts';
  expect(await w.run('cdk-args')).toBe(0);
  expect(w.out).toEqual(['--context usePreBuiltImages=true --context cloudtakImageTag=cloudtak-abc1234']);
});

test('the region comes from the AWS profile when the environment has none', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aws-'));
  const file = join(dir, 'config');
  writeFileSync(file, '[default]\nregion = eu-west-1\n\n[profile dev]\n# comment\nregion=ap-southeast-2\n');
  expect(profileRegion({ AWS_CONFIG_FILE: file })).toBe('eu-west-1');
  expect(profileRegion({ AWS_CONFIG_FILE: file, AWS_PROFILE: 'dev' })).toBe('ap-southeast-2');
  expect(profileRegion({ AWS_CONFIG_FILE: file, AWS_PROFILE: 'nope' })).toBeUndefined();
  expect(withProfileRegion({ AWS_CONFIG_FILE: file, AWS_PROFILE: 'dev' }).AWS_REGION).toBe('ap-southeast-2');
  expect(withProfileRegion({ AWS_CONFIG_FILE: file, AWS_REGION: 'us-east-2' }).AWS_REGION).toBe('us-east-2');
  expect(withProfileRegion({ AWS_CONFIG_FILE: join(dir, 'missing') }).AWS_REGION).toBeUndefined();
});
