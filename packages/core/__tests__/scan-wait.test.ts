import fc from 'fast-check';
import {
  type ScanObservation,
  type WaitDecision,
  type WaitState,
  backoffMs,
  findingsConsoleUrl,
  initialWait,
  manifestsToGate,
  nextWait,
  verdict,
  zeroCounts,
} from '../src/index.js';

const read = (status: string, findings = 0, extra: Partial<Extract<ScanObservation, { kind: 'read' }>> = {}): ScanObservation => ({
  kind: 'read',
  status,
  findings,
  enhanced: false,
  ...extra,
});

/** Feed observations at the given times; the decisions in order. */
function run(obs: [ScanObservation, number][], graceMs = 30_000): WaitDecision[] {
  let s: WaitState = initialWait();
  return obs.map(([o, t]) => {
    const r = nextWait(s, o, t, { graceMs });
    s = r.state;
    return r.decision;
  });
}
const actions = (ds: WaitDecision[]): string[] => ds.map((d) => `${d.action}${'status' in d ? ` ${d.status}` : ''}`);

describe('waiting for a scan', () => {
  test.each<[string, [ScanObservation, number][], string[]]>([
    [
      'basic: IN_PROGRESS then COMPLETE with findings',
      [
        [read('IN_PROGRESS'), 0],
        [read('COMPLETE', 3), 2000],
      ],
      ['wait IN_PROGRESS', 'done COMPLETE'],
    ],
    [
      'basic: a scan watched to COMPLETE with none is clean at once',
      [
        [read('IN_PROGRESS'), 0],
        [read('COMPLETE', 0), 2000],
      ],
      ['wait IN_PROGRESS', 'done COMPLETE'],
    ],
    [
      'basic: IN_PROGRESS then FAILED stops',
      [
        [read('IN_PROGRESS'), 0],
        [read('FAILED', 0, { description: 'layer too big' }), 2000],
      ],
      ['wait IN_PROGRESS', 'stop FAILED'],
    ],
    ['enhanced: ACTIVE with findings is done (no waiting for COMPLETE)', [[read('ACTIVE', 2, { enhanced: true }), 0]], ['done ACTIVE']],
    [
      'enhanced: PENDING, PENDING, ACTIVE',
      [
        [read('PENDING'), 0],
        [read('PENDING'), 2000],
        [read('ACTIVE', 1), 6000],
      ],
      ['wait PENDING', 'wait PENDING', 'done ACTIVE'],
    ],
    [
      'COMPLETE with no findings yet is re-read through the grace',
      [
        [read('COMPLETE', 0), 0],
        [read('COMPLETE', 0), 10_000],
        [read('COMPLETE', 4), 20_000],
      ],
      ['wait COMPLETE', 'wait COMPLETE', 'done COMPLETE'],
    ],
    [
      '... and accepted as clean when the grace has passed',
      [
        [read('COMPLETE', 0), 0],
        [read('COMPLETE', 0), 30_000],
      ],
      ['wait COMPLETE', 'done COMPLETE'],
    ],
    [
      'a completion time that keeps moving cannot hold the gate past the grace',
      [
        [read('COMPLETE', 0, { completedAt: 0 }), 0],
        [read('COMPLETE', 0, { completedAt: 20_000 }), 20_000],
        [read('COMPLETE', 0, { completedAt: 30_000 }), 30_000],
      ],
      ['wait COMPLETE', 'wait COMPLETE', 'done COMPLETE'],
    ],
    ['a scan that finished long ago with none is clean at once', [[read('COMPLETE', 0, { completedAt: -3_600_000 }), 0]], ['done COMPLETE']],
    [
      'never scanned (basic): StartImageScan once, then wait',
      [
        [{ kind: 'not-scanned' }, 0],
        [{ kind: 'start', result: 'started' }, 0],
        [{ kind: 'not-scanned' }, 2000],
        [read('IN_PROGRESS'), 4000],
        [read('COMPLETE', 1), 8000],
      ],
      ['start', 'wait STARTED', 'wait NOT_SCANNED', 'wait IN_PROGRESS', 'done COMPLETE'],
    ],
    [
      'StartImageScan on an enhanced repository: wait for Inspector',
      [
        [{ kind: 'not-scanned' }, 0],
        [{ kind: 'start', result: 'enhanced' }, 0],
        [read('PENDING'), 2000],
      ],
      ['start', 'wait STARTED', 'wait PENDING'],
    ],
    [
      'StartImageScan over the daily limit stops',
      [
        [{ kind: 'not-scanned' }, 0],
        [{ kind: 'start', result: 'LIMIT_EXCEEDED' }, 0],
      ],
      ['start', 'stop LIMIT_EXCEEDED'],
    ],
    [
      'StartImageScan of an unsupported image stops',
      [
        [{ kind: 'not-scanned' }, 0],
        [{ kind: 'start', result: 'UNSUPPORTED_IMAGE' }, 0],
      ],
      ['start', 'stop UNSUPPORTED_IMAGE'],
    ],
  ])('%s', (_name, obs, want) => {
    expect(actions(run(obs))).toEqual(want);
  });

  test.each([
    ['SCAN_ELIGIBILITY_EXPIRED', /continuous-scan duration/],
    ['UNSUPPORTED_IMAGE', /cannot scan this image/],
    ['FINDINGS_UNAVAILABLE', /Inspector has no findings/],
    ['LIMIT_EXCEEDED', /scan limit was reached/],
    ['FAILED', /the scan failed: why/],
    ['SOMETHING_NEW', /a scan status the gate does not know \(SOMETHING_NEW: why\)/],
  ])('%s stops with its own message', (status, re) => {
    const [d] = run([[read(status, 0, { description: 'why' }), 0]]);
    expect(d).toMatchObject({ action: 'stop', status });
    expect((d as { message: string }).message).toMatch(re);
  });

  test('the grace wait is provisional (what was read may stand when time runs out), a PENDING is not', () => {
    expect(run([[read('ACTIVE', 0), 0]])[0]).toEqual({ action: 'wait', status: 'ACTIVE', provisional: true });
    expect(run([[read('PENDING', 0), 0]])[0]).toEqual({ action: 'wait', status: 'PENDING' });
  });

  test('StartImageScan is asked at most once', () => {
    const ds = run([
      [{ kind: 'not-scanned' }, 0],
      [{ kind: 'start', result: 'started' }, 0],
      [{ kind: 'not-scanned' }, 1],
      [{ kind: 'not-scanned' }, 2],
    ]);
    expect(ds.filter((d) => d.action === 'start')).toHaveLength(1);
  });

  test('backoff doubles from 2 s to 15 s and never passes the time left', () => {
    expect([1, 2, 3, 4, 5, 9].map((n) => backoffMs(n, 600_000))).toEqual([2000, 4000, 8000, 15000, 15000, 15000]);
    expect(backoffMs(4, 1234)).toBe(1234);
    expect(backoffMs(1, -5)).toBe(0);
  });
});

