// An image's life over real runs: first run, rerun, rollback (aliases follow), an immutable
// repository that will not move an alias, another run pushing the same tag meanwhile, and a
// repository created on first use. Real engine, real registries, the committed bundles.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitFixture } from './git-fixture.js';
import { NODES, runStep } from './runner.js';
import { actionEnv, dockerConfig, dockerSpy, registryDigest, request, standin, tb, unique } from './testbed.js';

const NODE24 = NODES[1]?.[1] as string;

function app(content: string): GitFixture {
  return new GitFixture().write({ Dockerfile: 'FROM scratch\nCOPY app.txt /app.txt\n', 'app.txt': `${content}\n` });
}

beforeEach(() => standin.reset());

test('root action: a rollback (rerun of an older commit) moves <prefix>-latest back, without a build', async () => {
  const prefix = unique('api');
  const ws = app(`one ${prefix}`);
  const one = ws.commit('one');
  const inputs = { repository: 'app-lambda-light', prefix, aliases: 'latest' };
  const cfg = dockerConfig();
  const run = (spy = dockerSpy()) => ({
    ...runStep('.', { node: NODE24, cwd: ws.dir, env: actionEnv(cfg, { PATH: spy.path }), inputs }),
    docker: spy.commands(),
  });

  const first = run();
  expect(first.errors).toEqual([]);
  ws.write({ 'app.txt': `two ${prefix}\n` }).commit('two');
  const second = run();
  expect(second.outputs.built).toBe('true');
  const latest = () => registryDigest(tb.ecrHost, 'app-lambda-light', `${prefix}-latest`, tb.ecrAuth);
  expect(await latest()).toBe(second.outputs.digest);

  // Roll back: the older commit again. Its image exists: no build, and -latest follows it.
  ws.checkout(one);
  await standin.reset();
  const rollback = run();
  expect(rollback.errors).toEqual([]);
  expect(rollback.outputs).toMatchObject({ tag: `${prefix}-${one.slice(0, 7)}`, built: 'false', exists: 'true', digest: first.outputs.digest });
  expect(rollback.docker.filter((c) => /^(build|push|buildx build) /.test(c))).toEqual([]);
  expect(await latest()).toBe(first.outputs.digest);
  expect(await standin.calls()).toMatchObject({ 'ecr.BatchGetImage': 1, 'ecr.PutImage': 1 });
  expect(rollback.stdout).toContain(`Re-pointed ${tb.ecrHost}/app-lambda-light:${prefix}-latest`);

  // Once more: nothing to move, no PutImage.
  await standin.reset();
  run();
  expect((await standin.calls())['ecr.PutImage']).toBeUndefined();
});

test('build-push on a plain registry: a skip re-points the alias through the distribution API', async () => {
  const repo = `team/${unique('alias')}`;
  const ws = app(repo);
  ws.commit('one');
  const env = actionEnv(dockerConfig({ [tb.ociHost]: tb.ociAuth }));
  const step = (tag: string) =>
    runStep('actions/build-push', { node: NODE24, cwd: ws.dir, env, inputs: { image: `${tb.ociHost}/${repo}:${tag}`, tags: 'latest' } });
  const v1 = step('v1');
  ws.write({ 'app.txt': 'second\n' });
  const v2 = step('v2');
  expect(v2.outputs.digest).not.toBe(v1.outputs.digest);
  expect(await registryDigest(tb.ociHost, repo, 'latest', tb.ociAuth)).toBe(v2.outputs.digest);
  const back = step('v1');
  expect(back.errors).toEqual([]);
  expect(back.outputs).toMatchObject({ built: 'false', digest: v1.outputs.digest });
  expect(await registryDigest(tb.ociHost, repo, 'latest', tb.ociAuth)).toBe(v1.outputs.digest);
});

