// The scan gate's inputs on every action that has them, and the root action's gate over fakes.
import { FakeDirCache, FakeDocker, FakeEcr, FakeGit, FakeRegistry, MemoryLog } from '@ensure-image/adapters/fakes';
import { ensureImage as ensure } from '@ensure-image/steps';
import { readInputs } from '../../src/inputs.js';
import { ACTIONS, baseEnv, inputEnv, workspaceDir } from './actions.js';

const SHA = 'abc1234def5678abc1234def5678abc1234def56';
const D = `sha256:${'d'.repeat(64)}`;
const GATED = ACTIONS.filter(([dir]) => ['.', 'actions/build-push', 'actions/plan', 'actions/scan-gate'].includes(dir));

describe.each(GATED)('%s: scan inputs are validated before any call', (dir, load) => {
  const run = async (inputs: Record<string, string>) => {
    const ws = workspaceDir();
    return (await load()).readInputs({ ...baseEnv(dir, ws), ...inputEnv(inputs) });
  };
  test.each([
    [{ 'scan-gate': 'strict' }, /^Input "scan-gate": .*off, warn, fail|^Input "scan-gate"/],
    [{ 'fail-on': 'severe' }, /^Input "fail-on": expected a severity/],
    [{ 'fail-on': 'critical=0,high=x' }, /^Input "fail-on": "high=x" is not severity=count/],
    [{ 'scan-ignore': 'CVE-1 until 31/01/2027' }, /^Input "scan-ignore": line 1: "31\/01\/2027" is not a date/],
    [{ 'scan-timeout': '10' }, /^Input "scan-timeout": expected a duration with a unit/],
  ])('%j is refused naming the input', async (inputs, re) => {
    await expect(run(inputs)).rejects.toThrow(re);
  });
});

test.each([
  ['actions/build-push', { image: 'ghcr.io/o/app:v1', repository: '' }],
  ['.', { registry: 'ghcr.io' }],
  ['actions/scan-gate', { image: 'registry.example:5000/app:v1', repository: '', tag: '' }],
])('%s: scan-gate fail on a registry outside ECR is refused before any call, naming scan-gate', async (dir, inputs) => {
  const load = ACTIONS.find(([d]) => d === dir)?.[1];
  const ws = workspaceDir();
  const read = async () => (await load?.())?.readInputs({ ...baseEnv(dir, ws), ...inputEnv({ ...inputs, 'scan-gate': 'fail' }) });
  await expect(read()).rejects.toThrow(/^Input "scan-gate": fail reads ECR scan findings only/);
  await expect((async () => (await load?.())?.readInputs({ ...baseEnv(dir, ws), ...inputEnv({ ...inputs, 'scan-gate': 'warn' }) }))()).resolves.toBeDefined();
});

function root(inputs: Record<string, string>) {
  const ws = workspaceDir();
  const env = { GITHUB_WORKSPACE: ws, AWS_REGION: 'us-east-1', RUNNER_TEMP: ws, ...inputEnv({ repository: 'cloudtak', ...inputs }) };
  const ecr = new FakeEcr();
  ecr.repos.set('us-east-1/123456789012/cloudtak', new Map([['cloudtak-abc1234', D]]));
  ecr.scans.set(`cloudtak@${D}`, [
    { scanned: true, status: 'COMPLETE', enhanced: false, completedAt: 0, findings: [{ id: 'CVE-2026-1', severity: 'CRITICAL', package: 'openssl' }] },
  ]);
  const log = new MemoryLog();
  const deps = {
    git: new FakeGit({ HEAD: SHA }),
    ecr: async () => ecr,
    docker: new FakeDocker(),
    registry: new FakeRegistry(),
    cache: new FakeDirCache(false),
    log,
    env,
    onLogin: () => {},
  };
  return { i: readInputs(env), deps, ecr, log };
}

test('root: a skipped image with a CRITICAL is gated: fail gives a failure to throw after the outputs; ignored, it passes', async () => {
  const s = root({ 'scan-gate': 'fail' });
  const r = await ensure(s.i, s.deps);
  expect(r.outputs).toMatchObject({ exists: true, built: false, 'scan-status': 'COMPLETE', 'scan-passed': 'false' });
  expect(JSON.parse(r.outputs.findings).CRITICAL).toBe(1);
  expect(r.scan?.failure?.message).toMatch(/CRITICAL 1 \(limit 0\)/);
  expect(r.summary?.rows.map(([k]) => k)).toContain('scan gate (s)');

  const ok = root({ 'scan-gate': 'fail', 'scan-ignore': 'CVE-2026-1 until 2099-01-01' });
  const passed = await ensure(ok.i, ok.deps);
  expect(passed.scan?.failure).toBeUndefined();
  expect(passed.outputs['scan-passed']).toBe('true');
});

test('root: scan-gate off (the default) reads no findings', async () => {
  const s = root({});
  const r = await ensure(s.i, s.deps);
  expect(s.ecr.calls.some((c) => /Scan/.test(c))).toBe(false);
  expect(r.outputs['scan-status']).toBe('off');
  expect(r.summary?.rows.map(([k]) => k)).not.toContain('scan gate (s)');
});

test('actions/scan-gate: an image with no tag or digest is refused naming tag', async () => {
  const load = ACTIONS.find(([d]) => d === 'actions/scan-gate')?.[1];
  const ws = workspaceDir();
  await expect((async () => (await load?.())?.readInputs({ ...baseEnv('actions/scan-gate', ws), ...inputEnv({ tag: '' }) }))()).rejects.toThrow(
    /^Input "tag": required/,
  );
  await expect(
    (async () =>
      (await load?.())?.readInputs({
        GITHUB_WORKSPACE: ws,
        AWS_REGION: 'us-east-1',
        ...inputEnv({ image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/app@sha256:${'a'.repeat(64)}` }),
      }))(),
  ).resolves.toBeDefined();
});
