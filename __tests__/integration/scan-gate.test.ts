// The scan gate on the testbed: the committed bundles against the stand-in's
// DescribeImageScanFindings / StartImageScan (findings set per image through POST /__scans),
// images pushed to the real registry behind the ECR host.
import { spawnSync } from 'node:child_process';
import { GitFixture } from './git-fixture.js';
import { NODES, ROOT, runStep } from './runner.js';
import { actionEnv, dockerConfig, pushRandomImage, request, standin, tb, unique } from './testbed.js';

const [, node] = NODES[NODES.length - 1] as [string, string]; // node24, as runs.using has it
const GATE = 'actions/scan-gate';
const REPO = 'scan/app';

interface ScanEntry {
  repository: string;
  digest?: string;
  tag?: string;
  shape?: 'basic' | 'enhanced';
  statuses?: (string | { status: string; empty?: boolean })[];
  findings?: { id: string; severity: string; package?: string; installed?: string; fixedIn?: string }[];
  generate?: { count: number; severity: string };
  notScanned?: boolean;
  startError?: string;
  /** The scan completed this many seconds before the first read (a clean image scanned long ago is judged at once). */
  completedAgo?: number;
}

async function setScans(...entries: ScanEntry[]): Promise<void> {
  const r = await request(`${tb.standin}/__scans`, { method: 'POST', body: JSON.stringify(entries) });
  if (r.status !== 200) throw new Error(`POST /__scans: ${r.status} ${r.body.toString()}`);
}

const CRITICAL = { id: 'CVE-2026-0001', severity: 'CRITICAL', package: 'openssl', installed: '3.0.1', fixedIn: '3.0.9' };
const env = () => actionEnv(dockerConfig());
/** A workspace with a Dockerfile: build-push checks its build inputs before anything runs. */
const workspace = (): string => new GitFixture().write({ Dockerfile: 'FROM scratch\n' }).dir;

async function image(): Promise<{ tag: string; digest: string; ref: string }> {
  const tag = unique('v');
  const digest = await pushRandomImage(tb.ecrHost, REPO, tag, tb.ecrAuth);
  return { tag, digest, ref: `${tb.ecrHost}/${REPO}:${tag}` };
}

beforeEach(() => standin.reset());

test('a skipped image with a CRITICAL fails the gate (fail-on critical), passes with the id ignored, fails again once the ignore expires', async () => {
  const img = await image();
  await setScans({ repository: REPO, digest: img.digest, findings: [CRITICAL, { id: 'CVE-2026-0002', severity: 'LOW', package: 'zlib' }] });
  const inputs = { image: img.ref, 'scan-gate': 'fail', 'fail-on': 'critical' };
  // build-push finds the image (build skipped) and gates it all the same.
  const failed = runStep('actions/build-push', { node, cwd: workspace(), env: env(), inputs });
  expect(failed.code).toBe(1);
  expect(failed.outputs).toMatchObject({ built: 'false', digest: img.digest, 'scan-status': 'COMPLETE', 'scan-passed': 'false' });
  expect(JSON.parse(failed.outputs.findings as string)).toMatchObject({ CRITICAL: 1, LOW: 1 });
  expect(failed.errors.join('\n')).toMatch(/CRITICAL 1 \(limit 0\) over fail-on critical=0/);
  expect(failed.summary).toContain('CVE-2026-0001');
  expect(failed.summary).toContain(`/ecr/repositories/private/123456789012/${REPO}/_/image/${img.digest}/scan-results?region=us-east-1`);

  const ignored = runStep('actions/build-push', { node, cwd: workspace(), env: env(), inputs: { ...inputs, 'scan-ignore': 'CVE-2026-0001 until 2999-12-31' } });
  expect(ignored.errors).toEqual([]);
  expect(ignored.outputs['scan-passed']).toBe('true');
  expect(JSON.parse(ignored.outputs.findings as string).CRITICAL).toBe(0);
  expect(ignored.summary).toMatch(/CRITICAL \(ignored\)/);

  const expired = runStep('actions/build-push', { node, cwd: workspace(), env: env(), inputs: { ...inputs, 'scan-ignore': 'CVE-2026-0001 until 2026-01-31' } });
  expect(expired.code).toBe(1);
  expect(expired.warnings.join('\n')).toMatch(/scan-ignore: CVE-2026-0001 expired on 2026-01-31: it is counted again/);
  expect(expired.errors.join('\n')).toMatch(/scan-ignore entries expired: CVE-2026-0001 \(until 2026-01-31\)/);
});

