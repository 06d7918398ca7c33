import { readFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

export interface BasicCredentials {
  username: string;
  password: string;
}

/**
 * Credentials `docker login` stored for a host in the job's docker config
 * (`$DOCKER_CONFIG/config.json` or `~/.docker/config.json`, `auths` entries). Credential
 * helpers are not consulted: with one configured, pass username/password explicitly.
 */
export async function dockerConfigCredentials(host: string, env: NodeJS.ProcessEnv = process.env): Promise<BasicCredentials | undefined> {
  const dir = env.DOCKER_CONFIG || path.join(os.homedir(), '.docker');
  let config: { auths?: Record<string, { auth?: string; username?: string; password?: string }> };
  try {
    config = JSON.parse(await readFile(path.join(dir, 'config.json'), 'utf8')) as typeof config;
  } catch {
    return undefined;
  }
  const auths = config.auths ?? {};
  const keys = [host, `https://${host}`, `http://${host}`, ...(host === 'registry-1.docker.io' ? ['https://index.docker.io/v1/', 'docker.io'] : [])];
  for (const key of keys) {
    const entry = auths[key];
    if (entry?.auth) {
      const raw = Buffer.from(entry.auth, 'base64').toString('utf8');
      const colon = raw.indexOf(':');
      if (colon > 0) return { username: raw.slice(0, colon), password: raw.slice(colon + 1) };
    }
    if (entry?.username && entry.password) return { username: entry.username, password: entry.password };
  }
  return undefined;
}
