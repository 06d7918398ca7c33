// Whole-process measurements of the committed bundles under Node 24, against the loopback
// testbed and a private ECR/STS stand-in. Each case runs RUNS times; side-by-side rows
// alternate ours with the anchors (other projects' bundles given with --anchor) round by
// round, rotating who goes first. Tables show median wall time, peak RSS, ratios against a bare
// Node start and against the anchors. Nothing here is a pass/fail threshold.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionYml, HOW_TO, parseAnchors } from './anchors.mjs';
import { ECR, NODE24, ROOT, getJson, measure, median, nodeVersion, ownStandin, service, stepEnv, testbedEnv } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 10);
const SIDE_RUNS = Number(process.env.BENCH_SIDE_RUNS || 20);
const anchors = parseAnchors(process.argv.slice(2));
const STANDIN_PORT = Number(process.env.BENCH_STANDIN_PORT || 4577);
const GITHUB_PORT = Number(process.env.BENCH_GITHUB_PORT || 4580);
const standinUrl = `http://127.0.0.1:${STANDIN_PORT}`;
const own = await ownStandin(STANDIN_PORT);
const gh = await service(join(ROOT, 'bench/github-standin.mjs'), { GITHUB_STANDIN_PORT: String(GITHUB_PORT) }, `http://127.0.0.1:${GITHUB_PORT}/__health`);

const dockerConfig = mkdtempSync(join(tmpdir(), 'bench-docker-'));
const baseEnv = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  ...testbedEnv,
  AWS_ENDPOINT_URL_ECR: standinUrl,
  AWS_ENDPOINT_URL_ECR_PUBLIC: standinUrl,
  AWS_ENDPOINT_URL_STS: standinUrl,
  TESTBED_STANDIN: standinUrl,
  DOCKER_CONFIG: dockerConfig,
};

