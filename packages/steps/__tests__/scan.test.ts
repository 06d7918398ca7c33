import { FakeEcr, MemoryLog } from '@ensure-image/adapters/fakes';
import type { FoundImage, ImageQuery, ScanRead } from '@ensure-image/adapters';
import { type Finding, type Severity, resolveImage } from '@ensure-image/core';
import { type Clock, type ScanGateRequest, ScanGateError, scanGate } from '../src/index.js';

const ECR = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const D = `sha256:${'d'.repeat(64)}`;
const env = { AWS_REGION: 'us-east-1' };

/** A clock that moves only when slept on: the tests never wait. */
function fakeClock(start = Date.parse('2026-12-03T12:00:00Z')): Clock & { slept: number[] } {
  let t = start;
  const slept: number[] = [];
  return { slept, now: () => t, sleep: async (ms) => void (slept.push(ms), (t += ms)) };
}

const f = (id: string, severity: Severity, extra: Partial<Finding> = {}): Finding => ({ id, severity, package: 'openssl', installed: '3.0.1', ...extra });
const done = (status: string, findings: Finding[], extra: Partial<Extract<ScanRead, { scanned: true }>> = {}): ScanRead => ({
  scanned: true,
  status,
  enhanced: false,
  findings,
  completedAt: Date.parse('2026-12-01T00:00:00Z'),
  ...extra,
});
const pending = (status: string): ScanRead => ({ scanned: true, status, enhanced: status === 'PENDING', findings: [] });

function setup(reads: ScanRead[], image = `${ECR}/app:app-abc1234`) {
  const ecr = new FakeEcr();
  ecr.put('us-east-1', '123456789012', 'app', 'app-abc1234', D);
  ecr.scans.set(`app@${D}`, reads);
  const log = new MemoryLog();
  const clock = fakeClock();
  const req = (over: Partial<ScanGateRequest> = {}): ScanGateRequest => ({
    mode: 'fail',
    limits: { CRITICAL: 0 },
    ignores: [],
    timeoutMs: 600_000,
    images: [{ target: resolveImage({ image }, env), digest: D }],
    ...over,
  });
  return { ecr, log, clock, req, deps: { ecr: async () => ecr, log, clock } };
}

test('off makes no call at all', async () => {
  const s = setup([done('COMPLETE', [f('CVE-1', 'CRITICAL')])]);
  const r = await scanGate(s.req({ mode: 'off' }), s.deps);
  expect(r.outputs).toEqual({ 'scan-status': 'off', findings: '', 'scan-passed': '' });
  expect(s.ecr.calls).toEqual([]);
});

test('a CRITICAL fails under fail-on critical; the same id ignored passes; outputs count after ignores', async () => {
  const s = setup([done('COMPLETE', [f('CVE-2026-1', 'CRITICAL'), f('CVE-2026-2', 'LOW')])]);
  const failed = await scanGate(s.req(), s.deps);
  expect(failed.failure).toBeInstanceOf(ScanGateError);
  expect(failed.failure?.message).toMatch(/app:app-abc1234: CRITICAL 1 \(limit 0\) over fail-on critical=0/);
  expect(failed.outputs).toEqual({
    'scan-status': 'COMPLETE',
    findings: JSON.stringify({ CRITICAL: 1, HIGH: 0, MEDIUM: 0, LOW: 1, INFORMATIONAL: 0, UNDEFINED: 0 }),
    'scan-passed': 'false',
  });

  const passed = await scanGate(s.req({ ignores: [{ id: 'CVE-2026-1', until: '2026-12-31' }] }), s.deps);
  expect(passed.failure).toBeUndefined();
  expect(passed.outputs['scan-passed']).toBe('true');
  expect(JSON.parse(passed.outputs.findings).CRITICAL).toBe(0);
  expect(passed.scans[0]?.ignored.map((x) => x.id)).toEqual(['CVE-2026-1']);
  expect(passed.scans[0]?.url).toBe(
    `https://us-east-1.console.aws.amazon.com/ecr/repositories/private/123456789012/app/_/image/${D}/scan-results?region=us-east-1`,
  );
});

test('an expired ignore entry fails again and says so', async () => {
  const s = setup([done('COMPLETE', [f('CVE-2026-1', 'CRITICAL')])]);
  const r = await scanGate(s.req({ ignores: [{ id: 'CVE-2026-1', until: '2026-12-02' }] }), s.deps);
  expect(r.failure?.message).toMatch(/scan-ignore entries expired: CVE-2026-1 \(until 2026-12-02\)/);
  expect(s.log.warnings).toContain('scan-ignore: CVE-2026-1 expired on 2026-12-02: it is counted again');
});

test('warn never fails: the verdict is a warning and scan-passed false', async () => {
  const s = setup([
    done(
      'COMPLETE',
      Array.from({ length: 6 }, (_, n) => f(`CVE-${n}`, 'HIGH')),
    ),
  ]);
  const r = await scanGate(s.req({ mode: 'warn', limits: { CRITICAL: 0, HIGH: 5 } }), s.deps);
  expect(r.failure).toBeUndefined();
  expect(r.outputs['scan-passed']).toBe('false');
  expect(s.log.warnings.join('\n')).toMatch(/HIGH 6 \(limit 5\) over fail-on critical=0,high=5/);
});

test('PENDING, PENDING, ACTIVE: waits with backoff and passes on ACTIVE', async () => {
  const s = setup([pending('PENDING'), pending('PENDING'), done('ACTIVE', [f('CVE-1', 'LOW')], { enhanced: true })]);
  const r = await scanGate(s.req(), s.deps);
  expect(r.outputs).toMatchObject({ 'scan-status': 'ACTIVE', 'scan-passed': 'true' });
  expect(s.clock.slept).toEqual([2000, 4000]);
  expect(s.ecr.calls.filter((c) => c.startsWith('readScan'))).toHaveLength(3);
});

