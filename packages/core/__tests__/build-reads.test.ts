import fc from 'fast-check';
import { buildReadsId, dockerfileInputs, dockerignoreCandidates, dockerignoreFilter, filesRead, missedSources } from '../src/dockerfile.js';

const id = (c: string) => c.repeat(40).slice(0, 40);
const files = (...paths: string[]) => paths.map((path, n) => ({ path, id: id(String(n % 10)) }));
const inputs = (text: string, buildArgs: Record<string, string> = {}) =>
  dockerfileInputs(text, { buildArgs: Object.entries(buildArgs).map(([key, value]) => ({ key, value })) });

describe('.dockerignore, docker rules', () => {
  test.each([
    ['*.md', 'README.md', false],
    ['*.md', 'docs/a.md', true], // * does not cross /
    ['**/*.md', 'docs/a.md', false],
    ['node_modules', 'node_modules/x/y.js', false], // a directory excludes what is under it
    ['*.md\n!README.md', 'README.md', true], // a later negation brings a file back
    ['!README.md\n*.md', 'README.md', false], // the last matching line wins
    ['# comment\n\n  tmp  ', 'tmp/x', false],
    ['/build', 'build/out', false], // a leading / is the context root
    ['Build', 'build/out', true], // case-sensitive, as on Linux
    ['', 'anything', true],
  ])('%j leaves %s sent: %s', (text, path, sent) => {
    expect(dockerignoreFilter(text)(path)).toBe(sent);
  });
  test('<Dockerfile>.dockerignore first, then the context root', () => {
    expect(dockerignoreCandidates('svc', 'svc/Dockerfile.light')).toEqual(['svc/Dockerfile.light.dockerignore', 'svc/.dockerignore']);
    expect(dockerignoreCandidates('.', 'Dockerfile')).toEqual(['Dockerfile.dockerignore', '.dockerignore']);
  });
});

describe('filesRead', () => {
  const tree = files(
    'Dockerfile',
    'go.mod',
    'cmd/api/main.go',
    'cmd/api/README.md',
    'cmd/video/main.go',
    'internal/a.go',
    'internal/a_test.go',
    'pkg/p.go',
    'docs/x.md',
    'svc/Dockerfile',
    'svc/app.txt',
  );
  test('directories, wildcards and files, in the context, less .dockerignore', () => {
    const i = inputs('FROM scratch\nARG CMD_TARGET=api\nCOPY go.mod cmd/${CMD_TARGET} internal/*.go /src/\n');
    expect(filesRead(i, { context: '.', files: tree }).map((f) => f.path)).toEqual([
      'cmd/api/README.md',
      'cmd/api/main.go',
      'go.mod',
      'internal/a.go',
      'internal/a_test.go',
    ]);
    expect(filesRead(i, { context: '.', files: tree, dockerignore: '**/*.md\n**/*_test.go' }).map((f) => f.path)).toEqual([
      'cmd/api/main.go',
      'go.mod',
      'internal/a.go',
    ]);
  });
  test('a context below the workspace: sources are relative to it, files outside it never count', () => {
    const i = inputs('FROM scratch\nCOPY . /\n');
    expect(filesRead(i, { context: 'svc', files: tree }).map((f) => f.path)).toEqual(['svc/Dockerfile', 'svc/app.txt']);
  });
});

