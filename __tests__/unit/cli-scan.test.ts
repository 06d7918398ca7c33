// ensure-image scan over the adapters' fakes: the table, the verdict and exit 3.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeDirCache, FakeDocker, FakeEcr, FakeGit, FakeRegistry } from '@ensure-image/adapters/fakes';
import type { CliDeps } from '../../cli/src/deps.js';
import { main } from '../../cli/src/main.js';

const HOST = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const SHA = 'abc1234'.padEnd(40, '0');
const D1 = `sha256:${'1'.repeat(64)}`;

function world() {
  const ws = mkdtempSync(join(tmpdir(), 'cli-scan-'));
  writeFileSync(join(ws, 'Dockerfile'), 'FROM scratch\n');
  writeFileSync(join(ws, 'images.yml'), 'images:\n  - {name: api, repository: app}\n  - {name: worker, repository: app}\n');
  const ecr = new FakeEcr();
  ecr.put('us-east-1', '123456789012', 'app', 'api-abc1234', D1);
  ecr.scans.set(`app@${D1}`, [
    {
      scanned: true,
      status: 'COMPLETE',
      enhanced: false,
      completedAt: 0,
      findings: [
        { id: 'CVE-2026-9', severity: 'HIGH', package: 'zlib', installed: '1.2', fixedIn: '1.3' },
        { id: 'CVE-2026-1', severity: 'CRITICAL', package: 'openssl', installed: '3.0.1', fixedIn: '3.0.9' },
      ],
    },
  ]);
  const out: string[] = [];
  const err: string[] = [];
  const deps: CliDeps = {
    git: new FakeGit({ HEAD: SHA }),
    ecr: async () => ecr,
    registry: new FakeRegistry(),
    docker: new FakeDocker(),
    cache: new FakeDirCache(false),
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: { AWS_REGION: 'us-east-1' },
    cwd: ws,
    tty: false,
    now: () => 0,
  };
  return { out, err, ecr, run: (...argv: string[]) => main(argv, deps) };
}

test('scan over the manifest: present images gated, the worst finding first, exit 3 when the gate fails', async () => {
  const w = world();
  expect(await w.run('scan')).toBe(3);
  expect(w.err).toContain(`${HOST}/app:worker-abc1234: missing, not gated`);
  expect(w.out[0]).toBe(`${HOST}/app:api-abc1234  COMPLETE  CRITICAL 1, HIGH 1`);
  expect(w.out[1]).toMatch(/^ {2}severity +id +package +installed +fixed in$/);
  expect(w.out[2]).toMatch(/^ {2}CRITICAL +CVE-2026-1 +openssl +3\.0\.1 +3\.0\.9$/);
  expect(w.out[3]).toMatch(/^ {2}HIGH +CVE-2026-9 +zlib/);
  expect(w.out.join('\n')).toMatch(/scan gate: did not pass\n {2}.*api-abc1234: CRITICAL 1 \(limit 0\) over fail-on critical=0/);
  expect(w.ecr.calls.filter((c) => c.startsWith('readScan'))).toEqual([`readScan app@${D1}`]);
});

test('scan: the id ignored passes (exit 0, marked ignored); --warn never exits 3', async () => {
  const w = world();
  expect(await w.run('scan', '--ignore', 'CVE-2026-1 until 2999-01-01')).toBe(0);
  expect(w.out.join('\n')).toMatch(/CRITICAL \(ignored\) +CVE-2026-1/);
  expect(w.out).toContain('scan gate: passed');
  const v = world();
  expect(await v.run('scan', '--warn', '--fail-on', 'high')).toBe(0);
  expect(v.out.join('\n')).toMatch(/did not pass/);
});

test('scan IMAGE --json: the outputs the actions give; a bad --fail-on is a usage error', async () => {
  const w = world();
  expect(await w.run('scan', '--json', `${HOST}/app:api-abc1234`)).toBe(3);
  const j = JSON.parse(w.out.join('\n'));
  expect(j).toMatchObject({ 'scan-status': 'COMPLETE', 'scan-passed': 'false' });
  expect(JSON.parse(j.findings)).toMatchObject({ CRITICAL: 1, HIGH: 1 });
  const bad = world();
  expect(await bad.run('scan', '--fail-on', 'severe')).toBe(2);
  expect(bad.err.join('\n')).toMatch(/--fail-on/);
});
