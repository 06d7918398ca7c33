// Timestamps around the phases of one ECR login's AWS part, in a fresh Node process each time:
// importing @aws-sdk/client-ecr, constructing the client (default credential chain, env
// credentials here), the first GetAuthorizationToken (credential resolution, endpoint rules,
// signing, one loopback round trip), and a second one (the round trip alone). The SDK comes
// from the workspace's node_modules, unbundled. Usage: node bench/sdk-phases.mjs [rounds]
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { NODE24, ROOT, median, ownStandin, testbedEnv } from './lib.mjs';

const ROUNDS = Number(process.argv[2] || 9);
const port = Number(process.env.BENCH_STANDIN_PORT || 4582);
const own = await ownStandin(port);
const child = `
const t = [performance.now()];
const { createRequire } = await import('node:module');
const require = createRequire(${JSON.stringify(join(ROOT, 'packages/adapters/package.json'))});
const { ECRClient, GetAuthorizationTokenCommand } = await import(require.resolve('@aws-sdk/client-ecr'));
t.push(performance.now());
const c = new ECRClient({ region: 'us-east-1' });
t.push(performance.now());
await c.send(new GetAuthorizationTokenCommand({}));
t.push(performance.now());
await c.send(new GetAuthorizationTokenCommand({}));
t.push(performance.now());
console.log(JSON.stringify({ boot: t[0], phases: t.slice(1).map((x, i) => x - t[i]) }));`;
const env = { PATH: process.env.PATH, HOME: process.env.HOME, ...testbedEnv, AWS_ENDPOINT_URL_ECR: `http://127.0.0.1:${port}` };
const rows = [];
for (let i = 0; i < ROUNDS; i++) rows.push(JSON.parse(execFileSync(NODE24, ['--input-type=module', '-e', child], { env, encoding: 'utf8' })));
await own.stop();
const names = ['import @aws-sdk/client-ecr', 'new ECRClient', 'first GetAuthorizationToken', 'second GetAuthorizationToken'];
console.log(`Node ${execFileSync(NODE24, ['--version']).toString().trim()}, ${ROUNDS} fresh processes, medians (ms):`);
console.log(`  process start to first line of the script: ${median(rows.map((r) => r.boot)).toFixed(1)}`);
names.forEach((n, i) => console.log(`  ${n}: ${median(rows.map((r) => r.phases[i])).toFixed(1)}`));
