// Reliability of the testbed itself, without touching the shared one: down.sh waits for what it
// stops (and escalates to SIGKILL), and up.sh refuses a port held by a process it did not start,
// naming it, before it writes anything. Both run against a TESTBED_DIR of their own.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jestObject } from './reliability-kit.js';
import { ROOT } from './runner.js';

jestObject.setTimeout(60000);
const running = (pid: number): boolean =>
  spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' })
    .stdout.trim()
    .replace(/^Z.*/, '') !== '';

test('down.sh: a service that ignores SIGTERM is killed, and its pid file stays until it is gone', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tb-down-'));
  const ready = join(dir, 'ready');
  const stubborn = spawn(
    process.execPath,
    ['-e', `process.on('SIGTERM', () => {}); require('fs').writeFileSync(${JSON.stringify(ready)}, ''); setInterval(() => {}, 1000)`],
    { detached: true, stdio: 'ignore' },
  );
  const pid = stubborn.pid as number;
  // Only once its SIGTERM handler is in place (Node's start takes a while on a loaded machine).
  for (let i = 0; i < 200 && !existsSync(ready); i++) spawnSync('sleep', ['0.05']);
  expect(existsSync(ready)).toBe(true);
  writeFileSync(join(dir, 'standin.pid'), String(pid));
  const hosts = readFileSync('/etc/hosts', 'utf8');
  const r = spawnSync('bash', [join(ROOT, 'testbed/down.sh')], { env: { ...process.env, TESTBED_DIR: dir, TESTBED_STOP_GRACE: '1' }, encoding: 'utf8' });
  expect(r.status).toBe(0);
  expect(r.stderr).toMatch(new RegExp(`standin \\(pid ${pid}\\) did not end within 1 s of SIGTERM: sending SIGKILL`));
  expect(running(pid)).toBe(false);
  expect(existsSync(join(dir, 'standin.pid'))).toBe(false);
  // A testbed it never brought up (no env file): /etc/hosts is left alone.
  expect(readFileSync('/etc/hosts', 'utf8')).toBe(hosts);
});

test('up.sh: a port held by a process this testbed did not start is refused, naming the process, before anything is written', () => {
  // The shared testbed (started by the global setup) holds the ports: to a new TESTBED_DIR
  // they belong to processes it did not start.
  const dir = mkdtempSync(join(tmpdir(), 'tb-up-'));
  const r = spawnSync('bash', [join(ROOT, 'testbed/up.sh')], { env: { ...process.env, TESTBED_DIR: dir }, encoding: 'utf8' });
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(
    /port 443 \(for registry-ecr\) is held by pid \d+ \(docker-registry serve .*registry-ecr\.yml\), which this testbed \(.*tb-up-.*\) did not start/,
  );
  expect(readdirSync(dir)).toEqual([]);
});
