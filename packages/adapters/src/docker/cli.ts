import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as exec from '@actions/exec';
import type { BuilderInfo } from '@ensure-image/core';
import { ImmutableTagError, ToolMissingError } from '../errors.js';
import { digestFromPush, isImmutableTagRefusal, parseBuilderInfo, tail } from './output.js';

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
  /** The buildx builder's driver and whether the engine stores images in containerd. */
  builderInfo(builder?: string): Promise<BuilderInfo>;
  /**
   * `docker buildx build` with the given argv (from core's buildxArgs); buildx's metadata
   * (`containerimage.digest`, ...) is returned. Throws ImmutableTagError when the push was
   * refused for an immutable tag.
   */
  buildx(args: readonly string[], env?: Record<string, string>): Promise<Record<string, unknown>>;
  /** The classic `docker build` (argv from classicBuildArgs). */
  build(args: readonly string[], env: Record<string, string>): Promise<void>;
  /** `docker push`; the pushed manifest's digest. Throws ImmutableTagError as buildx does. */
  push(ref: string): Promise<string>;
  run(args: readonly string[], opts?: RunOptions): Promise<RunResult>;
}

export class DockerCli implements Docker {
  constructor(
    private readonly bin = 'docker',
    private readonly tempRoot = process.env.RUNNER_TEMP || tmpdir(),
  ) {}

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

  async builderInfo(builder?: string): Promise<BuilderInfo> {
    const [inspect, info] = await Promise.all([
      this.run(['buildx', 'inspect', ...(builder ? [builder] : [])], { quiet: true }),
      this.run(['info', '--format', '{{json .DriverStatus}}'], { quiet: true }),
    ]);
    if (inspect.exitCode !== 0) throw new Error(`docker buildx inspect${builder ? ` ${builder}` : ''} failed: ${tail(inspect, 3)}`);
    return parseBuilderInfo(inspect.stdout, info.exitCode === 0 ? info.stdout : '');
  }

  async buildx(args: readonly string[], env: Record<string, string> = {}): Promise<Record<string, unknown>> {
    const dir = await mkdtemp(path.join(this.tempRoot, 'ensure-image-'));
    try {
      const file = path.join(dir, 'metadata.json');
      const r = await this.run([...args.slice(0, 2), '--metadata-file', file, ...args.slice(2)], { env });
      if (r.exitCode !== 0) {
        if (isImmutableTagRefusal(r.stderr)) throw new ImmutableTagError(tail(r, 3));
        throw new Error(`docker buildx build failed (exit ${r.exitCode}):\n${tail(r)}`);
      }
      const text = await readFile(file, 'utf8').catch(() => '{}');
      return JSON.parse(text || '{}') as Record<string, unknown>;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async build(args: readonly string[], env: Record<string, string>): Promise<void> {
    const r = await this.run(args, { env });
    if (r.exitCode !== 0) throw new Error(`docker build failed (exit ${r.exitCode}):\n${tail(r)}`);
  }

  async push(ref: string): Promise<string> {
    const r = await this.run(['push', ref]);
    if (r.exitCode !== 0) {
      if (isImmutableTagRefusal(`${r.stderr}\n${r.stdout}`)) throw new ImmutableTagError(tail(r, 3));
      throw new Error(`docker push ${ref} failed (exit ${r.exitCode}):\n${tail(r)}`);
    }
    const digest = digestFromPush(r.stdout);
    if (!digest) throw new Error(`docker push ${ref} printed no digest`);
    return digest;
  }
}
