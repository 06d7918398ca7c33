// Images from bake and compose files through the one manifest loader: the cdk-siblings example's
// images.yml, compose.yaml and docker-bake.hcl give the same images; a compose file read directly
// gives what `docker buildx bake --print` resolves from it (with the real buildx plugin from
// ../shared/tools, linked into a DOCKER_CONFIG as the buildx tests do; skipped, and said so, without it).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bakePrint } from '@ensure-image/adapters';
import { type ManifestImage, ValidationError, bakeManifest, composeManifest, sourcedImages } from '@ensure-image/core';
import { loadManifest } from '@ensure-image/steps';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';

const ROOT = new URL('../..', import.meta.url).pathname;
const PLUGIN = process.env.BUILDX_PLUGIN || join(ROOT, '../shared/tools/docker-buildx');
const HAVE = existsSync(PLUGIN);
if (!HAVE) console.warn(`bake tests with the real buildx skipped: no docker-buildx plugin at ${PLUGIN} (set BUILDX_PLUGIN)`);
const withBuildx = HAVE ? test : test.skip;

function buildxConfig(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bake-cfg-'));
  mkdirSync(join(dir, 'cli-plugins'));
  symlinkSync(PLUGIN, join(dir, 'cli-plugins', 'docker-buildx'));
  return dir;
}

const ENV = { AWS_REGION: 'us-east-1', ECR_ARTIFACTS_REPO: 'tak-dev-artifacts', ECR_ETL_TASKS_REPO: 'tak-dev-etl' };
const siblings = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'siblings-'));
  cpSync(join(ROOT, 'examples/cdk-siblings'), dir, { recursive: true });
  return dir;
};
const load = (workspace: string, file: string, env: Record<string, string> = {}) => loadManifest({ file, workspace, env: { ...ENV, ...env }, length: 7 });
const shape = (images: ManifestImage[]) => images.map((i) => ({ ...i }));

test('cdk-siblings: compose.yaml (read directly) gives the images of images.yml', async () => {
  const ws = siblings();
  expect(shape(await load(ws, 'compose.yaml'))).toEqual(shape(await load(ws, 'images.yml')));
});

withBuildx('cdk-siblings: docker-bake.hcl (through bake --print) gives the images of images.yml', async () => {
  const ws = siblings();
  expect(shape(await load(ws, 'docker-bake.hcl', { DOCKER_CONFIG: buildxConfig() }))).toEqual(shape(await load(ws, 'images.yml')));
  // The targets input selects as bake does.
  expect(
    (
      await loadManifest({ file: 'docker-bake.hcl', workspace: ws, env: { ...ENV, DOCKER_CONFIG: buildxConfig() }, length: 7, targets: ['events', 'data'] })
    ).map((i) => i.name),
  ).toEqual(['events', 'data']);
});

withBuildx('a compose file read directly agrees with bake --print reading it', async () => {
  const ws = mkdtempSync(join(tmpdir(), 'compose-'));
  for (const d of ['api', 'events', 'web']) mkdirSync(join(ws, d));
  const compose = [
    'services:',
    '  api:',
    '    build: { context: api, dockerfile: Dockerfile.prod, target: final, args: { CMD_TARGET: api, LEVEL: "2" } }',
    '    image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:dev',
    '  events:',
    '    build: events',
    '    image: ghcr.io/acme/events:1',
    '  web:',
    // (no build.platforms here: buildx 0.10.5, the one in ../shared/tools, predates it and drops it)
    '    build: { context: web, dockerfile: ../web/Dockerfile }',
    '    image: ${REPO}',
    '  db:',
    '    image: postgres:16',
    '',
  ].join('\n');
  writeFileSync(join(ws, 'compose.yaml'), compose);
  const env = { REPO: 'registry.example.com:5000/team/web' };
  const direct = sourcedImages(composeManifest(parse(compose), 'compose.yaml', env), { file: 'compose.yaml', env, length: 7 });
  const printed = await bakePrint({ cwd: ws, files: ['compose.yaml'], targets: [], env: { ...env, DOCKER_CONFIG: buildxConfig() } });
  const viaBake = sourcedImages(bakeManifest(printed, 'compose.yaml'), { file: 'compose.yaml', env, length: 7 });
  const byName = (a: ManifestImage, b: ManifestImage) => a.name.localeCompare(b.name);
  expect([...viaBake].sort(byName)).toEqual([...direct].sort(byName));
  expect(direct.map((i) => i.name)).toEqual(['api', 'events', 'web']);
  rmSync(ws, { recursive: true, force: true });
});

