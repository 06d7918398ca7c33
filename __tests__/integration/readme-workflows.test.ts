// The README's step-by-step workflow, run step by step on the testbed: the build job's
// resolve-tag and build-push for every matrix entry (with the README's own `with:`), then the
// deploy job's resolve-tag and cdk-context steps. The tags the deploy hands CDK must be the
// ones the build job pushed: a README whose jobs drift apart fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { GitFixture } from './git-fixture.js';
import { NODES, ROOT, runStep } from './runner.js';
import { actionEnv, dockerConfig, registryDigest, standin, tb, unique } from './testbed.js';

const NODE24 = NODES[1]?.[1] as string;

type Step = { id?: string; uses?: string; with?: Record<string, string> };
interface Workflow {
  jobs: Record<string, { strategy?: { matrix: { include: Record<string, string>[] } }; steps: Step[] }>;
}

/** The first YAML block after a heading of the README. */
function readmeWorkflow(heading: string): Workflow {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const from = readme.indexOf(heading);
  const block = /```yaml\n([\s\S]*?)```/.exec(readme.slice(from));
  if (from < 0 || !block) throw new Error(`README has no workflow under ${heading}`);
  return parse(block[1] as string) as Workflow;
}

/** `${{ matrix.x }}` and `${{ steps.id.outputs.x }}` in a `with:` value. */
function evaluate(value: unknown, matrix: Record<string, string>, outputs: Record<string, Record<string, string>>): string {
  return String(value).replace(/\$\{\{\s*(?:matrix\.([\w-]+)|steps\.([\w-]+)\.outputs\.([\w-]+))\s*\}\}/g, (_, m?: string, id?: string, out?: string) =>
    m !== undefined ? (matrix[m] ?? '') : (outputs[id as string]?.[out as string] ?? ''),
  );
}

/** Run the job's steps that use this repository's actions, in order, as the runner would. */
function runJob(
  steps: Step[],
  ws: string,
  matrix: Record<string, string>,
  env: Record<string, string | undefined>,
  rename: (inputs: Record<string, string>) => Record<string, string>,
) {
  const outputs: Record<string, Record<string, string>> = {};
  for (const step of steps) {
    const action = /^ensure-image\/ensure-image\/(actions\/[\w-]+)@/.exec(step.uses ?? '')?.[1];
    if (!action || action === 'actions/ecr-login') continue; // the test's docker config holds the login
    const inputs = rename(Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, evaluate(v, matrix, outputs)])));
    const r = runStep(action, { node: NODE24, cwd: ws, env, inputs });
    expect({ step: step.id, errors: r.errors }).toEqual({ step: step.id, errors: [] });
    if (step.id) outputs[step.id] = r.outputs;
  }
  return outputs;
}

test('README, step by step: the deploy job names exactly the tags the build job pushed', async () => {
  await standin.reset();
  const wf = readmeWorkflow('### Step by step');
  const entries = wf.jobs.images?.strategy?.matrix.include ?? [];
  expect(entries.length).toBeGreaterThan(1);
  const ws = new GitFixture();
  for (const e of entries)
    ws.write({ [e.file as string]: 'FROM scratch\nARG CMD_TARGET\nCOPY cmd/${CMD_TARGET} /app\n', [`cmd/${e.name}/main.txt`]: `${e.name}\n` });
  ws.write({ 'internal/lib.txt': 'shared\n' });
  ws.commit('lambdas');
  // Repositories of this run's own (others test in parallel), as a prefix to the README's names.
  const run = unique('readme');
  const rename = (inputs: Record<string, string>) => (inputs.repository ? { ...inputs, repository: `${run}/${inputs.repository}` } : inputs);
  const env = actionEnv(dockerConfig({ [tb.ecrHost]: tb.ecrAuth }));

  const pushed = new Map<string, string>();
  for (const entry of entries) {
    const out = runJob(wf.jobs.images?.steps ?? [], ws.dir, entry, env, rename);
    expect(out.build?.built).toBe('true');
    pushed.set(entry.name as string, out.tag?.tag as string);
    expect(await registryDigest(tb.ecrHost, `${run}/${entry.repository}`, out.tag?.tag as string, tb.ecrAuth)).toMatch(/^sha256:/);
  }

  const deploy = runJob(wf.jobs.deploy?.steps ?? [], ws.dir, {}, env, rename);
  const named = new Map(deploy.cdk?.json ? Object.entries(JSON.parse(deploy.cdk.json) as Record<string, string>) : []);
  expect(deploy.cdk?.args).toContain('usePreBuiltImages=true');
  for (const [name, tag] of pushed) expect({ name, tag: named.get(`${name}ImageTag`) }).toEqual({ name, tag });
  expect(named.size).toBe(pushed.size + 1); // each image's key and the usePreBuiltImages flag
});
