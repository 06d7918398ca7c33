// Every committed bundle run with only the inputs a user sets (no action.yml defaults in the
// environment, as under @github/local-action, act or a bundle run by hand) gives what the
// same run gives under the runner, which passes action.yml's defaults as INPUT_* variables.
import { GitFixture } from './git-fixture.js';
import { NODES, type RunOptions, type StepResult, runStep } from './runner.js';
import { runnerDefaults } from '../action-yml.js';
import { actionEnv, dockerConfig, pushRandomImage, tb, unique } from './testbed.js';

const NODE24 = NODES[1]?.[1] as string;

/** The same step twice: as the runner runs it, and with only `inputs` (every other INPUT_* unset). */
function both(dir: string, o: RunOptions & { inputs: Record<string, string> }): { runner: StepResult; user: StepResult } {
  const unset = Object.fromEntries(
    Object.keys(runnerDefaults(dir))
      .filter((k) => !(k in o.inputs))
      .map((k) => [`INPUT_${k.toUpperCase()}`, undefined]),
  );
  const runner = runStep(dir, { node: NODE24, ...o });
  const user = runStep(dir, { node: NODE24, ...o, env: { ...o.env, ...unset } });
  return { runner, user };
}

function expectSame(r: { runner: StepResult; user: StepResult }): void {
  expect(r.runner.errors).toEqual([]);
  expect(r.user.errors).toEqual([]);
  expect(r.user.code).toBe(0);
  expect(r.user.outputs).toEqual(r.runner.outputs);
  expect(r.user.warnings).toEqual(r.runner.warnings);
}

test('the unset check really unsets: a user-only run has no INPUT_* but its own', () => {
  const unset = Object.keys(runnerDefaults('actions/cdk-context'));
  expect(unset).toEqual(expect.arrayContaining(['use-prebuilt', 'flag', 'key-suffix']));
});

test('cdk-context: images alone give the flag and the ImageTag keys', () => {
  const r = both('actions/cdk-context', { inputs: { images: 'cloudtak=cloudtak-abc1234' } });
  expectSame(r);
  expect(r.user.outputs.args).toBe('--context usePreBuiltImages=true --context cloudtakImageTag=cloudtak-abc1234');
});

test('resolve-tag', () => {
  const ws = new GitFixture().write({ Dockerfile: 'FROM scratch\n' });
  const sha = ws.commit('one');
  const r = both('actions/resolve-tag', { cwd: ws.dir, inputs: { prefix: 'cloudtak' } });
  expectSame(r);
  expect(r.user.outputs.tag).toBe(`cloudtak-${sha.slice(0, 7)}`);
});

test('ecr-login', () => {
  const r = both('actions/ecr-login', { env: actionEnv(dockerConfig()), inputs: {} });
  expectSame(r);
  expect(r.user.outputs.registry).toBe(tb.ecrHost);
  expect(r.user.outputs['docker-password']).toBe('');
});

test('image-exists and build-push (skip path) on an image that exists', async () => {
  const repo = unique('ui');
  const digest = await pushRandomImage(tb.ecrHost, repo, 'v1', tb.ecrAuth);
  const env = actionEnv(dockerConfig({ [tb.ecrHost]: tb.ecrAuth }));
  const exists = both('actions/image-exists', { env, inputs: { repository: repo, tag: 'v1' } });
  expectSame(exists);
  expect(exists.user.outputs).toMatchObject({ exists: 'true', digest });
  const ws = new GitFixture().write({ Dockerfile: 'FROM scratch\n' });
  const built = both('actions/build-push', { cwd: ws.dir, env, inputs: { repository: repo, tag: 'v1' } });
  expectSame(built);
  expect(built.user.outputs).toMatchObject({ built: 'false', digest });
});

test('plan and the all-in-one action on images that exist', async () => {
  const repo = unique('ui');
  const ws = new GitFixture().write({ Dockerfile: 'FROM scratch\n', 'images.yml': `images:\n  - {name: api, repository: ${repo}}\n` });
  const sha = ws.commit('one');
  const tag = `api-${sha.slice(0, 7)}`;
  const digest = await pushRandomImage(tb.ecrHost, repo, tag, tb.ecrAuth);
  const env = actionEnv(dockerConfig({ [tb.ecrHost]: tb.ecrAuth }));
  const plan = both('actions/plan', { cwd: ws.dir, env, inputs: { manifest: 'images.yml' } });
  expectSame(plan);
  expect(plan.user.outputs).toMatchObject({ missing: '', 'cdk-args': `--context usePreBuiltImages=true --context apiImageTag=${tag}` });
  expect(JSON.parse(plan.user.outputs['cdk-args-json'] as string)).toEqual(['--context', 'usePreBuiltImages=true', '--context', `apiImageTag=${tag}`]);
  const root = both('.', { cwd: ws.dir, env, inputs: { repository: repo, name: 'api' } });
  expectSame(root);
  expect(root.user.outputs).toMatchObject({
    tag,
    exists: 'true',
    built: 'false',
    digest,
    'cdk-args': `--context usePreBuiltImages=true --context apiImageTag=${tag}`,
  });
});
