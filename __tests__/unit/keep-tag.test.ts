// keep-tag: a compose service (`x-ensure-image: { keep-tag: true }`) or a bake target
// (`ensure-image.keep-tag` label) keeps its own first tag instead of `<prefix>-<id>`; plan checks
// and skips by that tag and says so. The bake case runs the real buildx from ../shared/tools
// (skipped, and said so, without it), as sources.test.ts does.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeEcr, FakeGit, FakeRegistry, MemoryLog } from '@ensure-image/adapters/fakes';
import { bakeManifest, composeManifest, sourcedImages } from '@ensure-image/core';
import { loadManifest, planImages } from '@ensure-image/steps';
import { parse } from 'yaml';

const ROOT = new URL('../..', import.meta.url).pathname;
const PLUGIN = process.env.BUILDX_PLUGIN || join(ROOT, '../shared/tools/docker-buildx');
const HAVE = existsSync(PLUGIN);
if (!HAVE) console.warn(`keep-tag bake test with the real buildx skipped: no docker-buildx plugin at ${PLUGIN} (set BUILDX_PLUGIN)`);
const withBuildx = HAVE ? test : test.skip;
const ENV = { AWS_REGION: 'us-east-1' };
const compose = (svc: string) => composeManifest(parse(`services:\n  api:\n${svc}`), 'compose.yaml');
const images = (svc: string) => sourcedImages(compose(svc), { file: 'compose.yaml', env: ENV, length: 7 });

test('compose: keep-tag true keeps the image: tag as written; false or absent leaves <prefix>-<id> to plan', () => {
  expect(images('    build: .\n    image: ghcr.io/acme/api:v1.2\n    x-ensure-image: { keep-tag: true }\n')[0]).toMatchObject({
    name: 'api',
    registry: 'ghcr.io',
    repository: 'acme/api',
    fixedTag: 'v1.2',
  });
  expect(images('    build: { context: ., tags: ["acme/api:2024.1"] }\n    x-ensure-image: { keep-tag: "true" }\n')[0]?.fixedTag).toBe('2024.1');
  expect(images('    build: .\n    image: ghcr.io/acme/api:v1.2\n    x-ensure-image: { keep-tag: false, prefix: app }\n')[0]).not.toHaveProperty('fixedTag');
  expect(images('    build: .\n    image: ghcr.io/acme/api:v1.2\n')[0]).not.toHaveProperty('fixedTag');
});

test('compose: keep-tag without a tag to keep, or not a boolean, names the field', () => {
  expect(() => images('    build: .\n    image: ghcr.io/acme/api\n    x-ensure-image: { keep-tag: true }\n')).toThrow(
    'compose.yaml: services.api.image: "ghcr.io/acme/api" has no tag to keep (keep-tag): write <repository>:<tag>',
  );
  expect(() => images('    build: .\n    x-ensure-image: { keep-tag: true, repository: api }\n')).toThrow(
    /compose\.yaml: services\.api\.x-ensure-image\.keep-tag: keeps the entry's own tag, and it has none/,
  );
  expect(() => images('    build: .\n    image: acme/api:1\n    x-ensure-image: { keep-tag: yes please }\n')).toThrow(
    'compose.yaml: services.api.x-ensure-image.keep-tag: "yes please" is not true or false',
  );
});

test('bake (--print JSON): the ensure-image.keep-tag label keeps the first tag', () => {
  const json = {
    group: { default: { targets: ['api', 'web'] } },
    target: {
      api: { context: '.', tags: ['123456789012.dkr.ecr.us-east-1.amazonaws.com/app:release-7', 'x/y:z'], labels: { 'ensure-image.keep-tag': 'true' } },
      web: { context: '.', tags: ['ghcr.io/acme/web:1'], labels: { 'ensure-image.keep-tag': 'false' } },
    },
  };
  const [api, web] = sourcedImages(bakeManifest(json, 'docker-bake.hcl'), { file: 'docker-bake.hcl', env: ENV, length: 7 });
  expect(api).toMatchObject({ name: 'api', repository: 'app', registry: '123456789012.dkr.ecr.us-east-1.amazonaws.com', fixedTag: 'release-7' });
  expect(web).not.toHaveProperty('fixedTag');
});

