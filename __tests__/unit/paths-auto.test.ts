// `paths: auto` over a real git history (git itself, no testbed): the five-Lambda example (no
// paths listed: paths: auto) tags the same builds as its former hand-listed paths, commit after
// commit; a commit that adds `COPY pkg/ pkg/` to one Dockerfile rebuilds exactly that Dockerfile's images.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BatchedGit, GitCli } from '@ensure-image/adapters';
import { MemoryLog } from '@ensure-image/adapters/fakes';
import { type ManifestImage, parseManifest } from '@ensure-image/core';
import { imageTagInputs, resolveTag } from '@ensure-image/steps';
import { parse } from 'yaml';
import { GitFixture } from '../integration/git-fixture.js';

const EXAMPLE = join(process.cwd(), 'examples/five-lambdas');

/** The paths the example listed by hand before paths: auto. */
const HAND: Record<string, string[]> = {
  api: ['Dockerfile.light', 'cmd/api', 'internal'],
  enhance: ['Dockerfile.light', 'cmd/enhance', 'internal'],
  thumb: ['Dockerfile.heavy', 'cmd/thumb', 'internal', 'tools'],
  select: ['Dockerfile.heavy', 'cmd/select', 'internal', 'tools'],
  video: ['Dockerfile.heavy', 'cmd/video', 'internal', 'tools'],
};

function manifests(dir: string): { hand: ManifestImage[]; auto: ManifestImage[] } {
  const doc = parse(readFileSync(join(dir, 'images.yml'), 'utf8')) as { images: Record<string, unknown>[] };
  const auto = parseManifest(doc, { file: 'images.yml' });
  const hand = parseManifest({ images: doc.images.map((img) => ({ ...img, paths: HAND[img.name as string] })) }, { file: 'images.yml' });
  return { hand, auto };
}

async function tags(ws: string, images: readonly ManifestImage[], log = new MemoryLog()): Promise<Record<string, string>> {
  const git = new BatchedGit(new GitCli());
  const out = await Promise.all(images.map((spec) => resolveTag(imageTagInputs(spec, { source: 'tree', length: 12, workspace: ws }), { git, log })));
  return Object.fromEntries(images.map((spec, n) => [spec.name, (out[n] as { tag: string }).tag]));
}

const changed = (a: Record<string, string>, b: Record<string, string>): string[] => Object.keys(a).filter((k) => a[k] !== b[k]);

test('five-lambdas: auto plans the same builds as the hand-listed paths over a history; a new COPY pkg/ rebuilds only its images', async () => {
  const ws = new GitFixture();
  cpSync(EXAMPLE, ws.dir, { recursive: true });
  ws.commit('five lambdas');
  const { hand, auto } = manifests(ws.dir);
  expect(auto.every((i) => i.paths.length === 0)).toBe(true);

  const history: [string, Record<string, string>][] = [
    ['thumb handler', { 'cmd/thumb/handler.txt': 'thumb 2\n' }],
    ['docs only', { 'docs/NOTES.md': 'notes\n', 'examples-readme.md': 'x\n' }],
    ['shared code', { 'internal/shared.txt': 'shared 2\n' }],
    ['ffmpeg tools', { 'tools/ffmpeg.txt': 'ffmpeg 2\n' }],
    ['light Dockerfile comment', { 'Dockerfile.light': `${readFileSync(join(EXAMPLE, 'Dockerfile.light'), 'utf8')}# comment\n` }],
    ['api and video', { 'cmd/api/handler.txt': 'api 2\n', 'cmd/video/handler.txt': 'video 2\n' }],
    ['a new unrelated directory', { 'pkg/p.txt': 'p\n' }],
    ['the workflow', { '.github/workflows/images.yml': 'on: push\n' }],
  ];
  const expected = [['thumb'], [], ['api', 'enhance', 'thumb', 'select', 'video'], ['thumb', 'select', 'video'], ['api', 'enhance'], ['api', 'video'], [], []];
  let before = { hand: await tags(ws.dir, hand), auto: await tags(ws.dir, auto) };
  expect(new Set(Object.values(before.auto)).size).toBe(5);
  for (const [n, [message, files]] of history.entries()) {
    ws.write(files).commit(message);
    const after = { hand: await tags(ws.dir, hand), auto: await tags(ws.dir, auto) };
    expect([message, changed(before.auto, after.auto)]).toEqual([message, changed(before.hand, after.hand)]);
    expect([message, changed(before.auto, after.auto)]).toEqual([message, expected[n]]);
    before = after;
  }

  // Someone adds COPY pkg/ to the heavy Dockerfile and changes pkg/: auto rebuilds the three heavy
  // images; the hand-listed paths miss it, and plan says so.
  const heavy = readFileSync(join(ws.dir, 'Dockerfile.heavy'), 'utf8').replace('COPY internal/', 'COPY pkg/ /var/task/pkg/\nCOPY internal/');
  writeFileSync(join(ws.dir, 'Dockerfile.heavy'), heavy);
  ws.commit('heavy reads pkg');
  const withPkg = { hand: await tags(ws.dir, hand), auto: await tags(ws.dir, auto) };
  ws.write({ 'pkg/p.txt': 'p 2\n' }).commit('pkg changes');
  const log = new MemoryLog();
  const git = new BatchedGit(new GitCli());
  await Promise.all(
    hand.map((spec) => resolveTag({ ...imageTagInputs(spec, { source: 'tree', length: 12, workspace: ws.dir }), checkPaths: true }, { git, log })),
  );
  const after = { hand: await tags(ws.dir, hand), auto: await tags(ws.dir, auto) };
  expect(changed(withPkg.auto, after.auto)).toEqual(['thumb', 'select', 'video']);
  expect(changed(withPkg.hand, after.hand)).toEqual([]);
  expect(log.warnings).toEqual(
    ['thumb', 'select', 'video'].map(
      (name) =>
        `image "${name}": Dockerfile.heavy line 6 (COPY pkg/ /var/task/pkg/) reads "pkg", which its paths (Dockerfile.heavy, cmd/${name}, internal, tools) do not cover: a change there will not rebuild it. Add the path, or use paths: auto.`,
    ),
  );
});

test('GitCli lists committed files with their blob ids and reads committed text only', async () => {
  const ws = new GitFixture().write({ 'a/b.txt': 'b\n', 'a/c d.txt': 'c\n', 'top.txt': 't\n' });
  const sha = ws.commit('one');
  ws.write({ 'a/uncommitted.txt': 'u\n', 'top.txt': 'changed\n' });
  const git = new GitCli();
  expect(await git.listFiles(ws.dir, sha, 'a')).toEqual([
    { path: 'a/b.txt', id: ws.git('rev-parse', 'HEAD:a/b.txt') },
    { path: 'a/c d.txt', id: ws.git('rev-parse', 'HEAD:a/c d.txt') },
  ]);
  expect((await git.listFiles(ws.dir, sha, '.')).map((f) => f.path)).toEqual(['a/b.txt', 'a/c d.txt', 'top.txt']);
  expect(await git.readFile(ws.dir, sha, 'top.txt')).toBe('t\n');
  expect(await git.readFile(ws.dir, sha, 'missing.txt')).toBeUndefined();
});
