// @github/local-action runs an action's src/main.ts run() from source, with only the inputs
// of a .env file (no action.yml defaults): the answer is the runner's, and a failure is one
// error line with no stack trace.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './runner.js';

function localAction(dir: string, env: Record<string, string>): string {
  const file = join(mkdtempSync(join(tmpdir(), 'la-')), '.env');
  writeFileSync(
    file,
    Object.entries(env)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
  );
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_') && !k.startsWith('GITHUB_')));
  try {
    return execFileSync(join(ROOT, 'node_modules/.bin/local-action'), ['run', dir, 'src/main.ts', file], {
      cwd: ROOT,
      env: clean,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    const x = e as { stdout?: string; stderr?: string };
    return `${x.stdout ?? ''}${x.stderr ?? ''}`;
  }
}

test("cdk-context from source: images alone give the runner's arguments", () => {
  const out = localAction('actions/cdk-context', { INPUT_IMAGES: 'cloudtak=cloudtak-abc1234' });
  expect(out).toContain('output args=--context usePreBuiltImages=true --context cloudtakImageTag=cloudtak-abc1234');
});

test('a failure is one error line, no stack trace', () => {
  const out = localAction('actions/cdk-context', { INPUT_IMAGES: 'media mtx=t1' });
  expect(out).toContain('::error::Input "images": "media mtx" cannot form a CDK context key');
  expect(out).not.toMatch(/\n\s+at .*:\d+:\d+/);
});