test('critical=0,high=5 with 6 HIGH fails naming the counts; warn never fails the step', async () => {
  const img = await image();
  await setScans({
    repository: REPO,
    digest: img.digest,
    findings: Array.from({ length: 6 }, (_, n) => ({ id: `CVE-2026-10${n}`, severity: 'HIGH', package: `p${n}` })),
  });
  const fail = runStep(GATE, { node, env: env(), inputs: { image: img.ref, 'fail-on': 'critical=0,high=5' } });
  expect(fail.code).toBe(1);
  expect(fail.errors.join('\n')).toMatch(/HIGH 6 \(limit 5\) over fail-on critical=0,high=5/);
  const warn = runStep(GATE, { node, env: env(), inputs: { image: img.ref, 'fail-on': 'critical=0,high=5', 'scan-gate': 'warn' } });
  expect(warn.code).toBe(0);
  expect(warn.errors).toEqual([]);
  expect(warn.outputs['scan-passed']).toBe('false');
  expect(warn.warnings.join('\n')).toMatch(/HIGH 6 \(limit 5\)/);
});

test('enhanced ACTIVE passes at once; PENDING -> ACTIVE passes without waiting for COMPLETE', async () => {
  const a = await image();
  const b = await image();
  await setScans(
    {
      repository: REPO,
      digest: a.digest,
      shape: 'enhanced',
      statuses: ['ACTIVE'],
      findings: [{ id: 'CVE-2026-0003', severity: 'MEDIUM', package: 'glibc', installed: '2.36', fixedIn: '2.36-9' }],
    },
    {
      repository: REPO,
      digest: b.digest,
      shape: 'enhanced',
      statuses: ['PENDING', 'PENDING', 'ACTIVE'],
      findings: [{ id: 'CVE-2026-0004', severity: 'LOW', package: 'zlib' }],
    },
  );
  const now = runStep(GATE, { node, env: env(), inputs: { image: a.ref } });
  expect(now.errors).toEqual([]);
  expect(now.outputs).toMatchObject({ 'scan-status': 'ACTIVE', 'scan-passed': 'true', digest: a.digest });
  expect(now.summary).toContain('2.36-9');
  expect((await standin.calls())['ecr.DescribeImageScanFindings']).toBe(1);
  await standin.reset();
  await setScans({
    repository: REPO,
    digest: b.digest,
    shape: 'enhanced',
    statuses: ['PENDING', 'PENDING', 'ACTIVE'],
    findings: [{ id: 'CVE-2026-0004', severity: 'LOW', package: 'zlib' }],
  });
  const later = runStep(GATE, { node, env: env(), inputs: { image: b.ref } });
  expect(later.errors).toEqual([]);
  expect(later.outputs).toMatchObject({ 'scan-status': 'ACTIVE', 'scan-passed': 'true' });
  expect((await standin.calls())['ecr.DescribeImageScanFindings']).toBe(3);
  expect(later.stdout).toMatch(/scan status PENDING; reading again/);
});

test('a scan that never finishes ends at scan-timeout naming the last status', async () => {
  const img = await image();
  await setScans({ repository: REPO, digest: img.digest, statuses: ['IN_PROGRESS'] });
  const r = runStep(GATE, { node, env: env(), inputs: { image: img.ref, 'scan-timeout': '3s' } });
  expect(r.code).toBe(1);
  expect(r.outputs['scan-status']).toBe('TIMEOUT');
  expect(r.errors.join('\n')).toMatch(/no findings within scan-timeout 3s \(last status IN_PROGRESS\)/);
});

test('250 findings over three pages are all counted', async () => {
  const img = await image();
  await setScans({ repository: REPO, digest: img.digest, generate: { count: 250, severity: 'LOW' } });
  const r = runStep(GATE, { node, env: env(), inputs: { image: img.ref } });
  expect(r.errors).toEqual([]);
  expect(JSON.parse(r.outputs.findings as string)).toMatchObject({ LOW: 250, CRITICAL: 0 });
  expect((await standin.calls())['ecr.DescribeImageScanFindings']).toBe(3);
});

test('never scanned: StartImageScan once, then the basic scan is waited for; LIMIT_EXCEEDED has its own message', async () => {
  const img = await image();
  const r = runStep(GATE, { node, env: env(), inputs: { image: img.ref } });
  expect(r.errors).toEqual([]);
  expect(r.outputs).toMatchObject({ 'scan-status': 'COMPLETE', 'scan-passed': 'true' });
  const calls = await standin.calls();
  expect(calls['ecr.StartImageScan']).toBe(1);
  expect(calls['ecr.DescribeImageScanFindings']).toBeGreaterThanOrEqual(2);

  const limited = await image();
  await setScans({ repository: REPO, digest: limited.digest, notScanned: true, startError: 'LimitExceededException' });
  const l = runStep(GATE, { node, env: env(), inputs: { image: limited.ref } });
  expect(l.outputs['scan-status']).toBe('LIMIT_EXCEEDED');
  expect(l.errors.join('\n')).toMatch(/one scan per image every 24 hours/);
});

