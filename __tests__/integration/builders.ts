// The two builders a runner has, for the buildx tests: the `docker` driver (dockerd's own
// BuildKit; no setup-buildx-action step) and a BuildKit daemon (what setup-buildx-action's
// `docker-container` driver gives hosted runners), here the testbed's buildkitd on the host
// reached through buildx's `remote` driver. The plugin is BUILDX_PLUGIN, else
// ../shared/tools/docker-buildx beside the clone. A builder that cannot run says why (skip).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from './runner.js';
import { dockerConfig } from './testbed.js';

const TOOLS = process.env.TESTBED_TOOLS || resolve(ROOT, '..', 'shared', 'tools');
export const PLUGIN = process.env.BUILDX_PLUGIN || join(TOOLS, 'docker-buildx');
const HAVE_PLUGIN = existsSync(PLUGIN);

export interface Builder {
  /** `docker` (the docker driver) or `daemon` (a BuildKit daemon through the remote driver). */
  id: 'docker' | 'daemon';
  /** Why this builder cannot run here; empty when it can. */
  skip: string;
  /** Cache export, multi-platform output, push by digest, attestations. */
  exports: boolean;
  /** A fresh DOCKER_CONFIG with the plugin, the logins, and this builder as buildx's default. */
  config(auths?: Record<string, { username: string; password: string }>): string;
}

function pluginConfig(auths: Record<string, { username: string; password: string }>): string {
  const dir = dockerConfig(auths);
  mkdirSync(join(dir, 'cli-plugins'));
  symlinkSync(PLUGIN, join(dir, 'cli-plugins', 'docker-buildx'));
  return dir;
}

const noPlugin = `skipped: no docker-buildx (BUILDX_PLUGIN unset and ${PLUGIN} absent)`;

export const dockerDriver: Builder = {
  id: 'docker',
  skip: HAVE_PLUGIN ? '' : noPlugin,
  exports: false,
  config: (auths = {}) => pluginConfig(auths),
};

/** The daemon's address, as testbed/up.sh wrote it (read when a test runs: the global setup sets it). */
const daemonAddr = (): string => process.env.TESTBED_BUILDKIT_ADDR ?? '';

export const daemon: Builder = {
  id: 'daemon',
  get skip(): string {
    if (!HAVE_PLUGIN) return noPlugin;
    return daemonAddr() ? '' : `skipped: the testbed started no BuildKit daemon (no buildkitd/buildctl in ${TOOLS})`;
  },
  exports: true,
  config: (auths = {}) => {
    const dir = pluginConfig(auths);
    // As docker/setup-buildx-action does: create a builder and make it the default (`--use`).
    execFileSync('docker', ['buildx', 'create', '--name', 'testbed-buildkit', '--driver', 'remote', '--use', daemonAddr()], { env: { ...process.env, DOCKER_CONFIG: dir }, stdio: 'ignore' });
    return dir;
  },
};

export const BUILDERS: readonly Builder[] = [dockerDriver, daemon];

/** A scratch directory (for Dockerfiles built outside a git fixture). */
export const scratchDir = (): string => mkdtempSync(join(tmpdir(), 'bx-'));
