// Scenario 2: several images from shared parameterised Dockerfiles; plan finds what is missing
// (one ECR call per repository), a "matrix job" builds exactly those with build-push, and only
// the image whose inputs changed is missing after a commit.
import { GitFixture } from './git-fixture.js';
import { NODES, runStep } from './runner.js';
import { actionEnv, dockerConfig, registryDigest, standin, tb, unique } from './testbed.js';

const NODE24 = NODES[1]?.[1] as string;

beforeEach(() => standin.reset());

test('plan -> build the matrix -> plan again: nothing missing; a changed input makes one image missing', async () => {
  const run = unique('r');
  const ws = new GitFixture().write({
    'Dockerfile.light': 'FROM scratch\nARG CMD_TARGET\nCOPY cmd/ /cmd/\nLABEL target=$CMD_TARGET\n',
    'cmd/api/main.txt': `api ${run}\n`,
    'cmd/jobs/main.txt': `jobs ${run}\n`,
    'images.yml': [
      'images:',
      `  - {name: api, repository: app, account: "123456789012", prefix: api-${run}, file: Dockerfile.light, build-args: {CMD_TARGET: api}, paths: [Dockerfile.light, cmd/api]}`,
      `  - {name: jobs, repository: app, account: "123456789012", prefix: jobs-${run}, file: Dockerfile.light, build-args: {CMD_TARGET: jobs}, paths: [Dockerfile.light, cmd/jobs]}`,
      `  - {name: events, repository: events, account: "123456789012", prefix: events-${run}, file: Dockerfile.light, build-args: {CMD_TARGET: api}, paths: [Dockerfile.light, cmd/api]}`,
    ].join('\n'),
  });
  ws.commit('one');
  const cfg = dockerConfig({ [tb.ecrHost]: tb.ecrAuth });
  const plan = () => runStep('actions/plan', { node: NODE24, cwd: ws.dir, env: actionEnv(cfg), inputs: { manifest: 'images.yml', source: 'tree' } });

  const first = plan();
  expect(first.errors).toEqual([]);
  expect(first.outputs.missing).toBe('api,jobs,events');
  expect(await standin.calls()).toEqual({ 'ecr.BatchGetImage': 2 });
  const matrix = JSON.parse(first.outputs.matrix as string) as { include: Record<string, string>[] };
  expect(matrix.include).toHaveLength(3);

  for (const entry of matrix.include) {
    const built = runStep('actions/build-push', {
      node: NODE24,
      cwd: ws.dir,
      env: actionEnv(cfg),
      inputs: {
        image: entry.image as string,
        tags: entry.tags as string,
        context: entry.context as string,
        file: entry.file as string,
        'build-args': entry['build-args'] as string,
        platforms: entry.platforms as string,
      },
    });
    expect(built.errors).toEqual([]);
    expect(built.outputs.built).toBe('true');
  }

  await standin.reset();
  const second = plan();
  expect(second.outputs.missing).toBe('');
  expect(JSON.parse(second.outputs.matrix as string)).toEqual({ include: [] });
  const images = JSON.parse(second.outputs.images as string) as { name: string; image: string; tag: string; digest: string }[];
  for (const img of images) expect(img.digest).toBe(await registryDigest(tb.ecrHost, img.image.split('/')[1]?.split(':')[0] as string, img.tag, tb.ecrAuth));
  expect(second.outputs['cdk-args']).toBe(
    images.map((i) => `--context ${i.name}ImageTag=${i.tag}`).reduce((a, b) => `${a} ${b}`, '--context usePreBuiltImages=true'),
  );
  expect(await standin.calls()).toEqual({ 'ecr.BatchGetImage': 2 });

  ws.write({ 'cmd/jobs/main.txt': `jobs changed ${run}\n` }).commit('jobs only');
  const third = plan();
  expect(third.outputs.missing).toBe('jobs');
});

test('a bad manifest is named by file and field, and makes no network call', async () => {
  const ws = new GitFixture().write({
    'images.yml': 'images:\n  - {name: api}\n',
    'bad-repo.yml': 'images:\n  - {name: api, repository: app}\n  - {name: jobs, repository: "Not Valid"}\n',
    'vars.yml': 'images:\n  - {name: api, repository: "app-${STAGE}", account: "${ACCOUNT_ID}"}\n',
  });
  ws.commit('one');
  const plan = (manifest: string, env: Record<string, string> = {}) =>
    runStep('actions/plan', { node: NODE24, cwd: ws.dir, env: actionEnv(dockerConfig(), env), inputs: { manifest } });
  await standin.reset();
  const r = plan('images.yml');
  expect(r.errors.join('\n')).toMatch(/images\.yml: images\[0\]\.repository: required/);
  const bad = plan('bad-repo.yml');
  expect(bad.errors.join('\n')).toMatch(/bad-repo\.yml: images\[1\]\.repository: "Not Valid" is not a valid repository name/);
  expect(bad.errors.join('\n')).not.toMatch(/Input "repository"/);
  const unset = plan('vars.yml', { STAGE: 'prod' });
  expect(unset.errors.join('\n')).toMatch(/vars\.yml: images\[0\]\.account: \$\{ACCOUNT_ID\} is not set in the environment/);
  expect(await standin.calls()).toEqual({});
  const none = plan('nope.yml');
  expect(none.errors.join('\n')).toMatch(/Input "manifest": "nope.yml" cannot be read/);
});

test('${VAR} values come from the job environment; $${ is a literal ${', () => {
  const repo = unique('vars');
  const ws = new GitFixture().write({
    Dockerfile: 'FROM scratch\n',
    'images.yml': 'images:\n  - {name: api, repository: "${REPO}", account: "${ACCOUNT_ID}", build-args: {GREETING: "$${USER}", STAGE: "${STAGE}"}}\n',
  });
  ws.commit('one');
  const r = runStep('actions/plan', {
    node: NODE24,
    cwd: ws.dir,
    env: actionEnv(dockerConfig(), { REPO: repo, ACCOUNT_ID: '123456789012', STAGE: 'prod' }),
    inputs: { manifest: 'images.yml', 'missing-repository': 'absent' },
  });
  expect(r.errors).toEqual([]);
  const [entry] = (JSON.parse(r.outputs.matrix as string) as { include: Record<string, string>[] }).include;
  expect(entry).toMatchObject({ image: expect.stringContaining(`${tb.ecrHost}/${repo}:api-`), 'build-args': 'GREETING=${USER}\nSTAGE=prod' });
});
