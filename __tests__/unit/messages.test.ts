// Errors name only inputs of the running action. Each action's input reading (all of its
// validation) is fed bad values, input by input and in known-bad combinations; every input
// name an error carries (ValidationError.input) or quotes in its text must be in that
// action's action.yml.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ValidationError } from '@ensure-image/core';
import { ACTIONS, ALL_INPUTS, ROOT, baseEnv, inputEnv, workspaceDir, ymlInputs } from './actions.js';

const BAD = ['yes', '0', '-1', '99', 'Not Valid!', '../outside', '/abs', 'a=b,c=d', 'x'.repeat(300), 'UPPER/Case:tag', '${NOPE}', 'a b=c', '  =x', 'aws:x'];

/** Input names an error mentions: its `input`, and any input name (of any action) quoted in its message. */
function mentioned(e: unknown): string[] {
  const names = e instanceof ValidationError ? [e.input] : [];
  const text = e instanceof Error ? e.message : String(e);
  for (const m of text.matchAll(/[`"]([a-z][a-z0-9]*(?:-[a-z0-9]+)*)[`"]/g)) if (ALL_INPUTS.has(m[1] as string)) names.push(m[1] as string);
  return names.filter((n) => !/^[A-Z_]+$/.test(n));
}

const COMBOS: Record<string, Record<string, string>[]> = {
  '.': [
    { username: 'u' },
    { password: 'p' },
    { registry: '123456789012' },
    { account: '1' },
    { name: 'media mtx' },
    { repository: 'Bad' },
    { 'tag-source': 'tree', paths: '../x' },
    { prefix: 'p'.repeat(100), length: '64' },
    { 'key-suffix': 'a b' },
    { flag: 'aws:x' },
  ],
  'actions/build-push': [
    { image: 'ghcr.io/o/a:1' },
    { repository: '', tag: '' },
    { repository: '', image: 'Bad Ref' },
    { username: 'u' },
    { tags: 'ghcr.io/O/x:1' },
  ],
  'actions/merge': [{ platforms: '' }, { digests: 'linux/arm64=abc' }, { digests: 'arm64=sha256:' + 'a'.repeat(64) }, { digests: '{bad' }, { tags: 'a b' }],
  'actions/image-exists': [{ image: 'ghcr.io/o/a:1' }, { repository: '' }, { repository: '', image: ':x' }, { registry: 'public.ecr.aws', repository: 'a' }],
  'actions/cdk-context': [
    { images: 'a=t1,b=t2' },
    { images: 'media mtx=t' },
    { images: 'a=', 'use-prebuilt': 'true' },
    { images: 'a=t\na=t' },
    { extra: 'aws:x=1' },
  ],
  'actions/ecr-login': [{ registries: 'ghcr.io' }, { registries: '123456789012', region: 'mars' }],
  'actions/resolve-tag': [{ prefix: '-x' }, { aliases: 'a b' }, { sha: 'xyz' }, { prefix: 'p'.repeat(100), length: '64' }],
  'actions/plan': [
    { manifest: 'nope.yml' },
    { manifest: 'bad.yml' },
    { manifest: 'broken.yml' },
    { manifest: 'empty.yml' },
    { manifest: 'vars.yml' },
    { manifest: 'noregion.yml' },
  ],
};

const ws = workspaceDir({
  'bad.yml':
    'images:\n  - {name: api, repository: Bad, registry: "x y", account: "1", region: mars, prefix: "-", paths: [/abs], aliases: ["a b"], platforms: linux, target: "1"}\n',
  'broken.yml': 'images: [\n',
  'empty.yml': '',
  'vars.yml': 'images:\n  - {name: api, repository: app, account: "${NOPE}"}\n',
  'noregion.yml': 'images:\n  - {name: api, repository: app, account: "123456789012"}\n',
});

describe.each(ACTIONS)('%s', (dir, load) => {
  test('every error names only inputs of this action', async () => {
    const { INPUTS, readInputs } = await load();
    const own = new Set(Object.keys(ymlInputs(dir)));
    const base = baseEnv(dir, ws);
    const cases = [...Object.keys(INPUTS).flatMap((name) => BAD.map((v) => ({ [name]: v }))), ...(COMBOS[dir] ?? [])];
    const seen = new Set<string>();
    let failures = 0;
    for (const c of cases) {
      const env = { ...base, ...inputEnv(c), ...(dir === 'actions/plan' && c.manifest === 'noregion.yml' ? { AWS_REGION: undefined } : {}) };
      try {
        await readInputs(env);
      } catch (e) {
        failures++;
        for (const n of mentioned(e)) {
          seen.add(n);
          expect(own.has(n) ? n : `${n} is no input of ${dir}: ${JSON.stringify(c)} -> ${(e as Error).message}`).toBe(n);
        }
        // An expected failure, told as such: a ValidationError, never a crash of the code.
        expect(e instanceof ValidationError ? true : `${JSON.stringify(c)} -> ${String(e)}`).toBe(true);
      }
    }
    // The cases do fail, and their errors name inputs (the test checks something).
    expect(failures).toBeGreaterThan(5);
    expect(seen.size).toBeGreaterThan(0);
  });
});

test('plan: a bad manifest names the file and the field, never an input plan lacks', async () => {
  const { readInputs } = await import('../../actions/plan/src/inputs.js');
  const env = { ...baseEnv('actions/plan', ws), ...inputEnv({ manifest: 'bad.yml' }) };
  await expect(readInputs(env)).rejects.toThrow(/^bad\.yml: images\[0\]\.name: .*|^bad\.yml: images\[0\]\.\w+: /);
  await expect(readInputs({ ...env, ...inputEnv({ manifest: 'vars.yml' }) })).rejects.toThrow(/^vars\.yml: images\[0\]\.account: \$\{NOPE\} is not set/);
  await expect(readInputs({ ...env, AWS_REGION: undefined, ...inputEnv({ manifest: 'noregion.yml' }) })).rejects.toThrow(
    /^noregion\.yml: images\[0\]\.region: no AWS region/,
  );
  await expect(readInputs({ ...env, ...inputEnv({ manifest: 'broken.yml' }) })).rejects.toThrow(/^broken\.yml: not valid YAML/);
});

test('cdk-context: comma-joined images get the one-per-line hint; a name with a space is refused with the rule', async () => {
  const { readInputs } = await import('../../actions/cdk-context/src/inputs.js');
  expect(() => readInputs(inputEnv({ images: 'a=t1,b=t2' }))).toThrow(/Input "images": "a=t1,b=t2" is not one name=tag: .*pairs go one per line/);
  expect(() => readInputs(inputEnv({ images: 'media mtx=t1' }))).toThrow(
    /Input "images": "media mtx" cannot form a CDK context key: an image name starts with a letter/,
  );
});

/** Input names a source file passes as the first argument of a call (`validateX('name', ...)`, `new ValidationError('name', ...)`). */
function literalInputs(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/\(\s*'([a-z][a-z0-9-]*)'\s*,/g)].map((m) => m[1] as string).filter((n) => ALL_INPUTS.has(n));
}

test('input names written into the actions and into the runner helpers they use are inputs of those actions', () => {
  const kit = join(ROOT, 'packages/runner/src');
  // runner export -> the file that defines it, from the runner's index.
  const defined = new Map<string, string>();
  for (const m of readFileSync(join(kit, 'index.ts'), 'utf8').matchAll(/export \{([^}]*)\} from '\.\/([\w-]+)\.js'/g)) {
    for (const name of (m[1] as string)
      .split(',')
      .map((s) => s.replace(/\btype\b/, '').trim())
      .filter(Boolean))
      defined.set(name, join(kit, `${m[2]}.ts`));
  }
  for (const [dir] of ACTIONS) {
    const own = new Set(Object.keys(ymlInputs(dir)));
    const files = readdirSync(join(ROOT, dir, 'src'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(ROOT, dir, 'src', f));
    const used = new Set<string>();
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(/import \{([^}]*)\} from '@ensure-image\/runner'/g)) {
        for (const name of (m[1] as string).split(',').map((s) => s.replace(/\btype\b/, '').trim()))
          if (defined.has(name)) used.add(defined.get(name) as string);
      }
    }
    for (const f of [...files, ...used])
      for (const n of literalInputs(f)) expect(own.has(n) ? n : `${relative(ROOT, f)} names "${n}", no input of ${dir}`).toBe(n);
  }
});