test("manifest: auto takes images.yml first, then docker's order (compose before bake)", async () => {
  const ws = siblings();
  expect((await load(ws, 'auto')).map((i) => i.name)).toEqual(['cloudtak', 'events', 'pmtiles', 'data']);
  rmSync(join(ws, 'images.yml'));
  expect((await load(ws, 'auto')).map((i) => i.context)).toEqual(['api', 'events', 'pmtiles', 'data']);
  rmSync(join(ws, 'compose.yaml'));
  const empty = mkdtempSync(join(tmpdir(), 'none-'));
  await expect(load(empty, 'auto')).rejects.toThrow(
    /Input "manifest": auto found none of images\.yml, images\.yaml, compose\.yaml, compose\.yml, docker-compose\.yml, docker-compose\.yaml, docker-bake\.json, docker-bake\.hcl/,
  );
});

test('a bake file without buildx is an error naming manifest and what to install', async () => {
  const ws = siblings();
  const noPlugin = mkdtempSync(join(tmpdir(), 'no-buildx-'));
  const r = load(ws, 'docker-bake.hcl', { DOCKER_CONFIG: noPlugin });
  await expect(r).rejects.toThrow(ValidationError);
  await expect(load(ws, 'docker-bake.hcl', { DOCKER_CONFIG: noPlugin })).rejects.toThrow(
    /^Input "manifest": "docker-bake\.hcl" is a bake file, read with docker buildx bake --print, and buildx is not installed .*docker\/setup-buildx-action/,
  );
});

test('compose entries are checked like images.yml entries: a context that is no directory names the service', async () => {
  const ws = siblings();
  writeFileSync(join(ws, 'compose.yaml'), readFileSync(join(ws, 'compose.yaml'), 'utf8').replace('build: pmtiles', 'build: tiles'));
  await expect(load(ws, 'compose.yaml')).rejects.toThrow(/compose\.yaml: images\[2\]\.context: "tiles" is not a directory/);
});

test('the committed CLI bundle tags the siblings the same from images.yml, compose.yaml, docker-bake.hcl and auto (source tree: paths: auto)', () => {
  const ws = siblings();
  const git = (...a: string[]) =>
    spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...a], { cwd: ws, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'siblings');
  const env = { PATH: process.env.PATH as string, HOME: process.env.HOME as string, ...ENV, ...(HAVE ? { DOCKER_CONFIG: buildxConfig() } : {}) };
  const tag = (manifest: string) =>
    spawnSync(process.execPath, [join(ROOT, 'cli/dist/index.js'), 'tag', '--manifest', manifest, '--source', 'tree'], { cwd: ws, env, encoding: 'utf8' });
  const first = tag('images.yml');
  expect([first.status, first.stderr]).toEqual([0, '']);
  expect(first.stdout).toMatch(/^cloudtak=cloudtak-[0-9a-f]{7}\nevents=events-[0-9a-f]{7}\npmtiles=pmtiles-[0-9a-f]{7}\ndata=data-[0-9a-f]{7}\n$/);
  for (const m of ['compose.yaml', 'auto', ...(HAVE ? ['docker-bake.hcl'] : [])]) expect([m, tag(m).stdout]).toEqual([m, first.stdout]);
});