test('a multi-platform image is gated per platform manifest (the index has no findings of its own)', async () => {
  const tag = unique('mp');
  const amd = await pushRandomImage(tb.ecrHost, REPO, `${tag}-amd64`, tb.ecrAuth);
  const arm = await pushRandomImage(tb.ecrHost, REPO, `${tag}-arm64`, tb.ecrAuth);
  const put = await request(`https://${tb.ecrHost}/v2/${REPO}/manifests/${tag}`, {
    method: 'PUT',
    headers: {
      Authorization: `Basic ${Buffer.from(`${tb.ecrAuth.username}:${tb.ecrAuth.password}`).toString('base64')}`,
      'Content-Type': 'application/vnd.docker.distribution.manifest.list.v2+json',
    },
    body: JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.list.v2+json',
      manifests: [
        { mediaType: 'application/vnd.docker.distribution.manifest.v2+json', digest: amd, size: 1, platform: { os: 'linux', architecture: 'amd64' } },
        { mediaType: 'application/vnd.docker.distribution.manifest.v2+json', digest: arm, size: 1, platform: { os: 'linux', architecture: 'arm64' } },
      ],
    }),
  });
  expect(put.status).toBe(201);
  await setScans({ repository: REPO, digest: amd, findings: [], completedAgo: 3600 }, { repository: REPO, digest: arm, findings: [CRITICAL] });
  const r = runStep(GATE, { node, env: env(), inputs: { image: `${tb.ecrHost}/${REPO}:${tag}` } });
  expect(r.code).toBe(1);
  expect(r.errors.join('\n')).toMatch(new RegExp(`${tag} \\(linux/arm64\\): CRITICAL 1`));
  expect(r.errors.join('\n')).not.toMatch(/linux\/amd64\): /);
  expect(r.summary).toContain('(linux/amd64)');
  expect((await standin.calls())['ecr.DescribeImageScanFindings']).toBe(2);
});

test('plan gates every image it finds present and reports all failures together; the CLI prints the same and exits 3', async () => {
  const run = unique('p');
  const ws = new GitFixture().write({
    Dockerfile: 'FROM scratch\n',
    'images.yml': ['images:', ...['a', 'b', 'c'].map((n) => `  - {name: ${n}, repository: ${REPO}, account: "123456789012", prefix: ${n}-${run}}`)].join('\n'),
  });
  const sha7 = ws.commit('one').slice(0, 7);
  const a = await pushRandomImage(tb.ecrHost, REPO, `a-${run}-${sha7}`, tb.ecrAuth);
  const b = await pushRandomImage(tb.ecrHost, REPO, `b-${run}-${sha7}`, tb.ecrAuth);
  await setScans({ repository: REPO, digest: a, findings: [CRITICAL] }, { repository: REPO, digest: b, findings: [{ ...CRITICAL, id: 'CVE-2026-0009' }] });
  const r = runStep('actions/plan', { node, cwd: ws.dir, env: env(), inputs: { manifest: 'images.yml', 'scan-gate': 'fail' } });
  expect(r.code).toBe(1);
  expect(r.outputs.missing).toBe('c');
  expect(r.errors.join('\n')).toMatch(new RegExp(`2 image\\(s\\) did not pass:[\\s\\S]*a-${run}-${sha7}: CRITICAL 1[\\s\\S]*b-${run}-${sha7}: CRITICAL 1`));
  expect((await standin.calls())['ecr.DescribeImageScanFindings']).toBe(2);

  const cli = spawnSync(node, [`${ROOT}/cli/dist/index.js`, 'scan'], { cwd: ws.dir, encoding: 'utf8', env: { ...process.env, ...env() } });
  expect(cli.status).toBe(3);
  expect(cli.stderr).toContain(`${tb.ecrHost}/${REPO}:c-${run}-${sha7}: missing, not gated`);
  // Basic scanning names the package and its version; only enhanced findings know a fixed-in version.
  expect(cli.stdout).toMatch(/CRITICAL +CVE-2026-0009 +openssl +3\.0\.1\n/);
  expect(cli.stdout).toMatch(/scan gate: did not pass/);
});

