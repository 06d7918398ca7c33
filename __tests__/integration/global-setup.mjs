// Start the testbed (idempotent) and load its environment into the test process, whose
// child processes (the action bundles) inherit it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export default function setup() {
  const root = new URL('../..', import.meta.url).pathname;
  const dir = process.env.TESTBED_DIR || '/tmp/ensure-image-testbed';
  execFileSync('bash', [`${root}/testbed/up.sh`], { stdio: 'inherit', env: { ...process.env, TESTBED_DIR: dir } });
  for (const line of readFileSync(`${dir}/env`, 'utf8').split('\n')) {
    const m = /^export ([A-Z0-9_]+)=(.*)$/.exec(line);
    if (m) process.env[m[1]] = m[2];
  }
}
