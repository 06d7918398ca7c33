// action.yml files and workflows checked against the schema of @action-validator/core.
// Its schema does not list `node24` yet, so the check runs on a copy that says node20 and
// `runs.using` is asserted separately.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const { validateAction, validateWorkflow } = require('@action-validator/core') as {
  validateAction: (src: string) => { errors: unknown[] };
  validateWorkflow: (src: string) => { errors: unknown[] };
};
const ROOT = new URL('../..', import.meta.url).pathname;
const actions = ['.', ...readdirSync(join(ROOT, 'actions')).map((a) => `actions/${a}`)];

describe.each(actions)('%s/action.yml', (dir) => {
  const src = readFileSync(join(ROOT, dir, 'action.yml'), 'utf8');
  const meta = parse(src) as {
    runs: Record<string, string>;
    inputs: Record<string, { description?: string }>;
    outputs: Record<string, { description?: string }>;
  };

  test('is valid action metadata', () => {
    expect(validateAction(src.replace(/using: node24/, 'using: node20')).errors).toEqual([]);
  });
  test('runs on node24 from its committed bundle, post step from the same bundle', () => {
    expect(meta.runs.using).toBe('node24');
    expect(meta.runs.main).toBe('dist/index.js');
    if (meta.runs.post) expect(meta.runs.post).toBe('dist/index.js');
    expect(existsSync(join(ROOT, dir, 'dist/index.js'))).toBe(true);
  });
  test('every input and output says what it is', () => {
    for (const v of [...Object.values(meta.inputs ?? {}), ...Object.values(meta.outputs ?? {})]) expect(v.description?.length ?? 0).toBeGreaterThan(10);
  });
});

test.each(readdirSync(join(ROOT, '.github/workflows')))('.github/workflows/%s is a valid workflow', (f) => {
  expect(validateWorkflow(readFileSync(join(ROOT, '.github/workflows', f), 'utf8')).errors).toEqual([]);
});

test('the public contract: every action and input name DESIGN.md promises is there', () => {
  const contract: Record<string, string[]> = {
    'actions/ecr-login': ['registries', 'region', 'mask-password', 'skip-logout'],
    'actions/resolve-tag': ['prefix', 'source', 'paths', 'length', 'sha', 'aliases'],
    'actions/image-exists': ['image', 'repository', 'tag', 'registry', 'account', 'region', 'username', 'password'],
    'actions/build-push': [
      'image',
      'repository',
      'tag',
      'registry',
      'account',
      'region',
      'tags',
      'context',
      'file',
      'build-args',
      'platforms',
      'target',
      'labels',
      'cache',
      'provenance',
      'skip-if-exists',
      'push',
      'builder',
    ],
    'actions/cdk-context': ['images', 'use-prebuilt', 'flag', 'key-suffix', 'extra'],
    '.': ['repository', 'name', 'registry', 'account', 'region', 'tag-source', 'context', 'file', 'build-args', 'platforms', 'cache', 'force-build', 'login'],
    'actions/plan': ['manifest', 'source', 'length'],
  };
  const outputs: Record<string, string[]> = {
    'actions/ecr-login': ['registry', 'registries'],
    'actions/resolve-tag': ['tag', 'id', 'sha', 'tags'],
    'actions/image-exists': ['exists', 'digest', 'image', 'image-digest'],
    'actions/build-push': ['built', 'digest', 'image', 'image-digest', 'metadata'],
    'actions/cdk-context': ['args', 'args-json', 'json'],
    '.': ['image', 'tag', 'digest', 'image-digest', 'exists', 'built', 'cdk-args'],
    'actions/plan': ['matrix', 'missing', 'images', 'cdk-args'],
  };
  for (const [dir, names] of Object.entries(contract)) {
    const meta = parse(readFileSync(join(ROOT, dir, 'action.yml'), 'utf8')) as { inputs: object; outputs: object };
    expect(Object.keys(meta.inputs)).toEqual(expect.arrayContaining(names));
    expect(Object.keys(meta.outputs)).toEqual(expect.arrayContaining(outputs[dir] as string[]));
  }
});

test('every whole workflow in the README is valid (an `on:` is added where the snippet leaves it out)', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string).filter((b) => /^jobs:/m.test(b));
  expect(blocks.length).toBeGreaterThanOrEqual(3);
  for (const b of blocks) {
    const src = /^on:/m.test(b) ? b : `on: push\n${b}`;
    expect({ snippet: b.slice(0, 60), errors: validateWorkflow(src).errors }).toEqual({ snippet: b.slice(0, 60), errors: [] });
  }
});
