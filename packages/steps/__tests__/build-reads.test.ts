import { FakeEcr, FakeGit, FakeRegistry, MemoryLog } from '@ensure-image/adapters/fakes';
import { ValidationError, combineContentIds, parseManifest } from '@ensure-image/core';
import { planImages, resolveTag } from '../src/index.js';

const withFiles = (git: FakeGit, files: Record<string, string>): FakeGit => Object.assign(git, { files });
const sha = 'abc1234def5678abc1234def5678abc1234def56';
const LIGHT =
  'FROM golang AS build\nARG CMD_TARGET\nCOPY go.mod ./\nCOPY cmd/${CMD_TARGET} ./cmd/${CMD_TARGET}\nCOPY internal/ internal/\nFROM scratch\nCOPY --from=build /out /app\n';
const HEAVY =
  'FROM golang AS build\nARG CMD_TARGET\nCOPY cmd/${CMD_TARGET} ./cmd/${CMD_TARGET}\nCOPY internal/ internal/\nFROM scratch\nCOPY --from=build /out /app\n';
const tree = (): Record<string, string> => ({
  'Dockerfile.light': LIGHT,
  'Dockerfile.heavy': HEAVY,
  'go.mod': 'module x\n',
  'cmd/api/main.go': 'api\n',
  'cmd/jobs/main.go': 'jobs\n',
  'cmd/media/main.go': 'media\n',
  'internal/a.go': 'a\n',
  'pkg/p.go': 'p\n',
  'docs/README.md': 'docs\n',
});

const images = (paths?: Record<string, string[]>) =>
  parseManifest({
    images: [
      ['api', 'light'],
      ['jobs', 'light'],
      ['media', 'heavy'],
    ].map(([name, kind]) => ({
      name,
      repository: `app-${kind}`,
      account: '123456789012',
      region: 'us-east-1',
      file: `Dockerfile.${kind}`,
      'build-args': { CMD_TARGET: name },
      ...(paths?.[name as string] ? { paths: paths[name as string] } : {}),
    })),
  });

async function plan(files: Record<string, string>, specs = images(), checkPaths = true) {
  const git = withFiles(new FakeGit({ HEAD: sha }), files);
  const log = new MemoryLog();
  const planned = await planImages(
    { images: specs, source: 'tree', length: 7, workspace: '/ws', manifest: 'images.yml' },
    { git, log, ecr: async () => new FakeEcr(), registry: new FakeRegistry() },
    { AWS_REGION: 'us-east-1' },
    { missingRepository: 'absent', checkPaths },
  );
  return { tags: Object.fromEntries(planned.map((p) => [p.spec.name, p.tag.tag])), planned, log, git };
}

describe('paths: auto (the default for source: tree when an entry lists none)', () => {
  test('each image is tagged by what its Dockerfile reads, with its build args', async () => {
    const one = await plan(tree());
    expect(one.planned[0]?.tag.reads).toEqual({
      dockerfile: 'Dockerfile.light',
      stages: ['build', '#1'],
      sources: [
        { source: 'go.mod', line: 3, text: 'COPY go.mod ./' },
        { source: 'cmd/api', line: 4, text: 'COPY cmd/${CMD_TARGET} ./cmd/${CMD_TARGET}' },
        { source: 'internal', line: 5, text: 'COPY internal/ internal/' },
      ],
      files: ['cmd/api/main.go', 'go.mod', 'internal/a.go'],
    });
    expect(new Set(Object.values(one.tags)).size).toBe(3);
    // One listing of the context for all three images (BatchedGit shares it; the fake records each ask).
    expect(one.git.listed).toEqual([`${sha} .`, `${sha} .`, `${sha} .`]);

    const docs = await plan({ ...tree(), 'docs/README.md': 'more\n', 'cmd/README.md': 'x\n' });
    expect(docs.tags).toEqual(one.tags);
    const jobs = await plan({ ...tree(), 'cmd/jobs/main.go': 'jobs 2\n' });
    expect(jobs.tags).toEqual({ ...one.tags, jobs: expect.not.stringMatching(one.tags.jobs as string) });
    const shared = await plan({ ...tree(), 'internal/a.go': 'a 2\n' });
    for (const name of ['api', 'jobs', 'media']) expect(shared.tags[name]).not.toBe(one.tags[name]);
  });

  test('a commit that adds COPY pkg/ to one Dockerfile and changes pkg/ rebuilds exactly the images of that Dockerfile', async () => {
    const one = await plan(tree());
    const withPkg = await plan({ ...tree(), 'Dockerfile.heavy': HEAVY.replace('COPY internal/', 'COPY pkg/ pkg/\nCOPY internal/'), 'pkg/p.go': 'p 2\n' });
    expect(withPkg.tags.api).toBe(one.tags.api);
    expect(withPkg.tags.jobs).toBe(one.tags.jobs);
    expect(withPkg.tags.media).not.toBe(one.tags.media);
    const pkgAgain = await plan({ ...tree(), 'Dockerfile.heavy': HEAVY.replace('COPY internal/', 'COPY pkg/ pkg/\nCOPY internal/'), 'pkg/p.go': 'p 3\n' });
    expect(pkgAgain.tags.media).not.toBe(withPkg.tags.media);
    expect(pkgAgain.tags.api).toBe(one.tags.api);
  });

  test('.dockerignore (and <Dockerfile>.dockerignore over it) leaves files out of the id', async () => {
    const one = await plan({ ...tree(), '.dockerignore': '**/*.md\n' });
    const md = await plan({ ...tree(), '.dockerignore': '**/*.md\n', 'cmd/api/NOTES.md': 'x\n' });
    expect(md.tags.api).toBe(one.tags.api);
    const own = await plan({ ...tree(), 'Dockerfile.light.dockerignore': 'internal\n', 'internal/a.go': 'a 2\n' });
    const own2 = await plan({ ...tree(), 'Dockerfile.light.dockerignore': 'internal\n' });
    expect(own.tags.api).toBe(own2.tags.api);
    expect(own.tags.media).not.toBe(own2.tags.media);
    expect(own.planned[0]?.tag.reads?.dockerignore).toBe('Dockerfile.light.dockerignore');
  });

  test('an unknowable source reads the whole context, with one notice naming the Dockerfile line', async () => {
    const log = new MemoryLog();
    const git = withFiles(new FakeGit({ HEAD: sha }), { ...tree(), 'svc/Dockerfile': 'FROM scratch\nCOPY . /app\n' });
    const build = { context: 'svc', file: 'svc/Dockerfile', buildArgs: [], name: 'svc' };
    const r = await resolveTag({ prefix: 'svc', source: 'tree', paths: [], length: 7, aliases: [], workspace: '/ws', build, auto: true }, { git, log });
    expect(log.lines).toEqual([
      'svc/Dockerfile line 2 (COPY . /app): COPY . copies the whole context, so image "svc" is tagged by its whole context "svc" (less .dockerignore).',
    ]);
    expect(r.reads?.files).toEqual([]);
    git.files = { ...git.files, 'svc/app.txt': 'x\n', 'docs/x': 'y\n' };
    const r2 = await resolveTag({ prefix: 'svc', source: 'tree', paths: [], length: 7, aliases: [], workspace: '/ws', build, auto: true }, { git, log });
    expect(r2.reads?.files).toEqual(['svc/app.txt']);
    expect(r2.tag).not.toBe(r.tag);
  });

  test('auto with no known Dockerfile, or one not committed, is a clear error', async () => {
    const git = withFiles(new FakeGit({ HEAD: sha }), tree());
    const log = new MemoryLog();
    const base = { prefix: 'x', source: 'tree' as const, paths: [], length: 7, aliases: [], workspace: '/ws', auto: true };
    await expect(resolveTag(base, { git, log })).rejects.toThrow(ValidationError);
    await expect(resolveTag({ ...base, build: { context: '.', file: 'Dockerfile', buildArgs: [] } }, { git, log })).rejects.toThrow(
      /paths: auto reads the committed Dockerfile, and "Dockerfile" is not in commit abc1234/,
    );
  });
});

