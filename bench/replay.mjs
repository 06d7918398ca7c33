// Commit replay: how many builds does each tagging scheme avoid? A synthetic repository in the
// shape of the five-Lambda scenario (two Dockerfiles, five cmd/ directories, a shared internal/,
// FROM scratch images) gets REPLAY_COMMITS (30) commits of realistic touches, replayed through
// the committed bundles on the testbed three ways:
//   rebuild   every image on every commit (build-push, skip-if-exists: false): the seeds' pipeline
//   commit    plan (source: commit) + build-push of its matrix: skips only what this commit built
//   tree      plan (source: tree) + build-push of its matrix: skips unchanged build inputs
//   auto      the same with no paths in the manifest (paths: auto, read from the Dockerfiles)
// Prints builds, pushes and wall time for each, and the floor: images whose inputs changed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ECR, NODE24, ROOT, nodeVersion, ownStandin, stepEnv, testbedEnv } from './lib.mjs';

const COMMITS = Number(process.env.REPLAY_COMMITS || 30);
const PORT = Number(process.env.BENCH_STANDIN_PORT || 4578);
const run = `r${Date.now().toString(36)}`;
const IMAGES = [
  { name: 'api', cmd: 'api', file: 'Dockerfile.light', repository: 'app' },
  { name: 'jobs', cmd: 'jobs', file: 'Dockerfile.light', repository: 'app' },
  { name: 'media', cmd: 'media', file: 'Dockerfile.light', repository: 'app' },
  { name: 'events', cmd: 'events', file: 'Dockerfile.heavy', repository: 'events' },
  { name: 'tiles', cmd: 'tiles', file: 'Dockerfile.heavy', repository: 'events' },
];
const pathsOf = (img) => [img.file, `cmd/${img.cmd}`, 'internal'];

// ---- the synthetic repository and its history
const repo = mkdtempSync(join(tmpdir(), 'replay-repo-'));
const git = (...args) =>
  execFileSync('git', ['-c', 'user.name=r', '-c', 'user.email=r@r', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' }).trim();
const write = (files) => {
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, p)), { recursive: true });
    writeFileSync(join(repo, p), c);
  }
};
git('init', '-q', '-b', 'main');
write({
  'Dockerfile.light': 'FROM scratch\nARG CMD\nCOPY internal/ /internal/\nCOPY cmd/${CMD}/ /app/\nLABEL cmd=${CMD}\n',
  'Dockerfile.heavy': 'FROM scratch\nARG CMD\nCOPY internal/ /internal/\nCOPY cmd/${CMD}/ /app/\nLABEL cmd=${CMD} size=heavy\n',
  'internal/shared.txt': 'shared v0\n',
  'docs/README.md': '# docs\n',
  ...Object.fromEntries(IMAGES.map((i) => [`cmd/${i.cmd}/main.txt`, `${i.cmd} v0\n`])),
});
const manifest = (prefixOf, withPaths = true) =>
  `images:\n${IMAGES.map((i) => `  - {name: ${i.name}, repository: ${i.repository}, account: "123456789012", prefix: ${prefixOf(i)}, file: ${i.file}, build-args: {CMD: ${i.cmd}}${withPaths ? `, paths: [${pathsOf(i).join(', ')}]` : ''}}`).join('\n')}\n`;
git('add', '-A');
git('commit', '-qm', 'initial');

