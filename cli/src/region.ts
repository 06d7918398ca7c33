// A developer's region usually lives in the AWS profile (~/.aws/config), not in AWS_REGION as on
// a runner. The core resolves the region from the environment, so the CLI puts the
// profile's region there first (the SDK would read the same file).
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The `region` of the profile the SDK would use (AWS_PROFILE, else default), if the config file has one. */
export function profileRegion(env: NodeJS.ProcessEnv): string | undefined {
  let text: string;
  try {
    text = readFileSync(env.AWS_CONFIG_FILE || join(homedir(), '.aws', 'config'), 'utf8');
  } catch {
    return undefined;
  }
  const profile = env.AWS_PROFILE || 'default';
  const wanted = profile === 'default' ? ['default', 'profile default'] : [`profile ${profile}`];
  let inSection = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/[#;].*$/, '').trim();
    const section = /^\[(.+)\]$/.exec(line);
    if (section) inSection = wanted.includes((section[1] as string).trim().replace(/\s+/g, ' '));
    else if (inSection) {
      const m = /^region\s*=\s*(\S+)$/.exec(line);
      if (m) return m[1];
    }
  }
  return undefined;
}

/** The environment with AWS_REGION from the profile when neither AWS_REGION nor AWS_DEFAULT_REGION is set. */
export function withProfileRegion(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (env.AWS_REGION || env.AWS_DEFAULT_REGION) return env;
  const region = profileRegion(env);
  return region ? { ...env, AWS_REGION: region } : env;
}
