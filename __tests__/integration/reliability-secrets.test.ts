// Reliability: secrets. Everything the bundles print or write (stdout without the runner's
// ::add-mask:: commands, stderr, GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV, the step summary, and
// each docker command line through a PATH shim) is scanned for the registry password, the AWS
// secret key, the ECR token's password and build secrets, on success and on failure.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitFixture } from './git-fixture.js';
import { jestObject, leaks, visible } from './reliability-kit.js';
import { NODES, runStep } from './runner.js';
import { actionEnv, dockerConfig, dockerSpy, tb, unique } from './testbed.js';

jestObject.setTimeout(180000);
const NODE24 = NODES[1]?.[1] as string;

function envFile(): string {
  const f = join(mkdtempSync(join(tmpdir(), 'ghenv-')), 'env');
  writeFileSync(f, '');
  return f;
}

/** Run one step with a docker spy and a GITHUB_ENV of its own; returns what a reader could see. */
function scanRun(dir: string, cwd: string, inputs: Record<string, string>, extra: Record<string, string | undefined>, cfg = dockerConfig()) {
  const spy = dockerSpy();
  const ghEnv = envFile();
  const r = runStep(dir, { node: NODE24, cwd, env: actionEnv(cfg, { PATH: spy.path, GITHUB_ENV: ghEnv, ...extra }), inputs });
  const seen: Record<string, string> = { ...visible(r, [ghEnv]), 'docker argv': spy.commands().join('\n') };
  return { r, seen, docker: spy.commands() };
}

function workspace(): GitFixture {
  const ws = new GitFixture().write({ Dockerfile: 'FROM scratch\nARG TOKEN_NAME\nCOPY a.txt /a.txt\n', 'a.txt': `${unique('c')}\n` });
  ws.commit('one');
  return ws;
}