describe('buildReadsId', () => {
  const dockerfile = { path: 'Dockerfile.light', id: id('d') };
  const read = files('cmd/api/main.go', 'internal/a.go');
  const base = { dockerfile, files: read, buildArgs: [{ key: 'CMD_TARGET', value: 'api' }] };
  test('covers files, build args and target; not their order', () => {
    const one = buildReadsId(base);
    expect(one).toMatch(/^[0-9a-f]{40}$/);
    expect(buildReadsId({ ...base, files: [...read].reverse() })).toBe(one);
    expect(buildReadsId({ ...base, buildArgs: [{ key: 'CMD_TARGET', value: 'video' }] })).not.toBe(one);
    expect(buildReadsId({ ...base, buildArgs: [] })).not.toBe(one);
    expect(buildReadsId({ ...base, target: 'debug' })).not.toBe(one);
    expect(buildReadsId({ ...base, dockerfile: { ...dockerfile, id: id('e') } })).not.toBe(one);
    expect(buildReadsId({ ...base, files: [read[0] as { path: string; id: string }] })).not.toBe(one);
    expect(buildReadsId({ ...base, files: [{ path: 'cmd/api/main.go', id: id('f') }, read[1] as { path: string; id: string }] })).not.toBe(one);
  });

  test('property: renaming or changing a file the build does not read never changes the id', () => {
    const text =
      'FROM scratch\nARG CMD_TARGET=api\nCOPY cmd/${CMD_TARGET} /cmd/\nCOPY internal/ /internal/\nRUN --mount=type=bind,source=go.sum,target=/x true\n';
    const i = inputs(text);
    const seg = fc.constantFrom('cmd', 'api', 'video', 'internal', 'docs', 'go.sum', 'x', 'a.go', 'README.md', 'pkg');
    const path = fc.array(seg, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));
    const blob = fc.constantFrom(...'0123456789abcdef'.split('')).map(id);
    const tree = fc.uniqueArray(fc.record({ path, id: blob }), { selector: (f) => f.path, maxLength: 25 });
    fc.assert(
      fc.property(tree, path, fc.nat(), fc.constantFrom('', '**/*.md', 'docs\n!docs/keep'), (t, to, pick, ignore) => {
        const l = { context: '.', files: t, dockerignore: ignore };
        const reads = new Set(filesRead(i, l).map((f) => f.path));
        const unrelated = t.filter((f) => !reads.has(f.path));
        fc.pre(unrelated.length > 0 && !t.some((f) => f.path === to || f.path.startsWith(`${to}/`) || to.startsWith(`${f.path}/`)));
        const moved = unrelated[pick % unrelated.length] as { path: string; id: string };
        const renamed = t.map((f) => (f === moved ? { ...f, path: to } : f));
        fc.pre(!filesRead(i, { ...l, files: renamed }).some((f) => f.path === to)); // still unrelated once renamed
        const before = buildReadsId({ dockerfile: { path: 'Dockerfile', id: id('d') }, files: filesRead(i, l), buildArgs: [] });
        const after = buildReadsId({ dockerfile: { path: 'Dockerfile', id: id('d') }, files: filesRead(i, { ...l, files: renamed }), buildArgs: [] });
        const edited = t.map((f) => (f === moved ? { ...f, id: id('9') } : f));
        expect(after).toBe(before);
        expect(buildReadsId({ dockerfile: { path: 'Dockerfile', id: id('d') }, files: filesRead(i, { ...l, files: edited }), buildArgs: [] })).toBe(before);
      }),
      { numRuns: 300 },
    );
  });
});

describe('missedSources', () => {
  const tree = files('Dockerfile.light', 'cmd/api/main.go', 'internal/a.go', 'pkg/p.go');
  const i = inputs('FROM scratch\nARG CMD_TARGET\nCOPY cmd/${CMD_TARGET} /cmd\nCOPY internal/ /internal/\nCOPY pkg/ pkg/\n', { CMD_TARGET: 'api' });
  test('names each source whose files the hand-listed paths do not cover', () => {
    expect(missedSources(i, { context: '.', files: tree }, ['Dockerfile.light', 'cmd/api', 'internal'])).toEqual([
      { source: { source: 'pkg', line: 5, text: 'COPY pkg/ pkg/' }, path: 'pkg' },
    ]);
    expect(missedSources(i, { context: '.', files: tree }, ['.'])).toEqual([]);
    expect(missedSources(i, { context: '.', files: tree, dockerignore: 'pkg' }, ['cmd/api', 'internal'])).toEqual([]);
  });
});
