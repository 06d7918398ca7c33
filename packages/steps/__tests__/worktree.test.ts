import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeEcr, FakeGit, FakeRegistry, MemoryLog } from '@ensure-image/adapters/fakes';
import { ValidationError, parseManifest } from '@ensure-image/core';
import { judgeWorktree, loadManifest, planImages, worktreeChanges } from '../src/index.js';

const SHA = 'abc1234'.padEnd(40, '0');
const env = { AWS_REGION: 'us-east-1' };
const images = parseManifest(
  {
    images: [
      { name: 'api', repository: 'app', paths: ['cmd/api'], aliases: ['latest'] },
      { name: 'media', repository: 'app', paths: ['cmd/media'] },
    ],
  },
  { file: 'images.yml', env },
);

describe('worktreeChanges', () => {
  test('each image gets the changes under its own paths', async () => {
    const git = new FakeGit({ HEAD: SHA }, [
      { path: 'cmd/api/a.go', deleted: false },
      { path: 'README.md', deleted: false },
    ]);
    expect(await worktreeChanges('/ws', [['cmd/api'], ['cmd/media'], ['.']], git)).toEqual([
      [{ path: 'cmd/api/a.go', deleted: false }],
      [],
      [
        { path: 'README.md', deleted: false },
        { path: 'cmd/api/a.go', deleted: false },
      ],
    ]);
  });
  test('a git that cannot tell (or no checkout) reports none', async () => {
    const failing = new FakeGit({ HEAD: SHA });
    failing.changes = async () => {
      throw new Error('not a git repository');
    };
    expect(await worktreeChanges('/ws', [['.']], failing)).toEqual([[]]);
    expect(await worktreeChanges('/ws', [['.']], { revParse: async () => [] })).toEqual([[]]);
  });
});

describe("judgeWorktree (the actions' dirty input)", () => {
  const dirty = [
    { name: 'api', tag: 'api-abc1234', files: ['cmd/api/a.go'] },
    { name: 'media', tag: 'media-abc1234', files: [] },
  ];
  test('warn names the image, its tag and files', () => {
    const log = new MemoryLog();
    judgeWorktree('warn', dirty, log);
    expect(log.warnings).toEqual([expect.stringContaining('api (api-abc1234): cmd/api/a.go')]);
    expect(log.warnings[0]).not.toContain('media');
  });
  test('fail throws a ValidationError naming the input; ignore and a clean workspace say nothing', () => {
    expect(() => judgeWorktree('fail', dirty, new MemoryLog())).toThrow(ValidationError);
    expect(() => judgeWorktree('fail', dirty, new MemoryLog())).toThrow(/^Input "dirty": is fail/);
    const log = new MemoryLog();
    judgeWorktree('ignore', dirty, log);
    judgeWorktree('fail', [{ name: 'api', tag: 't', files: [] }], log);
    expect(log.warnings).toEqual([]);
  });
});

describe('planImages with dirty: tag (the CLI)', () => {
  test('only the changed image gets a -dirty- tag, without aliases, and is checked under it', async () => {
    const ecr = new FakeEcr();
    ecr.put('us-east-1', '123456789012', 'app', 'api-abc1234', 'sha256:1');
    ecr.put('us-east-1', '123456789012', 'app', 'media-abc1234', 'sha256:2');
    const git = new FakeGit(
      { HEAD: SHA },
      [
        { path: 'cmd/api/a.go', deleted: false },
        { path: 'cmd/api/gone.go', deleted: true },
      ],
      { 'cmd/api/a.go': 'b1' },
    );
    const deps = { git, log: new MemoryLog(), ecr: async () => ecr, registry: new FakeRegistry() };
    const planned = await planImages({ images, source: 'commit', length: 7, workspace: '/ws' }, deps, env, { dirty: 'tag' });
    const [api, media] = planned;
    expect(api?.tag.tag).toMatch(/^api-abc1234-dirty-[0-9a-f]{8}$/);
    expect(api?.tag.tags).toEqual([api?.tag.tag]);
    expect(api?.exists).toBe(false);
    expect(api?.changes).toEqual(['cmd/api/a.go', 'cmd/api/gone.go']);
    expect(media).toMatchObject({ exists: true, changes: [], tag: { tag: 'media-abc1234' } });

    // Another edit of the same file is another tag.
    git.blobs['cmd/api/a.go'] = 'b2';
    const again = await planImages({ images, source: 'commit', length: 7, workspace: '/ws' }, deps, env, { dirty: 'tag' });
    expect(again[0]?.tag.tag).not.toBe(api?.tag.tag);
  });

  test('without dirty, the working tree is not read (the plan action with dirty: ignore)', async () => {
    const git = new FakeGit({ HEAD: SHA }, [{ path: 'cmd/api/a.go', deleted: false }]);
    let asked = 0;
    git.changes = async () => {
      asked++;
      return [];
    };
    await planImages(
      { images, source: 'commit', length: 7, workspace: '/ws' },
      { git, log: new MemoryLog(), ecr: async () => new FakeEcr(), registry: new FakeRegistry() },
      env,
      { dirty: 'ignore', missingRepository: 'absent' },
    );
    expect(asked).toBe(0);
  });
});

describe('loadManifest', () => {
  const ws = (files: Record<string, string>): string => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
    for (const [p, text] of Object.entries(files)) {
      mkdirSync(join(dir, p, '..'), { recursive: true });
      writeFileSync(join(dir, p), text);
    }
    return dir;
  };
  const load = (dir: string) => loadManifest({ file: 'images.yml', workspace: dir, env, length: 7 });
  test('a readable manifest whose contexts and Dockerfiles exist', async () => {
    const dir = ws({ 'images.yml': 'images:\n  - {name: api, repository: app, context: svc}\n', 'svc/Dockerfile': 'FROM scratch\n' });
    expect((await load(dir)).map((i) => i.name)).toEqual(['api']);
  });
  test.each([
    [
      { 'images.yml': 'images:\n  - {name: api, repository: app, context: svc}\n', 'svc/x': '' },
      /^images\.yml: images\[0\]\.file: "svc\/Dockerfile" \(the default/,
    ],
    [{ 'images.yml': 'images:\n  - {name: api, repository: app, file: D.x}\n' }, /^images\.yml: images\[0\]\.file: "D\.x" does not exist/],
    [{ 'images.yml': 'images:\n  - {name: api, repository: app, context: nope}\n' }, /^images\.yml: images\[0\]\.context: "nope" is not a directory/],
    [{ 'images.yml': 'images: [\n' }, /^images\.yml: not valid YAML at line 2, column 1/],
    [{}, /^Input "manifest": "images\.yml" cannot be read/],
  ])('%j fails with a message naming file and field', async (files, message) => {
    await expect(load(ws(files))).rejects.toThrow(message);
  });
});
