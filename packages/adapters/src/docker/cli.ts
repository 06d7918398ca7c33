import * as exec from '@actions/exec';
import { ToolMissingError } from '../errors.js';

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Extra environment for this command (merged over the process's). */
  env?: Record<string, string>;
  /** Sent on stdin (passwords: never argv). */
  input?: string;
  /** Keep the command's output out of the log. */
  quiet?: boolean;
}

/** The docker CLI, as the steps use it. Arguments are argv arrays: no shell is involved. */
export interface Docker {
  login(host: string, username: string, password: string): Promise<void>;
  logout(host: string): Promise<void>;
  hasBuildx(): Promise<boolean>;
  /** Client version (`28.2.2`), from `docker --version` (needs no daemon). */
  clientVersion(): Promise<string>;
  run(args: readonly string[], opts?: RunOptions): Promise<RunResult>;
}

export class DockerCli implements Docker {
  constructor(private readonly bin = 'docker') {}

  async run(args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
    try {
      return await exec.getExecOutput(this.bin, [...args], {
        ignoreReturnCode: true,
        silent: opts.quiet ?? false,
        ...(opts.input !== undefined ? { input: Buffer.from(opts.input) } : {}),
        env: { ...(process.env as Record<string, string>), ...(opts.env ?? {}) },
      });
    } catch (e) {
      if (/Unable to locate executable/i.test((e as Error).message)) {
        throw new ToolMissingError(`docker is not installed or not on PATH: this step needs the docker CLI (${(e as Error).message})`);
      }
      throw e;
    }
  }

  async login(host: string, username: string, password: string): Promise<void> {
    const r = await this.run(['login', '--username', username, '--password-stdin', host], { input: password, quiet: true });
    if (r.exitCode !== 0) throw new Error(`docker login ${host} failed: ${(r.stderr || r.stdout).trim()}`);
  }

  async logout(host: string): Promise<void> {
    const r = await this.run(['logout', host], { quiet: true });
    if (r.exitCode !== 0) throw new Error(`docker logout ${host} failed: ${(r.stderr || r.stdout).trim()}`);
  }

  async hasBuildx(): Promise<boolean> {
    const r = await this.run(['buildx', 'version'], { quiet: true });
    return r.exitCode === 0;
  }

  async clientVersion(): Promise<string> {
    const r = await this.run(['--version'], { quiet: true });
    return /version\s+(\d+\.\d+\.\d+)/.exec(r.stdout)?.[1] ?? '0.0.0';
  }
}