describe('what is gated', () => {
  test('a single manifest is gated itself', () => {
    expect(manifestsToGate('sha256:a', '{"schemaVersion":2,"config":{}}', 'application/vnd.oci.image.manifest.v1+json')).toEqual([
      { platform: '', digest: 'sha256:a' },
    ]);
  });
  test('an index: each platform manifest, attestations left out', () => {
    const index = JSON.stringify({
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        { digest: 'sha256:amd', platform: { os: 'linux', architecture: 'amd64' } },
        { digest: 'sha256:arm', platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
        { digest: 'sha256:att', platform: { os: 'unknown', architecture: 'unknown' }, annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } },
      ],
    });
    expect(manifestsToGate('sha256:idx', index, undefined)).toEqual([
      { platform: 'linux/amd64', digest: 'sha256:amd' },
      { platform: 'linux/arm64/v8', digest: 'sha256:arm' },
    ]);
  });
  test.each([
    ['us-east-1', 'https://us-east-1.console.aws.amazon.com/ecr/repositories/private/123456789012/team/app/_/image/sha256:a/scan-results?region=us-east-1'],
    ['cn-north-1', 'https://cn-north-1.console.amazonaws.cn/ecr/repositories/private/123456789012/team/app/_/image/sha256:a/scan-results?region=cn-north-1'],
    [
      'us-gov-west-1',
      'https://us-gov-west-1.console.amazonaws-us-gov.com/ecr/repositories/private/123456789012/team/app/_/image/sha256:a/scan-results?region=us-gov-west-1',
    ],
  ])('console URL in %s', (region, url) => {
    expect(findingsConsoleUrl(region, '123456789012', 'team/app', 'sha256:a')).toBe(url);
  });
});

