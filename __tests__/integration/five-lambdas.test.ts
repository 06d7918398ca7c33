// examples/five-lambdas end to end on the testbed, wired as the many-images reusable workflow
// wires it: plan -> build-push for each matrix entry (with the `with:` of the workflow's build
// step) -> plan again finds nothing missing -> the workflow's collect step turns that into the
// images output. Then a commit that touches only cmd/thumb plans exactly one build.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { GitFixture } from './git-fixture.js';
import { NODES, ROOT, parseFileCommands, runStep } from './runner.js';
import { actionEnv, dockerConfig, registryDigest, request, tb, unique } from './testbed.js';

const NODE24 = NODES[1]?.[1] as string;
const WORKFLOW = parse(readFileSync(join(ROOT, '.github/workflows/ensure-images.yml'), 'utf8'));
const CALLER = parse(readFileSync(join(ROOT, 'examples/five-lambdas/.github/workflows/images.yml'), 'utf8'));

type Step = { id?: string; uses?: string; run?: string; with?: Record<string, string> };
const steps = (job: string): Step[] => WORKFLOW.jobs[job].steps;

/**
 * A `with:` value of the reusable workflow: `${{ matrix.x }}` from the entry, `${{ inputs.x }}`
 * from the caller or the default, `${{ secrets.x }}` from the caller (empty when not given).
 */
function evaluate(value: string, matrix: Record<string, string>): string {
  return value.replace(/\$\{\{\s*(matrix|inputs|secrets)\.([\w-]+)\s*\}\}/g, (_, scope: string, key: string) => {
    if (scope === 'matrix') return matrix[key] ?? '';
    if (scope === 'secrets') return String(CALLER.jobs.images.secrets?.[key] ?? '');
    const given = CALLER.jobs.images.with?.[key];
    return String(given ?? WORKFLOW.on.workflow_call.inputs[key]?.default ?? '');
  });
}

/** Run one `run:` step of the reusable workflow with bash, as the runner would (shell: bash). */
function runScript(job: string, id: string, env: Record<string, string>): { output: Record<string, string>; stdout: string } {
  const step = steps(job).find((s) => s.id === id) as Step;
  const dir = mkdtempSync(join(tmpdir(), 'wf-'));
  const output = join(dir, 'output');
  writeFileSync(output, '');
  const stdout = execFileSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run as string], {
    env: { PATH: process.env.PATH, GITHUB_OUTPUT: output, ...env },
    encoding: 'utf8',
  });
  return { output: parseFileCommands(readFileSync(output, 'utf8')), stdout };
}