test('an immutable repository that cannot move the alias fails, naming the alias and the exclusion filters', async () => {
  const repo = unique('frozen');
  const ws = app(repo);
  ws.commit('one');
  const env = actionEnv(dockerConfig({ [tb.immutableHost]: tb.ociAuth, [tb.ociHost]: tb.ociAuth }));
  const step = (tag: string) =>
    runStep('actions/build-push', { node: NODE24, cwd: ws.dir, env, inputs: { image: `${tb.immutableHost}/${repo}:${tag}`, tags: 'latest' } });
  expect(step('v1').errors).toEqual([]);
  // A second image cannot take `latest`: the registry refuses to move it.
  ws.write({ 'app.txt': 'second\n' });
  const v2 = step('v2');
  expect(v2.code).toBe(1);
  expect(v2.errors.join('\n')).toMatch(new RegExp(`${repo}:latest names sha256:[0-9a-f]{64} and .*immutable.*exclusion filters`));
  // Rerunning v1 finds everything in place: green.
  const again = step('v1');
  expect(again.errors).toEqual([]);
  expect(again.outputs.built).toBe('false');
});

test('an immutable ECR repository refuses to move an alias on a rollback: a clear error', async () => {
  const repo = unique('immutable');
  await createRepository(repo, { imageTagMutability: 'IMMUTABLE' });
  const prefix = 'api';
  const ws = app(repo);
  const one = ws.commit('one');
  const cfg = dockerConfig();
  const inputs = { repository: repo, prefix, aliases: 'latest' };
  const run = () => runStep('.', { node: NODE24, cwd: ws.dir, env: actionEnv(cfg), inputs });
  expect(run().errors).toEqual([]);
  ws.write({ 'app.txt': 'two\n' }).commit('two');
  // docker pushes straight to the testbed registry, which does not enforce ECR's setting; the
  // stand-in's PutImage does.
  expect(run().errors).toEqual([]);
  ws.checkout(one);
  const rollback = run();
  expect(rollback.code).toBe(1);
  expect(rollback.errors.join('\n')).toMatch(new RegExp(`${repo}:api-latest names sha256:[0-9a-f]{64} and .*immutable.*exclusion filters`));
});

test('another run pushes the same tag meanwhile (MUTABLE): the step reports the digest the registry holds', async () => {
  const repo = `team/${unique('race')}`;
  const ref = `${tb.ociHost}/${repo}:v1`;
  // The other run's image, pushed to the same tag right after this run's push (a docker shim).
  const other = mkdtempSync(join(tmpdir(), 'other-'));
  writeFileSync(join(other, 'Dockerfile'), 'FROM scratch\nCOPY o.txt /o.txt\n');
  writeFileSync(join(other, 'o.txt'), `${unique('other')}\n`);
  const cfg = dockerConfig({ [tb.ociHost]: tb.ociAuth });
  execFileSync('docker', ['build', '-q', '-t', `${ref}-other`, other], { env: { ...process.env, DOCKER_BUILDKIT: '0', DOCKER_CONFIG: cfg } });
  const shim = mkdtempSync(join(tmpdir(), 'compete-'));
  const real = execFileSync('sh', ['-c', 'command -v docker'], { encoding: 'utf8' }).trim();
  writeFileSync(
    join(shim, 'docker'),
    `#!/bin/sh\n'${real}' "$@"; rc=$?\nif [ "$1" = push ] && [ "$2" = '${ref}' ]; then '${real}' tag '${ref}-other' '${ref}' && '${real}' push '${ref}' >/dev/null; fi\nexit $rc\n`,
    { mode: 0o755 },
  );
  const ws = app(repo);
  ws.commit('one');
  const r = runStep('actions/build-push', { node: NODE24, cwd: ws.dir, env: actionEnv(cfg, { PATH: `${shim}:${process.env.PATH}` }), inputs: { image: ref } });
  expect(r.errors).toEqual([]);
  const held = await registryDigest(tb.ociHost, repo, 'v1', tb.ociAuth);
  expect(r.outputs.digest).toBe(held);
  expect(r.outputs['image-digest']).toBe(`${tb.ociHost}/${repo}@${held}`);
  expect(r.warnings.join('\n')).toMatch(/another run pushed the same tag meanwhile/);
});