describe('the verdict over every manifest', () => {
  const scan = (label: string, over: Partial<Parameters<typeof verdict>[0][number]> = {}) => ({
    label,
    digest: 'sha256:x',
    status: 'COMPLETE',
    problem: '',
    counts: zeroCounts(),
    counted: [],
    ignored: [],
    breaches: [],
    url: '',
    ...over,
  });
  test('every failure is listed, not the first; counts are the most of any manifest', () => {
    const v = verdict(
      [
        scan('app:1 (linux/amd64)', { counts: { ...zeroCounts(), HIGH: 6 }, breaches: [{ severity: 'HIGH', count: 6, limit: 5 }] }),
        scan('app:1 (linux/arm64)', { status: 'TIMEOUT', problem: 'no findings within scan-timeout 10m (last status IN_PROGRESS)' }),
        scan('other:1', { counts: { ...zeroCounts(), HIGH: 2 } }),
      ],
      { CRITICAL: 0, HIGH: 5 },
      [],
    );
    expect(v.passed).toBe(false);
    expect(v.failures).toEqual([
      'app:1 (linux/amd64): HIGH 6 (limit 5) over fail-on critical=0,high=5',
      'app:1 (linux/arm64): no findings within scan-timeout 10m (last status IN_PROGRESS)',
    ]);
    expect(v.counts.HIGH).toBe(6);
    expect(v.status).toBe('COMPLETE,TIMEOUT');
  });
  test('a failure caused by an expired ignore entry says so', () => {
    const f = { id: 'CVE-2024-1', severity: 'CRITICAL' as const };
    const v = verdict([scan('app:1', { counted: [f], breaches: [{ severity: 'CRITICAL', count: 1, limit: 0 }] })], { CRITICAL: 0 }, [
      { id: 'CVE-2024-1', until: '2026-01-31' },
    ]);
    expect(v.failures[0]).toMatch(/scan-ignore entries expired: CVE-2024-1 \(until 2026-01-31\)/);
  });
});

describe('waiting rules (properties)', () => {
  const status = fc.constantFrom(
    'IN_PROGRESS',
    'COMPLETE',
    'PENDING',
    'ACTIVE',
    'FAILED',
    'UNSUPPORTED_IMAGE',
    'SCAN_ELIGIBILITY_EXPIRED',
    'FINDINGS_UNAVAILABLE',
    'LIMIT_EXCEEDED',
  );
  const obs: fc.Arbitrary<ScanObservation> = fc.oneof(
    fc.record({ kind: fc.constant('read' as const), status, findings: fc.nat({ max: 3 }), enhanced: fc.boolean() }),
    fc.constant({ kind: 'not-scanned' as const }),
    fc.record({
      kind: fc.constant('start' as const),
      result: fc.constantFrom('started' as const, 'LIMIT_EXCEEDED' as const, 'UNSUPPORTED_IMAGE' as const, 'enhanced' as const),
    }),
  );
  test('StartImageScan is asked at most once, done only on COMPLETE/ACTIVE, an empty result never waits past the grace', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(obs, fc.nat({ max: 20_000 })), { maxLength: 30 }), (steps) => {
        let s = initialWait();
        let t = 0;
        let starts = 0;
        let firstEmpty: number | undefined;
        for (const [o, dt] of steps) {
          t += dt;
          const r = nextWait(s, o, t, { graceMs: 30_000 });
          if (r.decision.action === 'start') starts++;
          if (r.decision.action === 'done') expect(['COMPLETE', 'ACTIVE']).toContain(r.decision.status);
          if (o.kind === 'read' && ['COMPLETE', 'ACTIVE'].includes(o.status) && o.findings === 0) {
            firstEmpty ??= t;
            if (t - firstEmpty >= 30_000) expect(r.decision.action).toBe('done');
          }
          s = r.state;
        }
        expect(starts).toBeLessThanOrEqual(1);
      }),
    );
  });
});
