// The committed CLI bundle (cli/dist/index.js, package.json's bin) run as a developer runs it,
// against the testbed: cdk-args falls back to usePreBuiltImages=false while an image is
// missing, ensure builds and pushes only the missing ones, then cdk-args hands CDK every tag.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitFixture } from './git-fixture.js';
import { NODES, ROOT } from './runner.js';
import { actionEnv, dockerConfig, dockerSpy, registryDigest, tb, unique } from './testbed.js';

const CLI = join(ROOT, 'cli/dist/index.js');
const NODE24 = NODES[1]?.[1] as string;

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], o: { cwd: string; env?: Record<string, string | undefined>; node?: string }): CliResult {
  const env = Object.fromEntries(Object.entries({ PATH: process.env.PATH, HOME: process.env.HOME, ...o.env }).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;
  const r = spawnSync(o.node ?? NODE24, [CLI, ...args], { cwd: o.cwd, env, encoding: 'utf8', timeout: 120000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Two sibling images in one fresh repository, tagged from their own paths. */
function fixture(repo: string): GitFixture {
  const ws = new GitFixture().write({
    'Dockerfile.light': 'FROM scratch\nARG CMD_TARGET\nCOPY cmd/ /cmd/\nLABEL target=$CMD_TARGET\n',
    'cmd/api/main.txt': `api ${repo}\n`,
    'cmd/media-lambda/main.txt': `media ${repo}\n`,
    'images.yml': [
      'images:',
      `  - {name: api, repository: ${repo}, file: Dockerfile.light, build-args: {CMD_TARGET: api}, paths: [Dockerfile.light, cmd/api], aliases: [latest]}`,
      `  - {name: media-lambda, repository: ${repo}, file: Dockerfile.light, build-args: {CMD_TARGET: media-lambda}, paths: [Dockerfile.light, cmd/media-lambda]}`,
    ].join('\n'),
  });
  ws.commit('two images');
  return ws;
}

test('cdk-args: false with the reason while images are missing; ensure builds only the missing; then true with every tag', async () => {
  const repo = unique('cli');
  const ws = fixture(repo);
  const spy = dockerSpy();
  const env = actionEnv(dockerConfig(), { PATH: spy.path });
  const run = (...args: string[]) => cli([...args, '--source', 'tree'], { cwd: ws.dir, env });

  const before = run('cdk-args');
  expect(before).toEqual({
    code: 0,
    stdout: '--context usePreBuiltImages=false\n',
    stderr: expect.stringContaining('usePreBuiltImages=false: 2 of 2 images are not in the registry'),
  });
  expect(before.stderr).toContain(`${tb.ecrHost}/${repo}:api-`);
  const strict = run('cdk-args', '--strict');
  expect(strict).toMatchObject({ code: 3, stdout: '' });

  const tags = run('tag');
  expect(tags.code).toBe(0);
  const [api, media] = tags.stdout
    .trim()
    .split('\n')
    .map((l) => l.split('=')[1] as string);
  expect(tags.stdout).toMatch(/^api=api-[0-9a-f]{7}\nmedia-lambda=media-lambda-[0-9a-f]{7}\n$/);
  expect(run('tag', 'media-lambda').stdout).toBe(`${media}\n`);

  const ensure = run('ensure', '--verbose');
  expect(ensure.code).toBe(0);
  const lines = ensure.stdout.trim().split('\n');
  expect(lines).toEqual([
    `[1/2] api: building ${tb.ecrHost}/${repo}:${api}`,
    expect.stringMatching(/^\[1\/2\] api: pushed sha256:[0-9a-f]{64} in \d+\.\ds$/),
    `[2/2] media-lambda: building ${tb.ecrHost}/${repo}:${media}`,
    expect.stringMatching(/^\[2\/2\] media-lambda: pushed sha256:[0-9a-f]{64} in \d+\.\ds$/),
    '2 of 2 missing images built and pushed',
  ]);
  expect(ensure.stdout).not.toContain('\r'); // not a TTY: plain lines
  // The login's password never reaches a line, even with --verbose.
  expect(`${ensure.stdout}${ensure.stderr}`).not.toContain(tb.ecrAuth.password);
  const pushed = lines[1]?.split(' ')[3];
  expect(await registryDigest(tb.ecrHost, repo, api as string, tb.ecrAuth)).toBe(pushed);
  expect(await registryDigest(tb.ecrHost, repo, 'api-latest', tb.ecrAuth)).toBe(pushed);

  const after = run('cdk-args');
  expect(after).toEqual({
    code: 0,
    stdout: `--context usePreBuiltImages=true --context apiImageTag=${api} --context mediaLambdaImageTag=${media}\n`,
    stderr: '',
  });
  expect(run('cdk-args', '--strict').code).toBe(0);

  const plan = run('plan', '--json');
  const planned = JSON.parse(plan.stdout) as { name: string; tag: string; exists: boolean; digest: string }[];
  expect(planned.map((p) => [p.name, p.tag, p.exists])).toEqual([
    ['api', api, true],
    ['media-lambda', media, true],
  ]);
  expect(planned[0]?.digest).toBe(pushed);
  const table = run('plan').stdout.split('\n');
  expect(table[0]).toMatch(/^NAME\s+IMAGE\s+TAG\s+STATUS\s+DIGEST$/);
  expect(table[1]).toMatch(new RegExp(`^api\\s+${tb.ecrHost}/${repo}:${api}\\s+${api}\\s+exists\\s+sha256:`));

  // Nothing missing: nothing built. One changed image: only it is built.
  const builds = () => spy.commands().filter((c) => /^(buildx )?build /.test(c)).length;
  expect(builds()).toBe(2);
  expect(run('ensure')).toMatchObject({ code: 0, stdout: expect.stringContaining('nothing to build: all 2 images exist') });
  expect(builds()).toBe(2);
  ws.write({ 'cmd/media-lambda/main.txt': `media changed ${repo}\n` }).commit('media only');
  const third = run('ensure');
  expect(third.code).toBe(0);
  expect(third.stdout).toContain(`api: exists ${tb.ecrHost}/${repo}:${api}`);
  expect(third.stdout).toMatch(/\[1\/1\] media-lambda: pushed sha256:/);
  expect(builds()).toBe(3);
}, 180_000);

test('ensure --no-push builds the missing image locally and pushes nothing', async () => {
  const repo = unique('cli-local');
  const ws = fixture(repo);
  const r = cli(['ensure', '--no-push'], { cwd: ws.dir, env: actionEnv(dockerConfig()) });
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/\[1\/2\] api: built .* \(not pushed\) in \d+\.\ds/);
  expect(await registryDigest(tb.ecrHost, repo, r.stdout.match(/:(api-[0-9a-f]{7})/)?.[1] as string, tb.ecrAuth)).toBeUndefined();
}, 120_000);

test('no AWS credentials: cdk-args falls back to false and says why; --strict exits 3', () => {
  const ws = fixture(unique('cli-nocreds'));
  const env = {
    ...actionEnv(dockerConfig()),
    AWS_ACCESS_KEY_ID: undefined,
    AWS_SECRET_ACCESS_KEY: undefined,
    AWS_CONFIG_FILE: '/nonexistent',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
  };
  const r = cli(['cdk-args'], { cwd: ws.dir, env });
  expect(r).toEqual({
    code: 0,
    stdout: '--context usePreBuiltImages=false\n',
    stderr: expect.stringMatching(/usePreBuiltImages=false: no AWS credentials were found/),
  });
  expect(cli(['cdk-args', '--strict'], { cwd: ws.dir, env })).toMatchObject({ code: 3, stdout: '' });
});

describe.each(NODES)('under %s', (_label, node) => {
  test('--help on every command; errors are one line with exit 2', () => {
    const ws = fixture(unique('cli-help'));
    const top = cli(['--help'], { cwd: ws.dir, node });
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/Exit codes:/);
    for (const c of ['plan', 'cdk-args', 'ensure', 'tag']) {
      const h = cli([c, '--help'], { cwd: ws.dir, node });
      expect({ c, code: h.code, usage: h.stdout.startsWith(`Usage: ensure-image ${c}`) }).toEqual({ c, code: 0, usage: true });
    }
    const cases: [string[], RegExp][] = [
      [['frob'], /^ensure-image: unknown command "frob"/],
      [['plan', '--bogus'], /^ensure-image plan: Unknown option '--bogus' \(see ensure-image plan --help\)$/],
      [['plan', '--source', 'sideways'], /^ensure-image plan: --source: expected one of commit, tree, got "sideways"$/],
      [['cdk-args', '-m', 'nope.yml'], /^ensure-image cdk-args: nope.yml: cannot be read/],
      [['tag', 'nosuch'], /^ensure-image tag: images.yml: has no image named "nosuch" \(it has api, media-lambda\)$/],
    ];
    for (const [args, message] of cases) {
      const r = cli(args, { cwd: ws.dir, node, env: actionEnv(dockerConfig()) });
      expect({ args, code: r.code, stdout: r.stdout, lines: r.stderr.trim().split('\n').length }).toEqual({ args, code: 2, stdout: '', lines: 1 });
      expect(r.stderr.trim()).toMatch(message);
    }
  });

  test('a bad manifest is named with its field, before any registry call', () => {
    const ws = new GitFixture().write({ 'images.yml': 'images:\n  - {name: api}\n' });
    ws.commit('bad');
    // No AWS endpoint at all: a network call would fail differently.
    const r = cli(['cdk-args'], { cwd: ws.dir, node, env: { AWS_ENDPOINT_URL_ECR: 'http://127.0.0.1:9', AWS_REGION: 'us-east-1' } });
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'ensure-image cdk-args: images.yml: images[0].repository: required\n' });
  });
});

test('npm installs this repository as a git dependency (as npx github:<owner>/ensure-image does) and its bin runs', () => {
  const head = execFileSync('git', ['-C', ROOT, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  const prefix = mkdtempSync(join(tmpdir(), 'npx-'));
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', prefix, `git+file://${ROOT}#${head}`], {
    encoding: 'utf8',
    timeout: 150000,
  });
  expect({ code: install.status, stderr: install.status === 0 ? '' : install.stderr }).toEqual({ code: 0, stderr: '' });
  const r = spawnSync(join(prefix, 'node_modules/.bin/ensure-image'), ['--version'], { encoding: 'utf8' });
  expect({ code: r.status, stdout: r.stdout }).toEqual({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
}, 180_000);
