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
import { dockerConfig, tb } from './testbed.js';

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
    execFileSync('docker', ['buildx', 'create', '--name', 'testbed-buildkit', '--driver', 'remote', '--use', daemonAddr()], {
      env: { ...process.env, DOCKER_CONFIG: dir },
      stdio: 'ignore',
    });
    return dir;
  },
};

export const BUILDERS: readonly Builder[] = [dockerDriver, daemon];

/**
 * A base image that can RUN, made offline: Debian's static busybox imported as a root file
 * system (testbed/install.sh installs busybox-static). Undefined when it is not there.
 */
export function busyboxImage(): string | undefined {
  const bin = '/bin/busybox';
  try {
    execFileSync('dpkg', ['-s', 'busybox-static'], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  if (!existsSync(bin)) return undefined;
  const name = 'ensure-image-testbed/busybox:1';
  const root = mkdtempSync(join(tmpdir(), 'bbroot-'));
  mkdirSync(join(root, 'bin'));
  execFileSync('cp', [bin, join(root, 'bin', 'busybox')]);
  for (const c of ['sh', 'cat', 'test', 'sha256sum', 'cut']) symlinkSync('busybox', join(root, 'bin', c));
  execFileSync('sh', ['-c', `tar -C '${root}' -c . | docker import - ${name}`], { stdio: 'ignore' });
  return name;
}

/**
 * The base image as a builder can pull it: dockerd's image store for the docker driver; a
 * registry for a BuildKit daemon (it pulls bases from registries only), pushed there once.
 */
export function baseFor(b: Builder, local: string): string {
  if (!b.exports) return local;
  const ref = `${tb.ociHost}/testbed/busybox:1`;
  const env = { ...process.env, DOCKER_CONFIG: dockerConfig({ [tb.ociHost]: tb.ociAuth }) };
  execFileSync('docker', ['tag', local, ref], { stdio: 'ignore' });
  execFileSync('docker', ['push', ref], { env, stdio: 'ignore' });
  return ref;
}
