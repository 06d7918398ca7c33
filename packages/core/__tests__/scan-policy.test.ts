import fc from 'fast-check';
import {
  type Finding,
  SEVERITIES,
  type Severity,
  applyIgnores,
  countBySeverity,
  describeBreaches,
  judge,
  parseDuration,
  parseFailOn,
  parseScanIgnore,
  toSeverity,
  worstFirst,
} from '../src/index.js';

describe('fail-on', () => {
  test.each([
    ['critical', { CRITICAL: 0 }],
    ['HIGH', { CRITICAL: 0, HIGH: 0 }],
    ['medium', { CRITICAL: 0, HIGH: 0, MEDIUM: 0 }],
    ['low', { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0 }],
    ['informational', { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0 }],
    ['critical=0,high=5', { CRITICAL: 0, HIGH: 5 }],
    ['critical=0\nhigh=5', { CRITICAL: 0, HIGH: 5 }],
    [' High = 12 , low=100', { HIGH: 12, LOW: 100 }],
    ['undefined=3', { UNDEFINED: 3 }],
  ])('%j -> %j', (v, want) => {
    expect(parseFailOn('fail-on', v)).toEqual(want);
  });
  test.each(['', 'severe', 'undefined', 'critical=', 'critical=-1', 'critical=x', 'crit=0', 'critical=0,critical=1', 'critical=0;high=1'])(
    '%j is refused naming fail-on',
    (v) => {
      expect(() => parseFailOn('fail-on', v)).toThrow(/^Input "fail-on": .*(severity|twice)/);
    },
  );
});

describe('scan-ignore', () => {
  test('an id a line, optional until, comments and blanks skipped', () => {
    expect(
      parseScanIgnore('scan-ignore', 'CVE-2024-1234\n\n  GHSA-xxxx-yyyy until 2027-01-31 # vendor fix due\n# a note\nALAS-2024-9 UNTIL 2026-02-28'),
    ).toEqual([{ id: 'CVE-2024-1234' }, { id: 'GHSA-xxxx-yyyy', until: '2027-01-31' }, { id: 'ALAS-2024-9', until: '2026-02-28' }]);
  });
  test.each([
    ['CVE-1 until 2027-02-30', /line 1: "2027-02-30" is not a date/],
    ['CVE-1 until tomorrow', /not a date/],
    ['CVE-1 until', /expected a finding id/],
    ['CVE-1 CVE-2', /expected a finding id/],
    ['CVE-1\ncve-1', /CVE-1 is listed twice|cve-1 is listed twice/],
  ])('%j is refused', (v, re) => {
    expect(() => parseScanIgnore('scan-ignore', v)).toThrow(re);
    expect(() => parseScanIgnore('scan-ignore', v)).toThrow(/^Input "scan-ignore"/);
  });
});

describe('scan-timeout', () => {
  test.each([
    ['10m', 600_000],
    ['90s', 90_000],
    ['1h', 3_600_000],
    ['0', 0],
    ['1.5m', 90_000],
    ['500ms', 500],
  ])('%s -> %d ms', (v, want) => expect(parseDuration('scan-timeout', v)).toBe(want));
  test.each(['', '10', 'ten minutes', '-5m', '7h', 'm'])('%j is refused naming the form', (v) => {
    expect(() => parseDuration('scan-timeout', v)).toThrow(/^Input "scan-timeout": expected a duration with a unit like 90s, 10m or 1h/);
  });
});

const finding = (id: string, severity: Severity, pkg = 'openssl'): Finding => ({ id, severity, package: pkg });

describe('ignores', () => {
  const findings = [finding('CVE-1', 'CRITICAL'), finding('CVE-2', 'HIGH'), finding('cve-3', 'LOW'), finding('CVE-1', 'CRITICAL', 'libssl')];
  test('an entry ignores its id (any case, every package) through its until day, inclusive', () => {
    const r = applyIgnores(findings, [{ id: 'cve-1', until: '2026-12-03' }, { id: 'CVE-3' }], '2026-12-03');
    expect(r.counted.map((f) => f.id)).toEqual(['CVE-2']);
    expect(r.ignored.map((f) => `${f.id}/${f.package}`)).toEqual(['CVE-1/openssl', 'cve-3/openssl', 'CVE-1/libssl']);
    expect(r.expired).toEqual([]);
  });
  test('the day after, the entry expires: it ignores nothing and is reported', () => {
    const r = applyIgnores(findings, [{ id: 'CVE-1', until: '2026-12-02' }], '2026-12-03');
    expect(r.counted).toHaveLength(4);
    expect(r.expired).toEqual([{ id: 'CVE-1', until: '2026-12-02' }]);
  });
});

