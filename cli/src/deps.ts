// What the commands use: the same adapters as the actions, with plain stdout/stderr instead of
// the runner's protocol. Tests pass fakes (packages/adapters/src/fakes.ts) instead.
import { type Ecr, loadSdkEcr } from '@ensure-image/adapters/aws';
import type { DirCache } from '@ensure-image/adapters/cache';
import { type Docker, DockerCli, type RunOptions, type RunResult } from '@ensure-image/adapters/docker';
import { BatchedGit, type Git, GitCli } from '@ensure-image/adapters/git';
import type { Log } from '@ensure-image/adapters/log';
import { HttpRegistry, type Registry } from '@ensure-image/adapters/oci';
import { withProfileRegion } from './region.js';

export interface CliDeps {
  git: Git;
  ecr: () => Promise<Ecr>;
  registry: Registry;
  docker: Docker;
  cache: DirCache;
  /** One line to stdout (the command's result). */
  out: (line: string) => void;
  /** One line to stderr (progress detail, warnings, errors). */
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** stdout is a terminal: progress lines may be rewritten in place. */
  tty: boolean;
  /** Rewrite the current stdout line (TTY only). */
  rewrite?: (line: string) => void;
  now: () => number;
}

/** The step functions' log on stderr. Info lines only with --verbose; secrets never reach a line. */
export function stderrLog(deps: Pick<CliDeps, 'err'>, verbose: boolean): Log & { redact(s: string): string } {
  const secrets = new Set<string>();
  const redact = (s: string): string => [...secrets].reduce((line, v) => line.split(v).join('***'), s);
  return {
    info: (m) => verbose && deps.err(redact(m)),
    debug: (m) => verbose && deps.err(redact(`debug: ${m}`)),
    warning: (m) => deps.err(redact(`warning: ${m}`)),
    secret: (v) => {
      if (v) secrets.add(v);
    },
    redact,
  };
}

/** docker with its output captured, not echoed (the runner's `[command]` lines): a failure's tail is in the step's error. */
class QuietDocker extends DockerCli {
  override run(args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
    return super.run(args, { ...opts, quiet: true });
  }
}

/** No Actions cache service on a developer's machine. */
const noCache: DirCache = {
  available: () => false,
  restore: () => Promise.resolve(undefined),
  save: () => Promise.resolve(),
};

export function realDeps(): CliDeps {
  const tty = process.stdout.isTTY === true;
  return {
    git: new BatchedGit(new GitCli()),
    ecr: loadSdkEcr,
    registry: new HttpRegistry(),
    docker: new QuietDocker(),
    cache: noCache,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: withProfileRegion(process.env),
    cwd: process.cwd(),
    tty,
    ...(tty ? { rewrite: (line: string) => process.stdout.write(`\r\x1b[2K${line}`) } : {}),
    now: () => performance.now(),
  };
}