test('AccessDenied names ecr:DescribeImageScanFindings; throttling is retried as the other ECR calls are', async () => {
  const img = await image();
  await setScans({ repository: REPO, digest: img.digest, findings: [] });
  await standin.faults([{ op: 'ecr.DescribeImageScanFindings', code: 'AccessDeniedException', status: 400, count: 1 }]);
  const denied = runStep(GATE, { node, env: env(), inputs: { image: img.ref } });
  expect(denied.code).toBe(1);
  expect(denied.outputs['scan-status']).toBe('ERROR');
  expect(denied.errors.join('\n')).toMatch(/the role needs ecr:DescribeImageScanFindings/);
  await standin.reset();
  await setScans({ repository: REPO, digest: img.digest, findings: [], completedAgo: 3600 });
  await standin.faults([{ op: 'ecr.DescribeImageScanFindings', code: 'ThrottlingException', count: 2 }]);
  const ok = runStep(GATE, { node, env: env(), inputs: { image: img.ref } });
  expect(ok.errors).toEqual([]);
  expect((await standin.calls())['ecr.DescribeImageScanFindings']).toBe(3);
});

test('other registries: fail refuses naming scan-gate before any call; warn says only ECR findings are read', async () => {
  const name = unique('oci');
  await pushRandomImage(tb.ociHost, name, 'v1', tb.ociAuth);
  const fail = runStep('actions/build-push', {
    node,
    cwd: workspace(),
    env: env(),
    inputs: { image: `${tb.ociHost}/${name}:v1`, 'scan-gate': 'fail', ...tb.ociAuth },
  });
  expect(fail.code).toBe(1);
  expect(fail.errors.join('\n')).toMatch(/Input "scan-gate": fail reads ECR scan findings only/);
  expect(await standin.calls()).toEqual({});
  const warn = runStep('actions/build-push', {
    node,
    cwd: workspace(),
    env: env(),
    inputs: { image: `${tb.ociHost}/${name}:v1`, 'scan-gate': 'warn', ...tb.ociAuth },
  });
  expect(warn.code).toBe(0);
  expect(warn.outputs['scan-status']).toBe('NOT_ECR');
  expect(warn.warnings.filter((w) => /ECR scan findings only/.test(w))).toHaveLength(1);
});

test('a clean scan that has just completed is re-read for the grace (an enhanced COMPLETE may come before its findings), then passes', async () => {
  const img = await image();
  await setScans({
    repository: REPO,
    digest: img.digest,
    shape: 'enhanced',
    statuses: [{ status: 'COMPLETE', empty: true }, { status: 'COMPLETE', empty: true }, 'COMPLETE'],
    findings: [CRITICAL],
  });
  const r = runStep(GATE, { node, env: env(), inputs: { image: img.ref } });
  // The findings that came on the third read are the ones judged.
  expect(r.outputs['scan-status']).toBe('COMPLETE');
  expect(r.errors.join('\n')).toMatch(/CRITICAL 1 \(limit 0\)/);
  expect((await standin.calls())['ecr.DescribeImageScanFindings']).toBe(3);
});

test('scan-gate off (the default) makes no scan call', async () => {
  const img = await image();
  const r = runStep('actions/build-push', { node, cwd: workspace(), env: env(), inputs: { image: img.ref } });
  expect(r.errors).toEqual([]);
  expect(r.outputs['scan-status']).toBe('off');
  const calls = await standin.calls();
  expect(calls['ecr.DescribeImageScanFindings']).toBeUndefined();
  expect(calls['ecr.StartImageScan']).toBeUndefined();
});

test('root action: a skipped image is gated on every run; warn reports and the deploy arguments still come', async () => {
  const ws = new GitFixture().write({ Dockerfile: 'FROM scratch\n' });
  const sha7 = ws.commit('one').slice(0, 7);
  const name = unique('svc');
  const digest = await pushRandomImage(tb.ecrHost, REPO, `${name}-${sha7}`, tb.ecrAuth);
  await setScans({ repository: REPO, digest, findings: [CRITICAL] });
  const r = runStep('.', { node, cwd: ws.dir, env: env(), inputs: { repository: REPO, name, 'scan-gate': 'warn' } });
  expect(r.errors).toEqual([]);
  expect(r.code).toBe(0);
  expect(r.outputs).toMatchObject({ exists: 'true', built: 'false', digest, 'scan-status': 'COMPLETE', 'scan-passed': 'false' });
  expect(r.outputs['cdk-args']).toContain(`ImageTag=${name}-${sha7}`);
  expect(r.warnings.join('\n')).toMatch(/CRITICAL 1 \(limit 0\)/);
  expect(r.summary).toContain('Scan gate (warn): did not pass');
});
