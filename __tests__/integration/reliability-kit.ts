// Helpers for the reliability suites: a private ECR/STS stand-in per test file (faults injected
// there never reach other people's tests on the shared one), a free loopback port, and checks
// shared by the suites (no stack trace, the secrets nowhere in what a step leaves behind).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, type StepResult } from './runner.js';
import { request, tb } from './testbed.js';

/** A loopback port nothing listens on (bound, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface PrivateStandin {
  url: string;
  faults(list: { op: string; code?: string; status?: number; count?: number; delayMs?: number; message?: string; body?: string }[]): Promise<void>;
  reset(): Promise<void>;
  calls(): Promise<Record<string, number>>;
  /** AWS_ENDPOINT_URL_* for a step that should talk to this stand-in. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** testbed/standin.mjs on its own port, in front of the testbed's ECR-shaped registry. */
export async function privateStandin(): Promise<PrivateStandin> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'testbed/standin.mjs')], {
    env: {
      ...process.env,
      STANDIN_PORT: String(port),
      STANDIN_REGISTRY: `https://${tb.ecrHost}`,
      STANDIN_REGISTRY_USER: tb.ecrAuth.username,
      STANDIN_REGISTRY_PASSWORD: tb.ecrAuth.password,
      STANDIN_ACCOUNT: '123456789012',
      STANDIN_REPOSITORIES: 'app,cloudtak,events',
      STANDIN_TOKEN_KEY: join(tb.dir, 'token.key'),
      STANDIN_TOKEN_CERT: join(tb.dir, 'token.crt'),
      STANDIN_TOKEN_USERS: `${tb.ociAuth.username}:${tb.ociAuth.password}`,
      STANDIN_IMMUTABLE_PORT: '0',
    },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await request(`${url}/__health`)).status === 200) break;
    } catch {
      if (i > 100) throw new Error(`private stand-in on ${url} did not come up`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    env: { AWS_ENDPOINT_URL_ECR: url, AWS_ENDPOINT_URL_ECR_PUBLIC: url, AWS_ENDPOINT_URL_STS: url },
    async faults(list) {
      await request(`${url}/__faults`, { method: 'POST', body: JSON.stringify(list) });
    },
    async reset() {
      await request(`${url}/__reset`, { method: 'POST' });
    },
    async calls() {
      return JSON.parse((await request(`${url}/__calls`)).body.toString());
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

/** A V8/Node stack frame line ("    at fn (file:1:2)") anywhere in what the step printed. */
export function stackTrace(r: StepResult): string | undefined {
  return `${r.stdout}\n${r.stderr}`.split('\n').find((l) => /^\s+at .+(:\d+:\d+\)?|\(native\)|node:internal)/.test(l));
}

/** A PATH holding only the given tools (git and sh by default): `docker` is missing from it. */
export function pathOnly(keep: string[] = ['git', 'sh']): string {
  const dir = mkdtempSync(join(tmpdir(), 'path-'));
  const which = (tool: string): string | undefined =>
    (process.env.PATH ?? '')
      .split(':')
      .map((p) => join(p, tool))
      .find((p) => existsSync(p));
  for (const tool of keep) {
    const at = which(tool);
    if (at) symlinkSync(at, join(dir, tool));
  }
  return dir;
}

/** Everything a step left behind that a reader could see: stdout minus ::add-mask:: lines, stderr, its files. */
export function visible(r: StepResult, tmpFiles: string[] = []): Record<string, string> {
  return {
    stdout: r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n'),
    stderr: r.stderr,
    summary: r.summary,
    outputs: JSON.stringify(r.outputs),
    state: JSON.stringify(r.state),
    ...Object.fromEntries(tmpFiles.map((f) => [f, readFileSync(f, 'utf8')])),
  };
}

/** Where each secret shows up in `where`: [] when nowhere. */
export function leaks(where: Record<string, string>, secrets: string[]): string[] {
  const out: string[] = [];
  for (const [name, text] of Object.entries(where)) for (const s of secrets) if (s && text.includes(s)) out.push(`${JSON.stringify(s)} in ${name}`);
  return out;
}

/** Jest's own object in ESM mode (the `jest` global is absent there). */
export const jestObject = (import.meta as unknown as { jest: { setTimeout(ms: number): void } }).jest;