describe('judging counts against limits', () => {
  test('critical=0,high=5 with 6 HIGH names the count and the limit', () => {
    const counts = countBySeverity([...Array.from({ length: 6 }, (_, n) => finding(`CVE-${n}`, 'HIGH')), finding('CVE-9', 'LOW')]);
    const b = judge(counts, parseFailOn('fail-on', 'critical=0,high=5'));
    expect(describeBreaches(b)).toBe('HIGH 6 (limit 5)');
  });
  test('a severity gate counts that severity or worse', () => {
    const counts = countBySeverity([finding('a', 'MEDIUM'), finding('b', 'LOW')]);
    expect(judge(counts, parseFailOn('fail-on', 'high'))).toEqual([]);
    expect(judge(counts, parseFailOn('fail-on', 'medium'))).toEqual([{ severity: 'MEDIUM', count: 1, limit: 0 }]);
  });
  test('unknown severities (UNTRIAGED) are UNDEFINED', () => {
    expect(toSeverity('untriaged')).toBe('UNDEFINED');
    expect(toSeverity('High')).toBe('HIGH');
  });
  test('worst first: severity, then id', () => {
    expect(worstFirst([finding('b', 'LOW'), finding('z', 'CRITICAL'), finding('a', 'LOW')]).map((f) => f.id)).toEqual(['z', 'a', 'b']);
  });
});

describe('threshold arithmetic (properties)', () => {
  const sev = fc.constantFrom(...SEVERITIES);
  const findingsArb = fc.array(fc.record({ id: fc.stringMatching(/^CVE-[0-9]{1,3}$/), severity: sev }), { maxLength: 60 });
  const limitsArb = fc.dictionary(sev, fc.nat({ max: 20 }));

  test('counts add up to the findings, per severity and in total', () => {
    fc.assert(
      fc.property(findingsArb, (fs) => {
        const c = countBySeverity(fs);
        expect(Object.values(c).reduce((a, b) => a + b, 0)).toBe(fs.length);
        for (const s of SEVERITIES) expect(c[s]).toBe(fs.filter((f) => f.severity === s).length);
      }),
    );
  });
  test('a breach exactly when a limited severity is over its limit', () => {
    fc.assert(
      fc.property(findingsArb, limitsArb, (fs, limits) => {
        const c = countBySeverity(fs);
        const breached = new Set(judge(c, limits).map((b) => b.severity));
        for (const s of SEVERITIES) expect(breached.has(s)).toBe(limits[s] !== undefined && c[s] > limits[s]);
      }),
    );
  });
  test('ignoring more never fails more: the counted findings shrink as the ignore list grows', () => {
    fc.assert(
      fc.property(findingsArb, fc.array(fc.stringMatching(/^CVE-[0-9]{1,3}$/), { maxLength: 10 }), fc.nat({ max: 10 }), limitsArb, (fs, ids, cut, limits) => {
        const all = ids.map((id) => ({ id }));
        const fewer = all.slice(0, cut);
        const withAll = applyIgnores(fs, all, '2026-01-01');
        const withFewer = applyIgnores(fs, fewer, '2026-01-01');
        expect(withAll.counted.length).toBeLessThanOrEqual(withFewer.counted.length);
        expect(withAll.counted.length + withAll.ignored.length).toBe(fs.length);
        expect(judge(countBySeverity(withAll.counted), limits).length).toBeLessThanOrEqual(judge(countBySeverity(withFewer.counted), limits).length);
      }),
    );
  });
  test('a severity gate is the same as limits of 0 for it and everything worse', () => {
    fc.assert(
      fc.property(findingsArb, fc.constantFrom('critical', 'high', 'medium', 'low', 'informational'), (fs, word) => {
        const c = countBySeverity(fs);
        const at = SEVERITIES.indexOf(word.toUpperCase() as Severity);
        const fails = SEVERITIES.slice(0, at + 1).some((s) => c[s] > 0);
        expect(judge(c, parseFailOn('fail-on', word)).length > 0).toBe(fails);
      }),
    );
  });
});
