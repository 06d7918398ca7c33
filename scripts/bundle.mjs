// Bundle every action with @vercel/ncc: actions/<name>/src/index.ts -> actions/<name>/dist/,
// the all-in-one root action src/index.ts -> dist/, the local CLI cli/src/index.ts ->
// cli/dist/ (package.json's bin). Two at a time (the machines have 2 cores).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const targets = readdirSync(join(root, 'actions'))
  .map((name) => join('actions', name))
  .filter((dir) => existsSync(join(root, dir, 'src/index.ts')));
if (existsSync(join(root, 'src/index.ts'))) targets.push('.');
if (existsSync(join(root, 'cli/src/index.ts'))) targets.push('cli');
const only = process.argv.slice(2);
const chosen = only.length ? targets.filter((t) => only.some((o) => t.endsWith(o))) : targets;

function bundle(dir) {
  const out = join(root, dir, 'dist');
  rmSync(out, { recursive: true, force: true });
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), 'build', join(root, dir, 'src/index.ts'), '-o', out, '--minify', '--no-cache', '--license', 'licenses.txt', '--quiet'], {
      stdio: 'inherit',
    });
    p.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`ncc failed for ${dir}`));
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
