import fc from 'fast-check';
import {
  ValidationError,
  distributionTarget,
  formatReference,
  parseReference,
  pinnedReference,
  validateDigest,
  validateRepository,
  validateTag,
} from '../src/index.js';

const D = `sha256:${'a'.repeat(64)}`;

describe('parseReference', () => {
  test.each([
    ['nginx', { repository: 'nginx' }],
    ['nginx:1.27', { repository: 'nginx', tag: '1.27' }],
    ['library/nginx:latest', { repository: 'library/nginx', tag: 'latest' }],
    ['localhost/app', { registry: 'localhost', repository: 'app' }],
    ['localhost:5000/app:v1', { registry: 'localhost:5000', repository: 'app', tag: 'v1' }],
    ['host:5000/repo:tag', { registry: 'host:5000', repository: 'repo', tag: 'tag' }],
    ['host:5000/repo', { registry: 'host:5000', repository: 'repo' }],
    ['127.0.0.1:5000/team/app:api-abc1234', { registry: '127.0.0.1:5000', repository: 'team/app', tag: 'api-abc1234' }],
    ['[::1]:5000/app:v1', { registry: '[::1]:5000', repository: 'app', tag: 'v1' }],
    ['ghcr.io/owner/app:sha-1', { registry: 'ghcr.io', repository: 'owner/app', tag: 'sha-1' }],
    ['Registry/app', { registry: 'Registry', repository: 'app' }],
    [`app@${D}`, { repository: 'app', digest: D }],
    [`app:v1@${D}`, { repository: 'app', tag: 'v1', digest: D }],
    [
      `123456789012.dkr.ecr.us-east-1.amazonaws.com/app-lambda-light:api-abc@${D}`,
      { registry: '123456789012.dkr.ecr.us-east-1.amazonaws.com', repository: 'app-lambda-light', tag: 'api-abc', digest: D },
    ],
    ['public.ecr.aws/alias/lambda-heavy:thumb-abc', { registry: 'public.ecr.aws', repository: 'alias/lambda-heavy', tag: 'thumb-abc' }],
    ['a__b/c--d.e_f:T_1.x-y', { repository: 'a__b/c--d.e_f', tag: 'T_1.x-y' }],
  ])('%s', (s, expected) => {
    expect(parseReference('image', s)).toEqual(expected);
    expect(formatReference(parseReference('image', s))).toBe(s);
  });

  test.each([
    [''],
    [' app'],
    ['App'],
    ['app:'],
    ['app:-x'],
    [`app:${'x'.repeat(129)}`],
    ['app@sha256:abc'],
    [`app@sha256:${'A'.repeat(64)}`],
    ['host:port/app'],
    ['a//b'],
    ['a/'],
    ['-a'],
    ['a..b'],
    ['app:tag:more'],
    [`${'a'.repeat(256)}`],
  ])('%j is rejected with a ValidationError naming the input', (s) => {
    expect(() => parseReference('image', s)).toThrow(ValidationError);
    expect(() => parseReference('image', s)).toThrow(/^Input "image": /);
  });
});

test('validators name the input and the accepted form', () => {
  expect(() => validateTag('tag', '.x')).toThrow('Input "tag": ".x" is not a valid tag');
  expect(validateTag('tag', 'A_b.1-2')).toBe('A_b.1-2');
  expect(() => validateDigest('digest', 'sha256:12')).toThrow(/sha256:<64 lower-case hex>/);
  expect(() => validateRepository('repository', 'a', true)).toThrow(/2-256 characters/);
  expect(validateRepository('repository', 'a', false)).toBe('a');
  expect(() => validateRepository('repository', 'Team/App')).toThrow(/lower-case/);
});

test('distributionTarget maps Docker Hub names', () => {
  expect(distributionTarget(parseReference('i', 'nginx:1'))).toEqual({ host: 'registry-1.docker.io', name: 'library/nginx' });
  expect(distributionTarget(parseReference('i', 'docker.io/user/app'))).toEqual({ host: 'registry-1.docker.io', name: 'user/app' });
  expect(distributionTarget(parseReference('i', 'localhost:5000/app'))).toEqual({ host: 'localhost:5000', name: 'app' });
});

test('pinnedReference drops the tag and keeps the digest', () => {
  expect(pinnedReference(parseReference('i', 'h.io/app:v1'), D)).toBe(`h.io/app@${D}`);
});

describe('properties', () => {
  const lower = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split(''));
  const alnum = fc.string({ unit: lower, minLength: 1, maxLength: 8 });
  const sep = fc.constantFrom('.', '_', '__', '-', '--');
  const component = fc.tuple(alnum, fc.array(fc.tuple(sep, alnum), { maxLength: 2 })).map(([a, rest]) => a + rest.map(([s, b]) => s + b).join(''));
  const path = fc.array(component, { minLength: 1, maxLength: 3 }).map((cs) => cs.join('/'));
  const host = fc.oneof(
    fc.constant('localhost'),
    fc.constant('localhost:5000'),
    fc.constant('127.0.0.1:5000'),
    fc.constant('ghcr.io'),
    fc.constant('123456789012.dkr.ecr.us-east-1.amazonaws.com'),
    fc.tuple(alnum, alnum, fc.integer({ min: 1, max: 65535 })).map(([a, b, p]) => `${a}.${b}:${p}`),
  );
  const tagChar = fc.constantFrom(...'abcXYZ019_.-'.split(''));
  const tag = fc.tuple(fc.constantFrom('a', 'Z', '0', '_'), fc.string({ unit: tagChar, maxLength: 20 })).map(([a, b]) => a + b);
  const digest = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'.split('')), minLength: 64, maxLength: 64 }).map((h) => `sha256:${h}`);
  const ref = fc
    .tuple(fc.option(host, { nil: undefined }), path, fc.option(tag, { nil: undefined }), fc.option(digest, { nil: undefined }))
    .filter(([h, p]) => h !== undefined || !/^(?:localhost|[^/]*[.:][^/]*)\//.test(p))
    .map(([h, p, t, d]) => `${h ? `${h}/` : ''}${p}${t ? `:${t}` : ''}${d ? `@${d}` : ''}`);

  test('format(parse(x)) == x for valid references', () => {
    fc.assert(
      fc.property(ref, (s) => formatReference(parseReference('image', s)) === s),
      { numRuns: 500 },
    );
  });

  test('parse throws nothing but ValidationError on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        try {
          parseReference('image', s);
        } catch (e) {
          return e instanceof ValidationError;
        }
        return true;
      }),
      { numRuns: 1000 },
    );
  });
});