withBuildx('bake (real buildx): a keep-tag label in docker-bake.hcl reaches the image', async () => {
  const ws = mkdtempSync(join(tmpdir(), 'keep-bake-'));
  const cfg = mkdtempSync(join(tmpdir(), 'bake-cfg-'));
  mkdirSync(join(cfg, 'cli-plugins'));
  symlinkSync(PLUGIN, join(cfg, 'cli-plugins', 'docker-buildx'));
  writeFileSync(join(ws, 'Dockerfile'), 'FROM scratch\n');
  writeFileSync(
    join(ws, 'docker-bake.hcl'),
    'target "api" {\n  tags = ["ghcr.io/acme/api:v3"]\n  labels = { "ensure-image.keep-tag" = "true" }\n}\ntarget "web" {\n  tags = ["ghcr.io/acme/web:v3"]\n}\ngroup "default" { targets = ["api", "web"] }\n',
  );
  const got = await loadManifest({ file: 'docker-bake.hcl', workspace: ws, env: { ...ENV, DOCKER_CONFIG: cfg }, length: 7 });
  expect(got.map((i) => [i.name, i.fixedTag])).toEqual([
    ['api', 'v3'],
    ['web', undefined],
  ]);
  rmSync(ws, { recursive: true, force: true });
  rmSync(cfg, { recursive: true, force: true });
});

test('plan checks a keep-tag image by its own tag (present: skipped) and says so naming it; the others by <prefix>-<id>', async () => {
  const git = Object.assign(new FakeGit({ HEAD: 'a'.repeat(40) }), { files: { Dockerfile: 'FROM scratch\nCOPY app.txt /\n', 'app.txt': 'x\n' } });
  const specs = sourcedImages(
    composeManifest(
      parse(
        'services:\n  api:\n    build: .\n    image: reg.example.com/acme/api:v1\n    x-ensure-image: { keep-tag: true, aliases: [latest] }\n  web:\n    build: .\n    image: reg.example.com/acme/web:v1\n',
      ),
      'compose.yaml',
    ),
    { file: 'compose.yaml', env: ENV, length: 7 },
  );
  const registry = new FakeRegistry();
  registry.manifests.set('reg.example.com/acme/api:v1', {
    digest: `sha256:${'1'.repeat(64)}`,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
  });
  registry.manifests.set('reg.example.com/acme/web:v1', {
    digest: `sha256:${'2'.repeat(64)}`,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
  });
  const log = new MemoryLog();
  const planned = await planImages(
    { images: specs, source: 'tree', length: 7, workspace: '/ws' },
    { git, log, ecr: async () => new FakeEcr(), registry },
    {},
    { retag: false },
  );
  expect(planned.map((p) => [p.image, p.exists])).toEqual([
    ['reg.example.com/acme/api:v1', true],
    [expect.stringMatching(/^reg\.example\.com\/acme\/web:web-[0-9a-f]{7}$/), false],
  ]);
  expect(planned[0]?.tag.tags).toEqual(['v1', 'api-latest']);
  expect(log.lines.join('\n')).toMatch(
    /api: keep-tag: checked and skipped by its own tag acme\/api:v1 as written, not by what the build reads \(api-[0-9a-f]{7}\); change that tag to rebuild/,
  );
  expect(log.lines.join('\n')).not.toMatch(/web: keep-tag/);
});

test('the committed CLI bundle: tag prints the kept tag for a keep-tag service (and, with --verbose, the notice)', () => {
  const ws = mkdtempSync(join(tmpdir(), 'keep-cli-'));
  writeFileSync(join(ws, 'Dockerfile'), 'FROM scratch\n');
  writeFileSync(
    join(ws, 'compose.yaml'),
    'services:\n  api:\n    build: .\n    image: ghcr.io/acme/api:v9\n    x-ensure-image: { keep-tag: true }\n  web:\n    build: .\n    image: ghcr.io/acme/web\n',
  );
  const git = (...a: string[]) =>
    spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...a], { cwd: ws, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'x');
  const tag = (...flags: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'cli/dist/index.js'), 'tag', '--manifest', 'compose.yaml', ...flags], {
      cwd: ws,
      env: { PATH: process.env.PATH as string, HOME: process.env.HOME as string, ...ENV },
      encoding: 'utf8',
    });
  const r = tag();
  expect([r.status, r.stdout]).toEqual([0, expect.stringMatching(/^api=v9\nweb=web-[0-9a-f]{7}\n$/)]);
  // The CLI's log prints info and notices with --verbose only.
  expect(tag('--verbose').stderr).toMatch(/api: keep-tag: checked and skipped by its own tag acme\/api:v9 as written/);
  rmSync(ws, { recursive: true, force: true });
});
