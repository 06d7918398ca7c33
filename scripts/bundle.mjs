// Bundle every action with @vercel/ncc: actions/<name>/src/index.ts -> actions/<name>/dist/,
// the all-in-one root action src/index.ts -> dist/, the local CLI cli/src/index.ts ->
// cli/dist/ (package.json's bin). Two at a time (the machines have 2 cores).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const targets = readdirSync(join(root, 'actions'))
  .map((name) => join('actions', name))
  .filter((dir) => existsSync(join(root, dir, 'src/index.ts')));
if (existsSync(join(root, 'src/index.ts'))) targets.push('.');
if (existsSync(join(root, 'cli/src/index.ts'))) targets.push('cli');
const only = process.argv.slice(2);
const chosen = only.length ? targets.filter((t) => only.some((o) => t.endsWith(o))) : targets;

/**
 * ncc minifies only dist/index.js; the lazy chunks (nearly all the code since every entry loads
 * the rest of its bundle with import()) come out as written. Minify them too: less to read and
 * compile at each step's start, less to commit. esbuild's output is deterministic, so
 * `pnpm check-dist` still compares like with like.
 */
function minifyChunks(out) {
  for (const f of readdirSync(out).filter((n) => /^\d+\.index\.js$/.test(n))) {
    const file = join(out, f);
    const { code } = transformSync(readFileSync(file, 'utf8'), { loader: 'js', format: 'esm', minify: true, target: 'node20', legalComments: 'eof' });
    writeFileSync(file, code);
  }
}

function bundle(dir) {
  const out = join(root, dir, 'dist');
  rmSync(out, { recursive: true, force: true });
  return new Promise((resolve, reject) => {
    const p = spawn(
      process.execPath,
      [
        join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
        'build',
        join(root, dir, 'src/index.ts'),
        '-o',
        out,
        '--minify',
        '--no-cache',
        '--license',
        'licenses.txt',
        '--quiet',
      ],
      {
        stdio: 'inherit',
      },
    );
    p.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`ncc failed for ${dir}`));
      minifyChunks(out);
      const bytes = statSync(join(out, 'index.js')).size;
      console.log(`${dir.padEnd(24)} ${(bytes / 1024).toFixed(0).padStart(6)} KiB  dist/index.js`);
      resolve();
    });
  });
}

const queue = [...chosen];
await Promise.all(
  [0, 1].map(async () => {
    while (queue.length) await bundle(queue.shift());
  }),
);