/** An ECR API call to the stand-in, as the SDK makes it (it reads only the signer's region and key). */
async function ecrCall(op: string, body: Record<string, unknown>): Promise<unknown> {
  const r = await request(tb.standin, {
    method: 'POST',
    headers: {
      'X-Amz-Target': `AmazonEC2ContainerRegistry_V20150921.${op}`,
      'Content-Type': 'application/x-amz-json-1.1',
      Authorization: 'AWS4-HMAC-SHA256 Credential=AKIDTESTBED/20261202/us-east-1/ecr/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: JSON.stringify(body),
  });
  if (r.status !== 200) throw new Error(`${op}: HTTP ${r.status} ${r.body.toString()}`);
  return JSON.parse(r.body.toString());
}

async function createRepository(name: string, extra: Record<string, unknown>): Promise<void> {
  await ecrCall('CreateRepository', { repositoryName: name, ...extra });
}

test('create-repository: a missing repository is created with the asked settings, then the image is pushed', async () => {
  const repo = unique('created');
  const ws = app(repo);
  const sha = ws.commit('one');
  const inputs = {
    repository: repo,
    prefix: 'api',
    aliases: 'latest',
    'create-repository': 'true',
    'tag-mutability': 'IMMUTABLE_WITH_EXCLUSION',
    'scan-on-push': 'false',
    'kms-key': 'alias/ecr-images',
    'lifecycle-keep': '5',
  };
  const missing = runStep('.', { node: NODE24, cwd: ws.dir, env: actionEnv(dockerConfig()), inputs: { repository: repo, prefix: 'api' } });
  expect(missing.code).toBe(1);
  expect(missing.errors.join('\n')).toMatch(/does not exist.*create-repository: true.*missing-repository: absent/);

  const r = runStep('.', { node: NODE24, cwd: ws.dir, env: actionEnv(dockerConfig()), inputs });
  expect(r.errors).toEqual([]);
  expect(r.outputs.built).toBe('true');
  expect(r.outputs.digest).toBe(await registryDigest(tb.ecrHost, repo, `api-${sha.slice(0, 7)}`, tb.ecrAuth));
  const made = JSON.parse((await request(`${tb.standin}/__repositories`)).body.toString())[repo];
  expect(made).toMatchObject({
    repositoryName: repo,
    imageScanningConfiguration: { scanOnPush: false },
    encryptionConfiguration: { encryptionType: 'KMS', kmsKey: 'alias/ecr-images' },
    imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
    imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: '*-latest' }],
  });
  const policy = JSON.parse(made.lifecyclePolicyText);
  expect(policy.rules.map((x: { selection: unknown }) => x.selection)).toEqual([
    { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 1 },
    { tagStatus: 'tagged', tagPrefixList: ['api-'], countType: 'imageCountMoreThan', countNumber: 5 },
  ]);
});

test('two runs creating the same repository at once both succeed', async () => {
  const repo = unique('together');
  const ws = app(repo);
  ws.commit('one');
  const { runStepAsync } = await import('./runner.js');
  const both = await Promise.all(
    ['a', 'b'].map((p) =>
      runStepAsync('.', { node: NODE24, cwd: ws.dir, env: actionEnv(dockerConfig()), inputs: { repository: repo, prefix: p, 'create-repository': 'true' } }),
    ),
  );
  for (const r of both) {
    expect(r.errors).toEqual([]);
    expect(r.outputs.built).toBe('true');
  }
});

test('the stand-in records repositories created with settings', async () => {
  const name = unique('rec');
  await createRepository(name, { imageTagMutability: 'MUTABLE' });
  const seen = JSON.parse((await request(`${tb.standin}/__repositories`)).body.toString()) as Record<string, { imageTagMutability: string }>;
  expect(seen[name]?.imageTagMutability).toBe('MUTABLE');
});
