// When the fast path (fast-ecr.ts) may stand in for the SDK: only where the SDK's own chain would
// take the static credentials from the environment (what configure-aws-credentials leaves) and
// nothing else could change how the SDK calls (a shared config file's endpoint_url, max_attempts
// or retry_mode; FIPS or dual-stack endpoints). Everything else (web identity, SSO, container,
// profiles) keeps the SDK's full credential chain.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface EnvCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface FastSettings {
  credentials: EnvCredentials;
  /** AWS_MAX_ATTEMPTS, or the SDK's default of 3. */
  maxAttempts: number;
}

const on = (v: string | undefined): boolean => (v ?? '').toLowerCase() === 'true';

/** The fast path's settings, or undefined when the SDK must make the call. `configExists` is asked only when everything else allows the fast path. */
export function fastSettings(env: NodeJS.ProcessEnv, configExists: (path: string) => boolean = existsSync): FastSettings | undefined {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) return undefined;
  // The SDK skips the environment's keys when AWS_PROFILE is set.
  if (env.AWS_PROFILE) return undefined;
  if (on(env.AWS_USE_FIPS_ENDPOINT) || on(env.AWS_USE_DUALSTACK_ENDPOINT) || on(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS)) return undefined;
  if (env.AWS_RETRY_MODE && env.AWS_RETRY_MODE !== 'standard') return undefined;
  const attempts = env.AWS_MAX_ATTEMPTS;
  if (attempts !== undefined && attempts !== '' && !/^[1-9]\d*$/.test(attempts)) return undefined;
  if (configExists(env.AWS_CONFIG_FILE || join(env.HOME || homedir(), '.aws', 'config'))) return undefined;
  return {
    credentials: { accessKeyId, secretAccessKey, ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}) },
    maxAttempts: attempts ? Number(attempts) : 3,
  };
}