test('a scan that never finishes ends at scan-timeout naming the last status', async () => {
  const s = setup([pending('IN_PROGRESS')]);
  const r = await scanGate(s.req({ timeoutMs: 60_000 }), s.deps);
  expect(r.outputs['scan-status']).toBe('TIMEOUT');
  expect(r.failure?.message).toMatch(/no findings within scan-timeout 1m \(last status IN_PROGRESS\)/);
  expect(s.clock.slept.reduce((a, b) => a + b, 0)).toBe(60_000);
});

test('never scanned: one StartImageScan, then the scan is waited for', async () => {
  const s = setup([{ scanned: false }, pending('IN_PROGRESS'), done('COMPLETE', [])]);
  const r = await scanGate(s.req(), s.deps);
  expect(r.outputs['scan-passed']).toBe('true');
  expect(s.ecr.calls.filter((c) => c.startsWith('startScan'))).toEqual([`startScan app@${D}`]);
});

test.each([
  ['SCAN_ELIGIBILITY_EXPIRED', /continuous-scan duration/],
  ['FINDINGS_UNAVAILABLE', /Inspector has no findings/],
  ['UNSUPPORTED_IMAGE', /cannot scan this image/],
])('%s follows scan-gate: fail fails, warn warns', async (status, re) => {
  const s = setup([{ scanned: true, status, enhanced: true, findings: [] }]);
  expect((await scanGate(s.req(), s.deps)).failure?.message).toMatch(re);
  const w = setup([{ scanned: true, status, enhanced: true, findings: [] }]);
  const r = await scanGate(w.req({ mode: 'warn' }), w.deps);
  expect(r.failure).toBeUndefined();
  expect(r.outputs['scan-status']).toBe(status);
  expect(w.log.warnings.join('\n')).toMatch(re);
});

test('StartImageScan over the daily limit: LIMIT_EXCEEDED', async () => {
  const s = setup([{ scanned: false }]);
  s.ecr.startResult = 'LIMIT_EXCEEDED';
  const r = await scanGate(s.req(), s.deps);
  expect(r.outputs['scan-status']).toBe('LIMIT_EXCEEDED');
  expect(r.failure?.message).toMatch(/one scan per image every 24 hours/);
});

test('a refused call fails the gate under fail and only warns under warn', async () => {
  const s = setup([]);
  s.ecr.scanError = new Error('AWS denied ecr:DescribeImageScanFindings on app: the role needs ecr:DescribeImageScanFindings.');
  expect((await scanGate(s.req(), s.deps)).failure?.message).toMatch(/the role needs ecr:DescribeImageScanFindings/);
  expect((await scanGate(s.req({ mode: 'warn' }), s.deps)).failure).toBeUndefined();
});

test('non-ECR images: fail refuses naming scan-gate; warn says once that only ECR findings are read', async () => {
  const s = setup([]);
  const ghcr = { target: resolveImage({ image: 'ghcr.io/o/app:v1' }, env), digest: D };
  await expect(scanGate(s.req({ images: [ghcr] }), s.deps)).rejects.toThrow(/^Input "scan-gate": scan-gate reads ECR scan findings only/);
  const r = await scanGate(s.req({ mode: 'warn', images: [ghcr, ghcr] }), s.deps);
  expect(r.outputs['scan-status']).toBe('NOT_ECR');
  expect(s.log.warnings.filter((w) => w.includes('ECR scan findings only'))).toHaveLength(1);
  expect(s.ecr.calls).toEqual([]);
});

test('a multi-platform image is gated per platform manifest; failures of every platform are listed', async () => {
  const s = setup([]);
  const AMD = `sha256:${'a'.repeat(64)}`;
  const ARM = `sha256:${'b'.repeat(64)}`;
  const index = JSON.stringify({
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [
      { digest: AMD, platform: { os: 'linux', architecture: 'amd64' } },
      { digest: ARM, platform: { os: 'linux', architecture: 'arm64' } },
    ],
  });
  s.ecr.findImages = async (q: ImageQuery) =>
    new Map<string, FoundImage>(q.tags.map((t) => [t, { digest: D, manifest: index, mediaType: 'application/vnd.oci.image.index.v1+json' }]));
  s.ecr.scans.set(`app@${AMD}`, [done('COMPLETE', [f('CVE-A', 'CRITICAL')])]);
  s.ecr.scans.set(`app@${ARM}`, [done('COMPLETE', [f('CVE-B', 'CRITICAL')])]);
  const r = await scanGate(s.req(), s.deps);
  expect(r.scans.map((x) => x.label)).toEqual([`${ECR}/app:app-abc1234 (linux/amd64)`, `${ECR}/app:app-abc1234 (linux/arm64)`]);
  expect(r.failure?.message).toMatch(/linux\/amd64\): CRITICAL 1[\s\S]*linux\/arm64\): CRITICAL 1/);
  expect(s.ecr.calls.filter((c) => c.startsWith('readScan'))).toEqual([`readScan app@${AMD}`, `readScan app@${ARM}`]);
});

test('a just-completed scan with no findings is re-read for the grace, then passes', async () => {
  const s = setup([done('COMPLETE', [], { completedAt: Date.parse('2026-12-03T12:00:00Z') })]);
  const r = await scanGate(s.req(), s.deps);
  expect(r.outputs['scan-passed']).toBe('true');
  expect(s.ecr.calls.filter((c) => c.startsWith('readScan')).length).toBeGreaterThan(1);
});