test('five-lambdas: plan, build the matrix, plan again; then a cmd/thumb commit plans thumb alone', async () => {
  const run = unique('fl');
  const ws = new GitFixture();
  cpSync(join(ROOT, 'examples/five-lambdas'), ws.dir, { recursive: true });
  // The example's manifest as it is, with repositories of this run's own (others test in parallel).
  const manifest = parse(readFileSync(join(ws.dir, 'images.yml'), 'utf8')) as { images: { repository: string }[] };
  for (const img of manifest.images) img.repository = `${run}/${img.repository}`;
  writeFileSync(join(ws.dir, 'images.yml'), stringify(manifest));
  ws.commit('five lambdas');

  const cfg = dockerConfig({ [tb.ecrHost]: tb.ecrAuth });
  const env = actionEnv(cfg);
  // plan with the `with:` of the workflow's plan step, as the caller's inputs make it.
  const planStep = steps('plan').find((s) => s.id === 'plan') as Step;
  const planInputs = Object.fromEntries(Object.entries(planStep.with ?? {}).map(([k, v]) => [k, evaluate(String(v), {})]));
  expect(planInputs).toMatchObject({ manifest: 'images.yml', source: 'tree', 'create-repository': 'true', 'lifecycle-keep': '5' });
  const plan = () => runStep('actions/plan', { node: NODE24, cwd: ws.dir, env, inputs: planInputs });

  const first = plan();
  expect(first.errors).toEqual([]);
  expect(first.outputs.missing).toBe('api,enhance,thumb,select,video');
  const matrix = JSON.parse(first.outputs.matrix as string) as { include: Record<string, string>[] };
  expect(matrix.include.map((e) => e.name)).toEqual(['api', 'enhance', 'thumb', 'select', 'video']);
  // plan created both repositories, each with a rule keeping 5 images per image name in it.
  const made = JSON.parse((await request(`${tb.standin}/__repositories`)).body.toString()) as Record<string, { lifecyclePolicyText: string }>;
  const kept = (repo: string) =>
    (JSON.parse(made[`${run}/${repo}`]?.lifecyclePolicyText ?? '{"rules":[]}').rules as { selection: { tagPrefixList?: string[]; countNumber: number } }[])
      .filter((r) => r.selection.tagPrefixList)
      .map((r) => `${r.selection.tagPrefixList?.join(',')}${r.selection.countNumber}`);
  expect(kept('app-lambda-light').sort()).toEqual(['api-5', 'enhance-5']);
  expect(kept('app-lambda-heavy').sort()).toEqual(['select-5', 'thumb-5', 'video-5']);

  const buildStep = steps('build').find((s) => s.uses?.includes('/actions/build-push@')) as Step;
  const digests: Record<string, string> = {};
  for (const entry of matrix.include) {
    const inputs = Object.fromEntries(Object.entries(buildStep.with ?? {}).map(([k, v]) => [k, evaluate(String(v), entry)]));
    expect(Object.values(inputs).filter((v) => v.includes('${{'))).toEqual([]);
    expect(inputs['build-args']).toBe(`CMD_TARGET=${entry.name}`);
    const built = runStep('actions/build-push', { node: NODE24, cwd: ws.dir, env, inputs });
    expect({ name: entry.name, errors: built.errors, built: built.outputs.built }).toEqual({ name: entry.name, errors: [], built: 'true' });
    digests[entry.name as string] = built.outputs.digest as string;
    // <name>-latest moved with the build.
    const repo = (entry.image as string).split('/').slice(1).join('/').split(':')[0] as string;
    expect(await registryDigest(tb.ecrHost, repo, `${entry.name}-latest`, tb.ecrAuth)).toBe(built.outputs.digest);
  }

  const second = plan();
  expect(second.errors).toEqual([]);
  expect(second.outputs.missing).toBe('');
  expect(JSON.parse(second.outputs.matrix as string)).toEqual({ include: [] });

  // The workflow's last job: every image, name -> image, tag, digest, built.
  const collected = runScript('images', 'collect', { IMAGES: second.outputs.images as string, BUILT: first.outputs.missing as string });
  const images = JSON.parse(collected.output.images as string) as Record<string, { image: string; tag: string; digest: string; built: boolean }>;
  expect(Object.keys(images)).toEqual(['api', 'enhance', 'thumb', 'select', 'video']);
  for (const [name, img] of Object.entries(images)) {
    expect(img).toEqual({
      image: expect.stringContaining(`:${name}-`),
      tag: expect.stringMatching(new RegExp(`^${name}-[0-9a-f]{7}$`)),
      digest: digests[name],
      built: true,
    });
  }
  expect(second.outputs['cdk-args']).toMatch(/^--context usePreBuiltImages=true --context apiImageTag=api-[0-9a-f]{7} .*--context videoImageTag=video-/);

  ws.write({ 'cmd/thumb/handler.txt': `handler thumb, changed ${run}\n` }).commit('thumb only');
  const third = plan();
  expect(third.outputs.missing).toBe('thumb');
  const again = JSON.parse(third.outputs.matrix as string) as { include: Record<string, string>[] };
  expect(again.include.map((e) => e.name)).toEqual(['thumb']);
  expect(again.include[0]?.image).not.toBe(images.thumb?.image);
}, 120_000);

/** What a failed command printed, stdout and stderr. */
function failure(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    const x = e as { stdout?: string; stderr?: string };
    return `${x.stdout ?? ''}${x.stderr ?? ''}`;
  }
  throw new Error('expected the command to fail');
}

test('the collect step fails when an image is still missing after the builds', () => {
  const images = JSON.stringify([{ name: 'api', image: 'h/r:api-1', tag: 'api-1', exists: false, digest: '' }]);
  expect(failure(() => runScript('images', 'collect', { IMAGES: images, BUILT: 'api' }))).toMatch(/::error::h\/r:api-1 is still missing after the build/);
});

test('the manifest-variables step exports NAME=value lines and refuses anything else', () => {
  const step = steps('plan').find((s) => s.run?.includes('VARIABLES')) as Step;
  const dir = mkdtempSync(join(tmpdir(), 'wf-'));
  const envFile = join(dir, 'env');
  writeFileSync(envFile, '');
  const sh = (variables: string) =>
    execFileSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run as string], {
      env: { PATH: process.env.PATH, GITHUB_ENV: envFile, VARIABLES: variables },
      encoding: 'utf8',
    });
  sh('ECR_REPO=tak-dev-artifacts\n\n# a comment\nETL_REPO=a=b');
  expect(readFileSync(envFile, 'utf8')).toBe('ECR_REPO=tak-dev-artifacts\nETL_REPO=a=b\n');
  expect(failure(() => sh('not a pair'))).toMatch(/::error::variables: each line must be NAME=value/);
});