describe('no secret in anything a step leaves behind', () => {
  const awsSecret = `aws-${unique('secret')}`;

  test('root action, plain registry: success and a wrong password', () => {
    const ws = workspace();
    const repo = `team/${unique('sec')}`;
    const ok = scanRun(
      '.',
      ws.dir,
      { repository: repo, registry: tb.ociHost, username: tb.ociAuth.username, password: tb.ociAuth.password },
      { AWS_SECRET_ACCESS_KEY: awsSecret },
    );
    expect(ok.r.errors).toEqual([]);
    expect(ok.r.outputs.built).toBe('true');
    expect(ok.r.stdout).toContain(`::add-mask::${tb.ociAuth.password}`);
    expect(ok.docker.some((c) => c.startsWith('login ') && c.includes('--password-stdin'))).toBe(true);
    expect(leaks(ok.seen, [tb.ociAuth.password, awsSecret])).toEqual([]);

    const wrong = `pw-${unique('wrong')}`;
    const bad = scanRun(
      '.',
      ws.dir,
      { repository: `team/${unique('sec')}`, registry: tb.ociHost, username: tb.ociAuth.username, password: wrong },
      { AWS_SECRET_ACCESS_KEY: awsSecret },
    );
    expect(bad.r.code).toBe(1);
    expect(leaks(bad.seen, [wrong, awsSecret])).toEqual([]);
  });

  test('root action on ECR: success (token password, AWS key) and AccessDenied', () => {
    const ws = workspace();
    const ok = scanRun('.', ws.dir, { repository: 'app', 'build-args': 'TOKEN_NAME=public-value' }, { AWS_SECRET_ACCESS_KEY: awsSecret });
    expect(ok.r.errors).toEqual([]);
    expect(leaks(ok.seen, [tb.ecrAuth.password, awsSecret])).toEqual([]);
    const denied = scanRun('.', ws.dir, { repository: 'app' }, { AWS_SECRET_ACCESS_KEY: awsSecret, AWS_ACCESS_KEY_ID: 'DENIEDKEY' });
    expect(denied.r.code).toBe(1);
    expect(leaks(denied.seen, [tb.ecrAuth.password, awsSecret])).toEqual([]);
  });

  test('ecr-login: success, and output-credentials hands the password on only when asked', () => {
    const plain = scanRun('actions/ecr-login', ROOT_DIR, {}, { AWS_SECRET_ACCESS_KEY: awsSecret });
    expect(plain.r.errors).toEqual([]);
    expect(leaks(plain.seen, [tb.ecrAuth.password, awsSecret])).toEqual([]);
    const asked = scanRun('actions/ecr-login', ROOT_DIR, { 'output-credentials': 'true' }, { AWS_SECRET_ACCESS_KEY: awsSecret });
    expect(asked.r.errors).toEqual([]);
    // Asked for: the password is in the outputs (masked in the log), and nowhere else.
    expect(asked.r.stdout).toContain(`::add-mask::${tb.ecrAuth.password}`);
    const rest = Object.fromEntries(Object.entries(asked.seen).filter(([k]) => k !== 'outputs'));
    expect(leaks(rest, [tb.ecrAuth.password, awsSecret])).toEqual([]);
  });

  test('image-exists and build-push with credentials inputs: success and failure', () => {
    const ws = workspace();
    const repo = `team/${unique('sec')}`;
    const wrong = `pw-${unique('wrong')}`;
    // build-push pushes with the job's docker login; its credentials inputs are for the check.
    const login = () => dockerConfig({ [tb.ociHost]: tb.ociAuth });
    const runs = [
      scanRun(
        'actions/build-push',
        ws.dir,
        { image: `${tb.ociHost}/${repo}:v1`, username: tb.ociAuth.username, password: tb.ociAuth.password },
        { AWS_SECRET_ACCESS_KEY: awsSecret },
        login(),
      ),
      scanRun(
        'actions/image-exists',
        ws.dir,
        { image: `${tb.ociHost}/${repo}:v1`, username: tb.ociAuth.username, password: tb.ociAuth.password },
        { AWS_SECRET_ACCESS_KEY: awsSecret },
      ),
      scanRun(
        'actions/image-exists',
        ws.dir,
        { image: `${tb.ociHost}/${repo}:v1`, username: tb.ociAuth.username, password: wrong },
        { AWS_SECRET_ACCESS_KEY: awsSecret },
      ),
      scanRun(
        'actions/build-push',
        ws.dir,
        { image: `${tb.ociHost}/${repo}:v2`, username: tb.ociAuth.username, password: wrong },
        { AWS_SECRET_ACCESS_KEY: awsSecret },
        login(),
      ),
    ];
    expect(runs.map((x) => [x.r.code, x.r.errors.join(' ')])).toEqual([
      [0, ''],
      [0, ''],
      [1, expect.any(String)],
      [1, expect.any(String)],
    ]);
    for (const x of runs) expect(leaks(x.seen, [tb.ociAuth.password, wrong, awsSecret])).toEqual([]);
  });

  test('build secrets (secrets, secret-envs): in no output, log, file or argv, whether buildx is here or not', () => {
    const ws = workspace();
    const secret = `npm-${unique('build-secret')}`;
    const envSecret = `gh-${unique('env-secret')}`;
    const x = scanRun(
      'actions/build-push',
      ws.dir,
      { image: `${tb.ociHost}/team/${unique('bsec')}:v1`, secrets: `npm=${secret}`, 'secret-envs': 'gh=GH_TOKEN', 'skip-if-exists': 'false' },
      { AWS_SECRET_ACCESS_KEY: awsSecret, GH_TOKEN: envSecret },
      dockerConfig({ [tb.ociHost]: tb.ociAuth }),
    );
    // With buildx the build runs (the secrets unused by this Dockerfile); without, it fails saying buildx is needed.
    if (x.r.code !== 0) expect(x.r.errors.join('\n')).toMatch(/buildx/i);
    expect(leaks(x.seen, [secret, envSecret, awsSecret])).toEqual([]);
  });
});

const ROOT_DIR = new URL('../..', import.meta.url).pathname;
