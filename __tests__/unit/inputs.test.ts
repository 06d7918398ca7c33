// Every action declares each input it reads once, in its src/inputs.ts, with action.yml's
// default; code reads inputs only through that declaration; a run with no runner-supplied
// defaults reads the same values as one under the runner.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { input, rawDeclared, readDeclared } from '@ensure-image/runner';
import { ACTIONS, ROOT, baseEnv, defaultText, inputEnv, runnerDefaults, workspaceDir, ymlInputs } from './actions.js';

describe.each(ACTIONS)('%s', (dir, load) => {
  test('declares exactly the inputs of its action.yml, with the same defaults and required flags', async () => {
    const { INPUTS } = await load();
    const yml = ymlInputs(dir);
    expect(Object.keys(INPUTS).sort()).toEqual(Object.keys(yml).sort());
    for (const [name, spec] of Object.entries(INPUTS)) {
      const y = yml[name];
      expect({ name, default: spec.default, required: spec.required }).toEqual({
        name,
        default: defaultText(y),
        required: y?.required === true,
      });
    }
  });

  test('every declared default parses', async () => {
    const { INPUTS } = await load();
    const env = baseEnv(dir, workspaceDir());
    expect(() => readDeclared(INPUTS, env)).not.toThrow();
  });

  test('with only the inputs a user sets, it reads what it reads under the runner (action.yml defaults as INPUT_*)', async () => {
    const { INPUTS, readInputs } = await load();
    const ws = workspaceDir();
    const user = baseEnv(dir, ws);
    const runner = { ...inputEnv(runnerDefaults(dir)), ...user };
    expect(readDeclared(INPUTS, user)).toEqual(readDeclared(INPUTS, runner));
    expect(await readInputs(user)).toEqual(await readInputs(runner));
  });
});

test('reading an input that is not declared is a programming error', async () => {
  const { INPUTS } = await import('../../actions/cdk-context/src/inputs.js');
  expect(() => rawDeclared(INPUTS, 'image', {})).toThrow(/Input "image" is not declared by this action/);
  expect(rawDeclared(INPUTS, 'flag', {})).toBe('usePreBuiltImages');
});

test('unset takes the default; set to empty takes it too, unless empty means something (keepEmpty)', () => {
  const d = { flag: input.text('usePreBuiltImages', { keepEmpty: true }), context: input.text('.'), 'build-args': input.pairs('') };
  expect(readDeclared(d, {})).toEqual({ flag: 'usePreBuiltImages', context: '.', 'build-args': [] });
  expect(readDeclared(d, { INPUT_FLAG: '', INPUT_CONTEXT: '' })).toEqual({ flag: '', context: '.', 'build-args': [] });
  expect(readDeclared(d, { 'INPUT_BUILD-ARGS': '\n  A=1\nB=x, y\n\n' })).toMatchObject({
    'build-args': [
      { key: 'A', value: '1' },
      { key: 'B', value: 'x, y' },
    ],
  });
  expect(() => readDeclared({ manifest: input.text('', { required: true, hint: 'the images file' }) }, { INPUT_MANIFEST: ' ' })).toThrow(
    /Input "manifest": required: the images file/,
  );
});

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

const CODE = [
  join(ROOT, 'src'),
  join(ROOT, 'packages/runner/src'),
  join(ROOT, 'packages/steps/src'),
  join(ROOT, 'packages/adapters/src'),
  join(ROOT, 'packages/core/src'),
  ...readdirSync(join(ROOT, 'actions')).map((a) => join(ROOT, 'actions', a, 'src')),
].flatMap(sources);

test('no code reads INPUT_* but the declared reader (runner/declare.ts over runner/runner.ts)', () => {
  const readers = CODE.filter((f) => /INPUT_|\brawInput\(|\brawDeclared\(|\bgetInput\(|\bgetMultiline\(/.test(readFileSync(f, 'utf8'))).map((f) =>
    relative(ROOT, f),
  );
  expect(readers.sort()).toEqual(['packages/runner/src/declare.ts', 'packages/runner/src/runner.ts']);
});

test('each action reads its inputs through its own declaration only', () => {
  for (const [dir] of ACTIONS) {
    const src = join(ROOT, dir, 'src');
    for (const f of sources(src)) {
      const text = readFileSync(f, 'utf8');
      // readDeclared is given the action's own INPUTS, nothing else.
      for (const m of text.matchAll(/readDeclared\(([^,)]+)/g)) expect(`${relative(ROOT, f)}: ${m[1]}`).toBe(`${relative(ROOT, f)}: INPUTS`);
    }
  }
});

test('runner imports nothing from steps', () => {
  const kit = sources(join(ROOT, 'packages/runner/src')).filter((f) => readFileSync(f, 'utf8').includes('@ensure-image/steps'));
  expect(kit.map((f) => relative(ROOT, f))).toEqual([]);
});
