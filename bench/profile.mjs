// Where the time of one step goes: runs a bundle once under --cpu-prof against the testbed and
// prints its self time grouped by where the code lives (our entry chunk, each lazy chunk, Node's
// own modules, GC, idle waiting on I/O), and the top functions. Usage:
//   [PROFILE_CWD=workspace] node bench/profile.mjs <action dir> [input=value ...]   e.g. actions/ecr-login, or .
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { NODE24, ROOT, ownStandin, stepEnv, testbedEnv } from './lib.mjs';

const [dir = 'actions/ecr-login', ...pairs] = process.argv.slice(2);
const inputs = Object.fromEntries(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
const port = Number(process.env.BENCH_STANDIN_PORT || 4579);
const own = await ownStandin(port);
const url = `http://127.0.0.1:${port}`;
const profDir = mkdtempSync(join(tmpdir(), 'cpuprof-'));
const env = stepEnv(
  {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...testbedEnv,
    DOCKER_CONFIG: mkdtempSync(join(tmpdir(), 'prof-docker-')),
    AWS_ENDPOINT_URL_ECR: url,
    AWS_ENDPOINT_URL_ECR_PUBLIC: url,
    AWS_ENDPOINT_URL_STS: url,
  },
  join(ROOT, dir, 'action.yml'),
  inputs,
  { GITHUB_WORKSPACE: process.env.PROFILE_CWD || process.cwd() },
);
const t0 = performance.now();
execFileSync(NODE24, ['--cpu-prof', '--cpu-prof-dir', profDir, '--cpu-prof-interval', '200', join(ROOT, dir, 'dist/index.js')], {
  env,
  cwd: env.GITHUB_WORKSPACE,
  stdio: ['ignore', 'ignore', 'inherit'],
  timeout: 120000,
});
const wall = performance.now() - t0;
await own.stop();

const prof = JSON.parse(readFileSync(join(profDir, readdirSync(profDir)[0]), 'utf8'));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map();
for (let i = 0; i < prof.samples.length; i++) self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0) / 1000);
const group = (n) => {
  const u = n.callFrame.url;
  const f = n.callFrame.functionName;
  if (!u) return f.startsWith('(') ? f : '(native / V8)';
  if (u.startsWith('node:')) return 'node: built-in modules (module loader, fs, net, tls...)';
  if (u.includes('/dist/')) return `bundle ${basename(u)}`;
  return u;
};
const groups = new Map();
const fns = new Map();
for (const [id, ms] of self) {
  const n = byId.get(id);
  groups.set(group(n), (groups.get(group(n)) ?? 0) + ms);
  const key = `${n.callFrame.functionName || '(anonymous)'} ${basename(n.callFrame.url || '')}:${n.callFrame.lineNumber + 1}`;
  fns.set(key, (fns.get(key) ?? 0) + ms);
}
const total = [...groups.values()].reduce((a, b) => a + b, 0);
console.log(`${dir}: wall ${wall.toFixed(0)} ms from spawn to exit; profiled ${total.toFixed(0)} ms (from V8 start)\n`);
console.log('| where | self ms | share |\n|---|---|---|');
for (const [g, ms] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`| ${g} | ${ms.toFixed(1)} | ${((ms / total) * 100).toFixed(0)}% |`);
console.log('\ntop functions (self ms):');
for (const [f, ms] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${ms.toFixed(1).padStart(7)}  ${f}`);