describe('hand-written paths', () => {
  test('keep their id, and plan warns for a source the Dockerfile reads that they miss', async () => {
    const paths = {
      api: ['Dockerfile.light', 'go.mod', 'cmd/api', 'internal'],
      jobs: ['cmd/jobs', 'internal'],
      media: ['Dockerfile.heavy', 'cmd/media', 'internal'],
    };
    const files = tree();
    const specs = images(paths);
    const r = await plan({ ...files, 'Dockerfile.heavy': HEAVY.replace('COPY internal/', 'COPY pkg/ pkg/\nCOPY internal/') }, specs);
    expect(r.planned[0]?.tag.reads).toBeUndefined();
    expect((await plan(files, specs, false)).log.warnings).toEqual([]);
    expect(r.log.warnings).toEqual([
      'image "jobs": the Dockerfile "Dockerfile.light" itself, which its paths (cmd/jobs, internal) do not cover: a change there will not rebuild it. Add the path, or use paths: auto.',
      'image "jobs": Dockerfile.light line 3 (COPY go.mod ./) reads "go.mod", which its paths (cmd/jobs, internal) do not cover: a change there will not rebuild it. Add the path, or use paths: auto.',
      'image "media": Dockerfile.heavy line 4 (COPY pkg/ pkg/) reads "pkg", which its paths (Dockerfile.heavy, cmd/media, internal) do not cover: a change there will not rebuild it. Add the path, or use paths: auto.',
    ]);
  });

  test('the id of hand-written paths is what it was: the git ids of the paths', async () => {
    const objects = { HEAD: sha, 'HEAD:./cmd/api': '1'.repeat(40), 'HEAD:./internal': '2'.repeat(40) };
    const git = withFiles(new FakeGit(objects), tree());
    const r = await resolveTag(
      {
        prefix: 'api',
        source: 'tree',
        paths: ['cmd/api', 'internal'],
        length: 7,
        aliases: [],
        workspace: '/ws',
        build: { context: '.', file: 'Dockerfile.light', buildArgs: [{ key: 'CMD_TARGET', value: 'api' }] },
        auto: false,
      },
      { git, log: new MemoryLog() },
    );
    expect(r.id).toBe(
      combineContentIds([
        { path: 'cmd/api', id: '1'.repeat(40) },
        { path: 'internal', id: '2'.repeat(40) },
      ]).slice(0, 7),
    );
  });
});

describe('errors of paths: auto in a manifest', () => {
  test('a target the Dockerfile does not have names the entry and the stages', async () => {
    const specs = parseManifest({
      images: [{ name: 'api', repository: 'app', account: '123456789012', region: 'us-east-1', file: 'Dockerfile.light', target: 'debug' }],
    });
    await expect(plan(tree(), specs)).rejects.toThrow('images.yml: images[0].target: "debug" is not a stage of the Dockerfile (stages: build)');
  });
});