// A fixed, realistic mix of touches (cycled): docs only is the most common change.
const touches = [
  ['docs', () => write({ 'docs/README.md': `# docs ${Math.random()}\n` })],
  ['one cmd', (k) => write({ [`cmd/${IMAGES[k % 5].cmd}/main.txt`]: `${IMAGES[k % 5].cmd} ${k}\n` })],
  ['docs', () => write({ 'docs/CHANGELOG.md': `log ${Math.random()}\n` })],
  ['one cmd', (k) => write({ [`cmd/${IMAGES[(k + 2) % 5].cmd}/main.txt`]: `${IMAGES[(k + 2) % 5].cmd} ${k}\n` })],
  ['internal/', (k) => write({ 'internal/shared.txt': `shared ${k}\n` })],
  ['docs', () => write({ 'docs/README.md': `# docs ${Math.random()}\n` })],
  ['one Dockerfile', (k) => write({ 'Dockerfile.heavy': `${readFileSync(join(repo, 'Dockerfile.heavy'), 'utf8')}LABEL rev=${k}\n` })],
  ['one cmd', (k) => write({ [`cmd/${IMAGES[(k + 4) % 5].cmd}/main.txt`]: `${IMAGES[(k + 4) % 5].cmd} ${k}\n` })],
  ['revert', () => git('revert', '--no-edit', 'HEAD')],
  ['docs', () => write({ 'docs/guide.md': `guide ${Math.random()}\n` })],
];
const history = [{ sha: git('rev-parse', 'HEAD'), kind: 'initial' }];
for (let k = 1; k < COMMITS; k++) {
  const [kind, fn] = touches[(k - 1) % touches.length];
  fn(k);
  if (kind !== 'revert') {
    git('add', '-A');
    git('commit', '-qm', `${kind} ${k}`);
  }
  history.push({ sha: git('rev-parse', 'HEAD'), kind });
}
// The floor: per commit, images whose build inputs differ from the previous commit's.
const treeOf = (sha, img) =>
  pathsOf(img)
    .map((p) => git('rev-parse', `${sha}:${p}`))
    .join(',');
let floor = IMAGES.length;
for (let k = 1; k < history.length; k++) floor += IMAGES.filter((img) => treeOf(history[k].sha, img) !== treeOf(history[k - 1].sha, img)).length;
const distinctInputs = new Set(history.flatMap((h) => IMAGES.map((img) => `${img.name}:${treeOf(h.sha, img)}`))).size;

