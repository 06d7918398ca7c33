// What the docker CLI prints, read into typed values. Kept beside the adapter that runs it.
import type { BuilderInfo } from '@ensure-image/core';

/** The last lines of a command's output, for error messages. */
export function tail(r: { stdout: string; stderr: string }, lines = 25): string {
  return (r.stderr || r.stdout).trim().split('\n').slice(-lines).join('\n');
}

/** The digest `docker push` prints: `<tag>: digest: sha256:... size: N`. */
export function digestFromPush(output: string): string | undefined {
  return /digest: (sha256:[a-f0-9]{64})/.exec(output)?.[1];
}

/** Whether a push failed because the tag exists in an immutable repository (ECR's TAG_INVALID). */
export function isImmutableTagRefusal(output: string): boolean {
  return /already exists.*cannot be overwritten|tag invalid.*immutable|ImageTagAlreadyExistsException/i.test(output);
}

/**
 * `docker buildx inspect` (its `Driver:` line) and `docker info --format '{{json .DriverStatus}}'`
 * (`[["driver-type","io.containerd.snapshotter.v1"]]` when images live in containerd).
 */
export function parseBuilderInfo(inspect: string, driverStatus: string): BuilderInfo {
  const driver = /^Driver:\s*(\S+)/m.exec(inspect)?.[1] ?? 'docker';
  return { driver, containerdStore: /io\.containerd\.snapshotter/.test(driverStatus) };
}
