import fc from 'fast-check';
import { ManifestError, changesUnder, dirtyTag, dockerfilePath, listFiles, parseManifest, yamlErrorDetail } from '../src/index.js';
import { parse } from 'yaml';

const ch = (path: string, deleted = false) => ({ path, deleted });

test.each([
  [['.'], ['a', 'b/c'], ['a', 'b/c']],
  [['cmd/api'], ['cmd/api/x', 'cmd/api2/y', 'cmd/apix', 'cmd/api'], ['cmd/api', 'cmd/api/x']],
  [
    ['Dockerfile.light', 'internal'],
    ['Dockerfile.light.bak', 'Dockerfile.light', 'internal/z/q'],
    ['Dockerfile.light', 'internal/z/q'],
  ],
  [['svc'], [], []],
])('changesUnder(%j) of %j', (paths, files, expected) => {
  expect(
    changesUnder(
      paths,
      files.map((f) => ch(f)),
    ).map((c) => c.path),
  ).toEqual(expected);
});

test.each([
  [['a'], 'a'],
  [['a', 'b', 'c', 'd', 'e'], 'a, b, c, d, e'],
  [['a', 'b', 'c', 'd', 'e', 'f', 'g'], 'a, b, c, d, e and 2 more'],
])('listFiles(%j)', (files, text) => expect(listFiles(files)).toBe(text));

describe('dirtyTag', () => {
  test('names the commit id and a hash of the changes: same changes, same tag; order does not matter', () => {
    const a = dirtyTag('api', 'abc1234', [{ path: 'x', blob: '1' }, { path: 'y' }]);
    expect(a).toMatch(/^api-abc1234-dirty-[0-9a-f]{8}$/);
    expect(dirtyTag('api', 'abc1234', [{ path: 'y' }, { path: 'x', blob: '1' }])).toBe(a);
  });
  test('any other content, path or deletion gives another tag', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.stringMatching(/^[0-9a-f]{1,40}$/),
        fc.stringMatching(/^[0-9a-f]{1,40}$/),
        (path: string, b1: string, b2: string) => {
          fc.pre(b1 !== b2);
          const t1 = dirtyTag('p', 'abc1234', [{ path, blob: b1 }]);
          expect(dirtyTag('p', 'abc1234', [{ path, blob: b2 }])).not.toBe(t1);
          expect(dirtyTag('p', 'abc1234', [{ path }])).not.toBe(t1);
        },
      ),
    );
  });
  test('a dirty tag never equals a commit tag of the same prefix', () => {
    expect(dirtyTag('api', 'abc1234', [{ path: 'x' }]).startsWith('api-abc1234-dirty-')).toBe(true);
  });
});

test('dockerfilePath: file, else <context>/Dockerfile', () => {
  expect(dockerfilePath('.', '')).toBe('Dockerfile');
  expect(dockerfilePath('svc', '')).toBe('svc/Dockerfile');
  expect(dockerfilePath('svc', 'Dockerfile.light')).toBe('Dockerfile.light');
});

describe('yamlErrorDetail', () => {
  const detail = (text: string): string => {
    try {
      parse(text);
    } catch (e) {
      return yamlErrorDetail(e, text);
    }
    throw new Error('parsed');
  };
  test('reason with line and column, the offending line and the one before, a caret under the column', () => {
    expect(detail('images:\n  - name: api\n    repository: app: x\n').split('\n')).toEqual([
      'not valid YAML at line 3, column 17: Nested mappings are not allowed in compact mappings',
      '2 |   - name: api',
      '3 |     repository: app: x',
      `  | ${' '.repeat(16)}^`,
    ]);
  });
  test('an error on the first line shows only that line; no sentence ends on a colon', () => {
    const d = detail('\tx: 1\n');
    expect(d.split('\n')[0]).toMatch(/^not valid YAML at line 1, column 1: .*[^:]$/);
    expect(d.split('\n')).toHaveLength(3);
  });
  test('an error without a position is the reason alone', () => {
    expect(yamlErrorDetail(new Error('boom'), '')).toBe('not valid YAML: boom');
  });
});

test('parseManifest is unchanged by the loader: a ManifestError still names the field', () => {
  expect(() => parseManifest({ images: [{ name: 'a' }] }, { file: 'images.yml' })).toThrow(ManifestError);
});
