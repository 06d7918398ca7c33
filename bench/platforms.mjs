// Plan over a manifest of 200 multi-platform images (linux/amd64 + linux/arm64) in 4 ECR
// repositories, against the testbed (a private stand-in on :4579): the ECR calls (one
// BatchGetImage per repository, the platforms read from the same answer), the wall time of
// plan when every index is present, when 20 images lack linux/arm64, and what plan says when
// all 400 (image, platform) jobs are missing (over GitHub's 256-job limit). Writes
// bench/platforms-results.md (PLATFORMS_OUT). Needs the testbed up (testbed/up.sh).
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ECR, NODE24, ROOT, TESTBED_DIR, getJson, measure, median, nodeVersion, ownStandin, stepEnv, testbedEnv } from './lib.mjs';

const PORT = Number(process.env.BENCH_PLATFORMS_PORT || 4579);
const RUNS = Number(process.env.BENCH_RUNS || 5);
const OUT = process.env.PLATFORMS_OUT || join(ROOT, 'bench/platforms-results.md');
const REPOS = ['app', 'cloudtak', 'events', 'app-lambda-light'];
const N = 200;
const url = `http://127.0.0.1:${PORT}`;
const auth = `Basic ${Buffer.from(`AWS:${testbedEnv.TESTBED_ECR_PASSWORD}`).toString('base64')}`;
const ca = readFileSync(join(TESTBED_DIR, 'ca.crt'));
const sha = (b) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

async function registry(path, method, body, type) {
  const { request } = await import('node:https');
  return new Promise((resolve, reject) => {
    const req = request(
      `https://${ECR}${path}`,
      { method, ca, agent: false, headers: { Authorization: auth, ...(type ? { 'Content-Type': type } : {}) } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function blob(repo, data) {
  const start = await registry(`/v2/${repo}/blobs/uploads/`, 'POST', '');
  const loc = new URL(start.headers.location, `https://${ECR}`);
  loc.searchParams.set('digest', sha(data));
  await registry(`${loc.pathname}${loc.search}`, 'PUT', data, 'application/octet-stream');
}

/** Per repository: one image per platform (pushed once), then an index per tag naming them. */
async function seed(repo, tags, platforms) {
  const children = [];
  for (const p of platforms) {
    const [os, architecture] = p.split('/');
    const layer = randomBytes(32);
    const config = Buffer.from(JSON.stringify({ architecture, os, rootfs: { type: 'layers', diff_ids: [sha(layer)] } }));
    await blob(repo, layer);
    await blob(repo, config);
    const m = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', size: config.length, digest: sha(config) },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', size: layer.length, digest: sha(layer) }],
    });
    await registry(`/v2/${repo}/manifests/${sha(m)}`, 'PUT', m, 'application/vnd.oci.image.manifest.v1+json');
    children.push({ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: sha(m), size: Buffer.byteLength(m), platform: { os, architecture } });
  }
  const index = JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: children });
  for (const t of tags) await registry(`/v2/${repo}/manifests/${t}`, 'PUT', index, 'application/vnd.oci.image.index.v1+json');
}

const own = await ownStandin(PORT);
const ws = mkdtempSync(join(tmpdir(), 'bench-platforms-'));
const run = randomBytes(3).toString('hex');
const lines = ['images:'];
for (let i = 0; i < N; i++)
  lines.push(`  - {name: i${i}, repository: ${REPOS[i % REPOS.length]}, account: "123456789012", prefix: p${run}-${i}, platforms: [linux/amd64, linux/arm64]}`);
writeFileSync(join(ws, 'images.yml'), `${lines.join('\n')}\n`);
writeFileSync(join(ws, 'Dockerfile'), 'FROM scratch\n');
const git = (...a) => execFileSync('git', a, { cwd: ws, encoding: 'utf8' }).trim();
git('init', '-q');
git('-c', 'user.email=b@x', '-c', 'user.name=b', 'add', '.');
git('-c', 'user.email=b@x', '-c', 'user.name=b', 'commit', '-qm', 'bench');
const id = git('rev-parse', 'HEAD').slice(0, 7);
const tagOf = (i) => `p${run}-${i}-${id}`;

