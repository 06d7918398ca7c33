// The local path as a developer walks it (issue: a local edit silently deployed the committed
// image): the committed CLI bundle and the root action on a real git checkout, the testbed's
// registry and docker. An uncommitted change to one image's inputs makes exactly that image
// fall back (cdk-args) or build under a -dirty- tag (ensure); a clean checkout is as before.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitFixture } from './git-fixture.js';
import { NODES, ROOT, runStep } from './runner.js';
import { actionEnv, dockerConfig, dockerSpy, registryDigest, standin, tb, unique } from './testbed.js';

const CLI = join(ROOT, 'cli/dist/index.js');
const NODE24 = NODES[1]?.[1] as string;

function cli(args: string[], cwd: string, env: Record<string, string | undefined>) {
  const clean = Object.fromEntries(Object.entries({ PATH: process.env.PATH, HOME: process.env.HOME, ...env }).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;
  const r = spawnSync(NODE24, [CLI, ...args], { cwd, env: clean, encoding: 'utf8', timeout: 120000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function fixture(repo: string, extra: Record<string, string> = {}): GitFixture {
  const ws = new GitFixture().write({
    'Dockerfile.light': 'FROM scratch\nARG CMD_TARGET\nCOPY cmd/ /cmd/\nLABEL target=$CMD_TARGET\n',
    'cmd/api/main.txt': `api ${repo}\n`,
    'cmd/media/main.txt': `media ${repo}\n`,
    '.gitignore': 'cmd/api/*.log\n',
    'images.yml': [
      'images:',
      `  - {name: api, repository: ${repo}, file: Dockerfile.light, build-args: {CMD_TARGET: api}, paths: [Dockerfile.light, cmd/api], aliases: [latest]}`,
      `  - {name: media, repository: ${repo}, file: Dockerfile.light, build-args: {CMD_TARGET: media}, paths: [Dockerfile.light, cmd/media]}`,
    ].join('\n'),
    ...extra,
  });
  ws.commit('two images');
  return ws;
}

const auth = tb.ecrAuth;

describe.each(['commit', 'tree'])('CLI on an edited checkout (--source %s)', (source) => {
  test('one edited image falls back and builds under a -dirty- tag, kept local unless --allow-dirty; the other is untouched', async () => {
    const repo = unique('local');
    const ws = fixture(repo);
    const env = actionEnv(dockerConfig(), { PATH: dockerSpy().path });
    const run = (...args: string[]) => cli([...args, '--source', source], ws.dir, env);

    expect(run('ensure').code).toBe(0);
    const clean = run('cdk-args');
    expect(clean.stdout).toMatch(/^--context usePreBuiltImages=true --context apiImageTag=api-[0-9a-f]{7} --context mediaImageTag=media-[0-9a-f]{7}\n$/);
    const [apiTag] = /api-[0-9a-f]{7}/.exec(clean.stdout) as RegExpExecArray;
    const latest = await registryDigest(tb.ecrHost, repo, 'api-latest', auth);
    expect(latest).toBeDefined();

    // An ignored file changes nothing; an edit and an untracked file do.
    ws.write({ 'cmd/api/debug.log': 'ignored\n' });
    expect(run('cdk-args').stdout).toContain('usePreBuiltImages=true');
    ws.write({ 'cmd/api/main.txt': 'edited, not committed\n', 'cmd/api/new.txt': 'untracked\n' });

    const edited = run('cdk-args');
    expect(edited.code).toBe(0);
    expect(edited.stdout).toBe('--context usePreBuiltImages=false\n');
    expect(edited.stderr).toContain('uncommitted changes to the inputs of api (cmd/api/main.txt, cmd/api/new.txt)');
    expect(edited.stderr).not.toContain('media (');
    expect(run('cdk-args', '--strict').code).toBe(3);

    const tag = run('tag', 'api');
    expect(tag.stdout).toMatch(new RegExp(`^${apiTag}-dirty-[0-9a-f]{8}\\n$`));
    const dirtyTag = tag.stdout.trim();
    expect(tag.stderr).toContain('cmd/api/main.txt');
    expect(run('tag', 'media').stdout).toMatch(/^media-[0-9a-f]{7}\n$/);

    const local = run('ensure');
    expect(local.code).toBe(0);
    expect(local.stdout).toContain(`media: exists ${tb.ecrHost}/${repo}:media-`);
    expect(local.stdout).toContain(`api: built ${tb.ecrHost}/${repo}:${dirtyTag} (not pushed: uncommitted changes; --allow-dirty pushes it)`);
    expect(local.stdout).toContain('1 of 1 missing images built (1 kept local)');
    expect(await registryDigest(tb.ecrHost, repo, dirtyTag, auth)).toBeUndefined();
    expect(execFileSync('docker', ['image', 'inspect', '--format', '{{.Id}}', `${tb.ecrHost}/${repo}:${dirtyTag}`], { encoding: 'utf8' })).toMatch(/^sha256:/);

    const pushed = run('ensure', '--allow-dirty');
    expect(pushed.code).toBe(0);
    expect(pushed.stdout).toMatch(/api: pushed sha256:[0-9a-f]{64}/);
    expect(await registryDigest(tb.ecrHost, repo, dirtyTag, auth)).toBeDefined();
    // The commit's alias never follows a build from uncommitted changes.
    expect(await registryDigest(tb.ecrHost, repo, 'api-latest', auth)).toBe(latest);
    // Even with the -dirty- image pushed, cdk-args does not claim a pre-built image for an edited checkout.
    expect(run('cdk-args').stdout).toBe('--context usePreBuiltImages=false\n');

    // Undo the edit: the clean checkout behaves as before.
    ws.git('checkout', '--', 'cmd/api/main.txt');
    rmSync(join(ws.dir, 'cmd/api/new.txt'));
    expect(run('cdk-args').stdout).toBe(clean.stdout);
  });
});

describe('the actions on a workspace an earlier step changed', () => {
  beforeEach(() => standin.reset());

  test('dirty: warn names the files and keeps the commit tag; fail stops before any registry call; ignore is silent', async () => {
    const repo = 'cloudtak';
    const ws = fixture(repo);
    writeFileSync(join(ws.dir, 'cmd/api/main.txt'), 'changed by a step\n');
    const base = { repository: repo, file: 'Dockerfile.light', context: '.', 'build-args': 'CMD_TARGET=api' };
    const step = (inputs: Record<string, string>) =>
      runStep('.', { node: NODE24, cwd: ws.dir, env: actionEnv(dockerConfig(), { PATH: dockerSpy().path }), inputs: { ...base, ...inputs } });

    const fail = step({ dirty: 'fail' });
    expect(fail.code).toBe(1);
    expect(fail.errors.join('\n')).toMatch(
      /Input "dirty": is fail, and the workspace has uncommitted changes to the inputs of cloudtak \(cloudtak-[0-9a-f]{7}\): cmd\/api\/main\.txt/,
    );
    expect(await standin.calls()).toEqual({});

    const warn = step({});
    expect(warn.code).toBe(0);
    expect(warn.warnings.join('\n')).toContain('uncommitted changes to the inputs of cloudtak');
    expect(warn.warnings.join('\n')).toContain('cmd/api/main.txt');
    expect(warn.outputs.tag).toMatch(/^cloudtak-[0-9a-f]{7}$/);

    const quiet = step({ dirty: 'ignore' });
    expect(quiet.warnings.filter((w) => w.includes('uncommitted'))).toEqual([]);

    // resolve-tag and build-push look at their own inputs only: another image's change is not theirs.
    const own = (dir: string, inputs: Record<string, string>) =>
      runStep(dir, { node: NODE24, cwd: ws.dir, env: actionEnv(dockerConfig()), inputs: { ...inputs, dirty: 'fail' } });
    const rt = own('actions/resolve-tag', { prefix: 'api', source: 'tree', paths: 'cmd/api' });
    expect({ code: rt.code, errors: rt.errors.join('\n'), stderr: rt.stderr }).toMatchObject({ code: 1, errors: expect.stringContaining('cmd/api/main.txt') });
    expect(own('actions/resolve-tag', { prefix: 'media', source: 'tree', paths: 'cmd/media' })).toMatchObject({ code: 0, errors: [] });
    const bp = own('actions/build-push', { image: `${tb.ociHost}/${unique('dirty')}:v1`, context: 'cmd/api', file: 'Dockerfile.light' });
    expect(bp.code).toBe(1);
    expect(bp.errors.join('\n')).toMatch(/Input "dirty": .*cmd\/api\/main\.txt/);

    const plan = runStep('actions/plan', { node: NODE24, cwd: ws.dir, env: actionEnv(dockerConfig()), inputs: { manifest: 'images.yml', dirty: 'fail' } });
    expect(plan.code).toBe(1);
    expect(plan.errors.join('\n')).toContain('api (api-');
    expect(plan.errors.join('\n')).not.toContain('media (media-');
  });
});

describe('what a newcomer met', () => {
  test('cdk-args with no AWS region prints the fallback and says why; --strict keeps exit 2', () => {
    const ws = fixture(unique('noregion'));
    const home = mkdtempSync(join(tmpdir(), 'home-'));
    const env = { ...actionEnv(dockerConfig()), AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined, HOME: home, AWS_CONFIG_FILE: join(home, 'none') };
    const r = cli(['cdk-args'], ws.dir, env);
    expect(r).toEqual({ code: 0, stdout: '--context usePreBuiltImages=false\n', stderr: expect.stringContaining('no AWS region is configured') });
    expect(cli(['cdk-args', '--strict'], ws.dir, env).code).toBe(2);
  });

  test.each([
    [
      'a missing Dockerfile',
      { 'images.yml': 'images:\n  - {name: api, repository: app, file: Dockerfile.nope}\n' },
      ['plan'],
      /^ensure-image plan: images\.yml: images\[0\]\.file: "Dockerfile\.nope" does not exist in the workspace/m,
    ],
    [
      'a missing context',
      { 'images.yml': 'images:\n  - {name: api, repository: app, context: nope}\n' },
      ['plan'],
      /^ensure-image plan: images\.yml: images\[0\]\.context: "nope" is not a directory/m,
    ],
    [
      'a paths entry not in the commit',
      { 'images.yml': 'images:\n  - {name: api, repository: app, file: Dockerfile.light, paths: [cmd/api, cmd/nope]}\n' },
      ['plan', '--source', 'tree'],
      /^ensure-image plan: images\.yml: images\[0\]\.paths\[1\]: Cannot read the tree id of "cmd\/nope"/m,
    ],
    [
      'a YAML syntax error',
      { 'images.yml': 'images:\n  - name: api\n    repository: app: x\n' },
      ['plan'],
      /images\.yml: not valid YAML at line 3, column 17: Nested mappings are not allowed in compact mappings\n\s*2 \| {3}- name: api\n\s*3 \| {5}repository: app: x\n\s*\|\s{17}\^/,
    ],
  ])('%s is a manifest error, exit 2, naming file and field', (_what, files, args, message) => {
    const ws = fixture(unique('bad'), files);
    const r = cli(args, ws.dir, actionEnv(dockerConfig()));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  test('the plan action rejects a missing Dockerfile as ensure does (no image reported missing)', () => {
    const ws = fixture(unique('bad'), { 'images.yml': 'images:\n  - {name: api, repository: app, file: Dockerfile.nope}\n' });
    const plan = runStep('actions/plan', { node: NODE24, cwd: ws.dir, env: actionEnv(dockerConfig()), inputs: { manifest: 'images.yml' } });
    expect(plan.code).toBe(1);
    expect(plan.errors.join('\n')).toMatch(/images\.yml: images\[0\]\.file: "Dockerfile\.nope" does not exist/);
    expect(plan.outputs.missing).toBeUndefined();
  });
});