// ---- fixtures: a git workspace with a 4 MiB build context, pushed once so the skip path skips
const workspace = mkdtempSync(join(tmpdir(), 'bench-ws-'));
execFileSync('sh', [
  '-c',
  `cd ${workspace} && git init -q -b main && head -c 4194304 /dev/urandom > blob.bin && printf 'FROM scratch\\nCOPY blob.bin /blob.bin\\n' > Dockerfile && git add -A && git -c user.name=b -c user.email=b@b commit -qm bench`,
]);
const sha = execFileSync('git', ['-C', workspace, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
execFileSync('sh', ['-c', `printf %s "$P" | docker login -u AWS --password-stdin ${ECR} >/dev/null 2>&1`], {
  env: { ...baseEnv, P: testbedEnv.TESTBED_ECR_PASSWORD },
});

const ours = (dir) => ({ entry: join(ROOT, dir, 'dist/index.js'), yml: join(ROOT, dir, 'action.yml') });
/** One step of a bundle (ours or an anchor) as the runner starts it. */
const run =
  (bundle, inputs, extra = {}) =>
  () =>
    measure([NODE24, bundle.entry], stepEnv(baseEnv, bundle.yml, inputs, { GITHUB_WORKSPACE: workspace, ...extra }), workspace);
const step = (dir, inputs) => run(ours(dir), inputs);
const bare = () => measure([NODE24, '-e', '0'], baseEnv);

const seeded = step('.', { repository: 'app' });
writeFileSync(
  join(workspace, 'images.yml'),
  `images:\n${Array.from({ length: 100 }, (_, i) => `  - {name: img${i}, repository: app, account: "123456789012"}\n`).join('')}  - {name: other, repository: events, account: "123456789012"}\n`,
);
seeded();
// Make sure the skip paths really skip: push the tag build-push checks.
step('actions/build-push', { repository: 'app', account: '123456789012', tag: 'app-skipped' })();

// ---- section 1: our bundles alone, RUNS each
const cases = [
  ['node -e 0 (bare start)', bare],
  [
    'docker login (one registry)',
    () => measure(['sh', '-c', `printf %s "$P" | docker login -u AWS --password-stdin ${ECR} >/dev/null`], { ...baseEnv, P: testbedEnv.TESTBED_ECR_PASSWORD }),
  ],
  ['cdk-context', step('actions/cdk-context', { images: 'cloudtak=cloudtak-abc1234\nevents=events-abc1234' })],
  ['resolve-tag (commit)', step('actions/resolve-tag', { prefix: 'cloudtak' })],
  ['resolve-tag (tree)', step('actions/resolve-tag', { prefix: 'cloudtak', source: 'tree' })],
  ['image-exists (ECR, 1 BatchGetImage)', step('actions/image-exists', { image: `${ECR}/app:bench-none` })],
  ['ecr-login (one registry)', step('actions/ecr-login', {})],
  ['build-push (skip path)', step('actions/build-push', { repository: 'app', account: '123456789012', tag: 'app-skipped' })],
  ['ensure-image root (skip path)', seeded],
  ['plan (101 images, 2 repositories)', step('actions/plan', { manifest: 'images.yml' })],
];
const rows = [];
for (const [name, fn] of cases) {
  const walls = [];
  const mems = [];
  for (let i = 0; i < RUNS; i++) {
    const { secs, kib } = fn();
    walls.push(secs);
    mems.push(kib);
  }
  rows.push({ name, wall: median(walls), mem: Math.max(...mems) / 1024 });
}

// ---- section 2: side by side with the anchors, alternating within each round
const anchor = (name) => anchors[name] && { entry: anchors[name].entry, yml: actionYml(anchors[name].entry) };
const image = `${ECR}/app:app-${sha.slice(0, 7)}`;
const eventPath = join(workspace, '..', `bench-event-${process.pid}.json`);
writeFileSync(
  eventPath,
  JSON.stringify({
    ref: 'refs/heads/main',
    after: sha,
    commits: [{ id: sha, timestamp: '2026-11-30T12:00:00Z' }],
    head_commit: { id: sha, timestamp: '2026-11-30T12:00:00Z' },
  }),
);
const githubEnv = {
  GITHUB_ACTIONS: 'true',
  GITHUB_REPOSITORY: 'bench/app',
  GITHUB_REPOSITORY_OWNER: 'bench',
  GITHUB_SHA: sha,
  GITHUB_REF: 'refs/heads/main',
  GITHUB_REF_NAME: 'main',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_EVENT_PATH: eventPath,
  GITHUB_API_URL: `http://127.0.0.1:${GITHUB_PORT}`,
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_RUN_ID: '1',
  GITHUB_RUN_NUMBER: '1',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_WORKFLOW: 'bench',
  GITHUB_JOB: 'bench',
  GITHUB_ACTOR: 'bench',
};
const ecrLoginAnchor = anchor('amazon-ecr-login') && run(anchor('amazon-ecr-login'), { 'skip-logout': 'true', 'mask-password': 'true' });
// One RUNNER_TEMP for every round of this row, as for the steps of one job: the compile cache
// (packages/runner/src/compile-cache.ts) written by the first run is read by the later ones.
const jobTemp = mkdtempSync(join(tmpdir(), 'bench-job-temp-'));
const sideLogin = [
  ['ours: ecr-login', step('actions/ecr-login', {})],
  ['ours: ecr-login, again in the same job (compile cache warm)', run(ours('actions/ecr-login'), {}, { RUNNER_TEMP: jobTemp })],
  ['aws-actions/amazon-ecr-login', ecrLoginAnchor],
  ['docker/login-action (ECR)', anchor('login-action') && run(anchor('login-action'), { registry: ECR, ecr: 'true', logout: 'false' })],
];
const metadata =
  anchor('metadata-action') && run(anchor('metadata-action'), { images: `${ECR}/app`, tags: 'type=sha,prefix=app-', 'github-token': 'bench-token' }, githubEnv);
const inspect = () => measure(['docker', 'manifest', 'inspect', image], baseEnv);
const chain =
  ecrLoginAnchor &&
  metadata &&
  (() => {
    const parts = [ecrLoginAnchor(), metadata(), inspect()];
    return { secs: parts.reduce((n, p) => n + p.secs, 0), kib: Math.max(...parts.map((p) => p.kib)), parts: parts.map((p) => p.secs) };
  });
const sideSkip = [
  ['ours: ensure-image root (one process)', seeded],
  ['ours: ensure-image root, again in the same job (compile cache warm)', run(ours('.'), { repository: 'app' }, { RUNNER_TEMP: jobTemp })],
  ['amazon-ecr-login + metadata-action + docker manifest inspect (three processes, summed)', chain],
];

/** Alternate the available entries of a group round by round; returns per-entry wall lists. */
function sideBySide(group) {
  const live = [['node -e 0 (bare start)', bare], ...group.filter(([, fn]) => fn)];
  const walls = live.map(() => []);
  const mems = live.map(() => []);
  const partsOf = live.map(() => []);
  for (let round = 0; round < SIDE_RUNS; round++) {
    for (let k = 0; k < live.length; k++) {
      const i = (k + round) % live.length;
      const r = live[i][1]();
      walls[i].push(r.secs);
      mems[i].push(r.kib);
      if (r.parts) partsOf[i].push(r.parts);
    }
  }
  return live.map(([name], i) => ({
    name,
    wall: median(walls[i]),
    mem: Math.max(...mems[i]) / 1024,
    parts: partsOf[i].length ? partsOf[i][0].map((_, j) => median(partsOf[i].map((p) => p[j]))) : undefined,
  }));
}
const missing = Object.keys({ 'amazon-ecr-login': 1, 'login-action': 1, 'metadata-action': 1 }).filter((n) => !anchors[n]);
const loginRows = sideBySide(sideLogin);
const ghBefore = await getJson(`http://127.0.0.1:${GITHUB_PORT}/__calls`);
const skipRows = sideBySide(sideSkip);
const ghAfter = await getJson(`http://127.0.0.1:${GITHUB_PORT}/__calls`);

// ---- ECR calls of one plan of 101 images (counted by the private stand-in)
await getJson(`${standinUrl}/__reset`, 'POST');
step('actions/plan', { manifest: 'images.yml' })();
const planCalls = await getJson(`${standinUrl}/__calls`);

// ---- build path: raw docker build + push vs build-push (no existence check), alternating, on
// a context of fresh random content each round so that neither finds the other's layers.
const BUILD_MB = Number(process.env.BENCH_BUILD_MB || 128);
const buildCtx = mkdtempSync(join(tmpdir(), 'bench-build-'));
writeFileSync(join(buildCtx, 'Dockerfile'), 'FROM scratch\nCOPY blob.bin /blob.bin\n');
const freshContext = () => execFileSync('sh', ['-c', `head -c ${BUILD_MB * 1048576} /dev/urandom > ${buildCtx}/blob.bin`]);
const raw = [];
const action = [];
const BUILD_ROUNDS = Number(process.env.BENCH_BUILD_ROUNDS || Math.max(3, Math.floor(RUNS / 2)));
for (let i = 0; i < BUILD_ROUNDS; i++) {
  const tagRaw = `raw-${Date.now()}-${i}`;
  freshContext();
  raw.push(
    measure(
      ['sh', '-c', `DOCKER_BUILDKIT=0 docker build -q -t ${ECR}/app:${tagRaw} . >/dev/null && docker push ${ECR}/app:${tagRaw} >/dev/null`],
      baseEnv,
      buildCtx,
    ).secs,
  );
  freshContext();
  action.push(
    measure(
      [NODE24, join(ROOT, 'actions/build-push/dist/index.js')],
      stepEnv(
        baseEnv,
        join(ROOT, 'actions/build-push/action.yml'),
        { image: `${ECR}/app:act-${Date.now()}-${i}`, 'skip-if-exists': 'false', cache: 'none' },
        { GITHUB_WORKSPACE: buildCtx },
      ),
      buildCtx,
    ).secs,
  );
}
await own.stop();
await gh.stop();

// ---- report
const bareWall = rows[0].wall;
const bundle = (dir) => {
  const d = join(ROOT, dir, 'dist');
  const main = statSync(join(d, 'index.js')).size;
  const all = readdirSync(d).reduce((n, f) => n + statSync(join(d, f)).size, 0);
  return `${(main / 1024).toFixed(0)} KiB (dist ${(all / 1048576).toFixed(1)} MiB, lazy chunks included)`;
};
const anchorList =
  Object.entries(anchors)
    .map(([n, a]) => `${n} ${a.version}`)
    .join(', ') || 'none supplied';
let out = `# ensure-image bench (${new Date().toISOString().slice(0, 10)}, Node ${nodeVersion()}, ${RUNS} runs, side by side ${SIDE_RUNS} rounds, median wall, max peak RSS)\n\n`;
out += `Anchors: ${anchorList}. ECR/STS: a private stand-in (testbed/standin.mjs on :${STANDIN_PORT}) in front of the testbed's ECR-shaped registry.\n\n`;
out += '| case | wall (s) | x bare node | peak RSS (MiB) |\n|---|---|---|---|\n';
for (const r of rows) out += `| ${r.name} | ${r.wall.toFixed(3)} | ${(r.wall / bareWall).toFixed(1)} | ${r.mem.toFixed(0)} |\n`;

const sideTable = (title, list, oursName) => {
  const o = list.find((r) => r.name === oursName);
  const b = list[0].wall;
  let t = `\n## ${title}\n\n| case | wall (s) | x bare node | ours / this | peak RSS (MiB) |\n|---|---|---|---|---|\n`;
  for (const r of list)
    t += `| ${r.name} | ${r.wall.toFixed(3)} | ${(r.wall / b).toFixed(1)} | ${r === list[0] || r.name.startsWith('ours') ? '' : (o.wall / r.wall).toFixed(2)} | ${r.mem.toFixed(0)} |\n`;
  for (const r of list)
    if (r.parts)
      t += `\nChain parts (medians): amazon-ecr-login ${r.parts[0].toFixed(3)} s, metadata-action ${r.parts[1].toFixed(3)} s, docker manifest inspect ${r.parts[2].toFixed(3)} s.\n`;
  return t;
};
out += sideTable('Side by side: one ECR login', loginRows, 'ours: ecr-login');
out += sideTable('Side by side: the skip path', skipRows, 'ours: ensure-image root (one process)');
if (anchors['metadata-action']) {
  const n = (ghAfter['repos.get'] ?? 0) - (ghBefore['repos.get'] ?? 0);
  const c = (ghAfter['repos.getCommit'] ?? 0) - (ghBefore['repos.getCommit'] ?? 0);
  out += `\nmetadata-action's GitHub API calls were answered by bench/github-standin.mjs on loopback: ${n} repos.get and ${c} repos.getCommit over ${SIDE_RUNS} runs.\n`;
}
if (missing.length) out += `\nRows skipped, anchors not supplied: ${missing.join(', ')}; ${HOW_TO}\n`;
out += `\nBuild path (${BUILD_MB} MiB context of fresh content, classic builder, no cache, ${BUILD_ROUNDS} alternating rounds): raw docker build+push median ${median(raw).toFixed(3)} s; build-push action median ${median(action).toFixed(3)} s; overhead ${(((median(action) - median(raw)) / median(raw)) * 100).toFixed(1)}% (${((median(action) - median(raw)) * 1000).toFixed(0)} ms).\n`;
out += `\nECR calls made by one plan of 101 images in 2 repositories: ${JSON.stringify(planCalls)}.\n`;
out += '\n| bundle | dist/index.js |\n|---|---|\n';
for (const dir of ['.', 'actions/ecr-login', 'actions/resolve-tag', 'actions/image-exists', 'actions/build-push', 'actions/cdk-context', 'actions/plan'])
  out += `| ${dir} | ${bundle(dir)} |\n`;
console.log(out);
if (missing.length) console.error(`bench: side-by-side rows for ${missing.join(', ')} skipped; ${HOW_TO}`);
writeFileSync(process.env.BENCH_OUT || join(ROOT, 'bench/results.md'), out);