// ---- replay
const own = await ownStandin(PORT);
const standinUrl = `http://127.0.0.1:${PORT}`;
const spyDir = mkdtempSync(join(tmpdir(), 'replay-spy-'));
const spyLog = join(spyDir, 'log');
const realDocker = execFileSync('sh', ['-c', 'command -v docker'], { encoding: 'utf8' }).trim();
writeFileSync(join(spyDir, 'docker'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${spyLog}'\nexec '${realDocker}' "$@"\n`, { mode: 0o755 });
writeFileSync(spyLog, '');
const dockerConfig = mkdtempSync(join(tmpdir(), 'replay-docker-'));
execFileSync('sh', ['-c', `printf %s "$P" | docker login -u AWS --password-stdin ${ECR} >/dev/null 2>&1`], {
  env: { ...process.env, DOCKER_CONFIG: dockerConfig, P: testbedEnv.TESTBED_ECR_PASSWORD },
});
const baseEnv = {
  PATH: `${spyDir}:${process.env.PATH}`,
  HOME: process.env.HOME,
  ...testbedEnv,
  DOCKER_CONFIG: dockerConfig,
  AWS_ENDPOINT_URL_ECR: standinUrl,
  AWS_ENDPOINT_URL_ECR_PUBLIC: standinUrl,
  AWS_ENDPOINT_URL_STS: standinUrl,
};
function runStep(dir, inputs) {
  const e = stepEnv(baseEnv, join(ROOT, dir, 'action.yml'), inputs, { GITHUB_WORKSPACE: repo });
  try {
    execFileSync(NODE24, [join(ROOT, dir, 'dist/index.js')], { cwd: repo, env: e, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  } catch (err) {
    throw new Error(`${dir} failed at ${git('rev-parse', '--short', 'HEAD')}:\n${err.stdout}\n${err.stderr}`);
  }
  const out = {};
  const text = readFileSync(e.GITHUB_OUTPUT, 'utf8').split('\n');
  for (let i = 0; i < text.length; i++) {
    const h = /^([^=<]+)<<(.+)$/.exec(text[i]);
    if (h) {
      const v = [];
      for (i++; i < text.length && text[i] !== h[2]; i++) v.push(text[i]);
      out[h[1]] = v.join('\n');
    } else if (text[i].includes('=')) out[text[i].slice(0, text[i].indexOf('='))] = text[i].slice(text[i].indexOf('=') + 1);
  }
  return out;
}

const counts = () => {
  const lines = readFileSync(spyLog, 'utf8').split('\n');
  return { builds: lines.filter((l) => /^(build|buildx build) /.test(l)).length, pushes: lines.filter((l) => l.startsWith('push ')).length };
};

const modes = {
  rebuild: (k) => {
    for (const img of IMAGES) {
      runStep('actions/build-push', {
        repository: img.repository,
        account: '123456789012',
        tag: `${img.name}-${run}-rb-${history[k].sha.slice(0, 7)}`,
        file: img.file,
        'build-args': `CMD=${img.cmd}`,
        'skip-if-exists': 'false',
        cache: 'none',
      });
    }
  },
  commit: () => planAndBuild('commit'),
  tree: () => planAndBuild('tree'),
  auto: () => planAndBuild('tree', 'auto'),
};
function planAndBuild(source, name = source) {
  writeFileSync(
    join(repo, `.replay-${name}.yml`),
    manifest((i) => `${i.name}-${run}-${name}`, name !== 'auto'),
  );
  const plan = runStep('actions/plan', { manifest: `.replay-${name}.yml`, source });
  for (const entry of JSON.parse(plan.matrix).include) {
    runStep('actions/build-push', {
      image: entry.image,
      tags: entry.tags,
      context: entry.context,
      file: entry.file,
      'build-args': entry['build-args'],
      platforms: entry.platforms,
      cache: 'none',
    });
  }
}

const results = {};
// REPLAY_MODES=tree,auto replays only those ways (the full run takes minutes per way).
const only = process.env.REPLAY_MODES ? process.env.REPLAY_MODES.split(',') : Object.keys(modes);
for (const m of Object.keys(modes)) if (!only.includes(m)) delete modes[m];
for (const [mode, fn] of Object.entries(modes)) {
  writeFileSync(spyLog, '');
  const t0 = performance.now();
  for (let k = 0; k < history.length; k++) {
    git('checkout', '-q', history[k].sha);
    fn(k);
  }
  results[mode] = { ...counts(), wall: (performance.now() - t0) / 1000 };
  process.stderr.write(`replay ${mode}: ${JSON.stringify(results[mode])}\n`);
}
await own.stop();

const kinds = history.slice(1).reduce((m, h) => ((m[h.kind] = (m[h.kind] ?? 0) + 1), m), {});
const label = {
  rebuild: "rebuild everything (the seeds' pipeline)",
  commit: '`source: commit` with skip (plan + build-push)',
  tree: '`source: tree` (plan + build-push)',
  auto: '`source: tree`, `paths: auto` (no paths listed)',
};
let out = `Commit replay (${new Date().toISOString().slice(0, 10)}, Node ${nodeVersion()}): ${history.length} commits (initial + ${Object.entries(kinds)
  .map(([k, n]) => `${n} ${k}`)
  .join(', ')}), ${IMAGES.length} images from 2 Dockerfiles, ${history.length * IMAGES.length} image-commits.\n\n`;
out += '| way | builds | pushes | wall (s) | floor (images whose inputs changed) |\n|---|---|---|---|---|\n';
for (const m of Object.keys(modes)) out += `| ${label[m]} | ${results[m].builds} | ${results[m].pushes} | ${results[m].wall.toFixed(1)} | ${floor} |\n`;
out += `\nThe floor counts, per commit, the images whose Dockerfile, cmd/ directory or internal/ differ from the previous commit (all ${IMAGES.length} on the first); ${distinctInputs} distinct input trees occur in the history (a revert brings back a tree that was built before).\n`;
console.log(out);
if (process.env.REPLAY_OUT) writeFileSync(process.env.REPLAY_OUT, out);