const base = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  AWS_ENDPOINT_URL_ECR: url,
  AWS_ENDPOINT_URL_STS: url,
  AWS_ACCESS_KEY_ID: 'AKIDBENCH',
  AWS_SECRET_ACCESS_KEY: 'x',
  AWS_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
  NODE_EXTRA_CA_CERTS: join(TESTBED_DIR, 'ca.crt'),
  GITHUB_WORKSPACE: ws,
};
const plan = () => {
  const env = stepEnv(base, join(ROOT, 'actions/plan/action.yml'), { manifest: 'images.yml' });
  const t0 = performance.now();
  const r = execFileSync(NODE24, [join(ROOT, 'actions/plan/dist/index.js')], { env, cwd: ws, encoding: 'utf8', maxBuffer: 64 << 20 });
  const secs = (performance.now() - t0) / 1000;
  const out = readFileSync(env.GITHUB_OUTPUT, 'utf8');
  const matrix = /matrix<<([^\n]+)\n([\s\S]*?)\n\1/.exec(out)?.[2];
  return { secs, stdout: r, jobs: matrix ? JSON.parse(matrix).include.length : undefined };
};
const measured = async (label) => {
  const walls = [];
  let last;
  await getJson(`${url}/__reset`, 'POST');
  for (let k = 0; k < RUNS; k++) walls.push((last = plan()).secs);
  const calls = await getJson(`${url}/__calls`);
  return {
    label,
    wall: median(walls),
    jobs: last.jobs,
    batchGetImage: (calls['ecr.BatchGetImage'] ?? 0) / RUNS,
    other:
      Object.entries(calls)
        .filter(([k]) => k !== 'ecr.BatchGetImage')
        .map(([k, v]) => `${k} ${v / RUNS}`)
        .join(', ') || 'none',
  };
};

// All 400 jobs missing: plan fails before any build, naming the count and the limit.
let limitMessage = '';
try {
  plan();
} catch (e) {
  limitMessage = /::error::(.*)/.exec(String(e.stdout))?.[1] ?? String(e.message).split('\n')[0];
}
for (const [n, repo] of REPOS.entries())
  await seed(
    repo,
    Array.from({ length: N }, (_, i) => i)
      .filter((i) => i % REPOS.length === n)
      .map(tagOf),
    ['linux/amd64', 'linux/arm64'],
  );
const present = await measured('every index present (200 images x 2 platforms)');
for (const [n, repo] of REPOS.entries())
  await seed(
    repo,
    Array.from({ length: 20 }, (_, i) => i)
      .filter((i) => i % REPOS.length === n)
      .map(tagOf),
    ['linux/amd64'],
  );
const lacking = await measured('20 images lack linux/arm64 (their tags hold amd64 only)');
await own.stop();

const rows = [present, lacking].map((r) => `| ${r.label} | ${r.wall.toFixed(3)} | ${r.batchGetImage} | ${r.other} | ${r.jobs} |`);
const text = `# Plan over multi-platform images (bench/platforms.mjs)

${new Date().toISOString().slice(0, 10)}, Node ${nodeVersion()}, ${RUNS} runs per row (median wall time of the whole plan process), a private stand-in on :${PORT} in front of the testbed's ECR-shaped registry. ${N} images in ${REPOS.length} repositories, each \`platforms: [linux/amd64, linux/arm64]\`.

| case | wall (s) | BatchGetImage per plan | other ECR/STS calls | matrix jobs |
|---|---|---|---|---|
${rows.join('\n')}

All ${N * 2} (image, platform) jobs missing: plan failed before any build with \`${limitMessage}\`.
`;
writeFileSync(OUT, text);
console.log(text);
