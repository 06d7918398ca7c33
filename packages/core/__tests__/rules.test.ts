import {
  ValidationError,
  cdkContext,
  decidePrebuilt,
  isFullSha,
  parseCdkImages,
  parseExtraTags,
  validateContextKey,
  validateImageName,
  validatePrefix,
  validateShaInput,
  formatTag,
} from '../src/index.js';

describe('image names form CDK keys a stack reads', () => {
  test.each(['cloudtak', 'media-lambda', 'media_lambda', 'api.v2', 'A1'])('%s is taken', (n) => {
    expect(validateImageName('images', n)).toBe(n);
  });
  test.each(['media mtx', '1api', '-x', '', 'a/b', 'a:b', 'ä'])('%j is refused with the rule', (n) => {
    expect(() => validateImageName('images', n)).toThrow(/Input "images": .* cannot form a CDK context key: an image name starts with a letter/);
  });
});

describe('cdk-context images', () => {
  test('name=tag per line; an empty tag is no tag', () => {
    expect(parseCdkImages('images', 'cloudtak=cloudtak-abc1234\nevents=\n')).toEqual([
      { name: 'cloudtak', tag: 'cloudtak-abc1234' },
      { name: 'events', tag: '' },
    ]);
  });
  test('pairs joined by commas get the hint that they go one per line', () => {
    expect(() => parseCdkImages('images', 'a=t1,b=t2')).toThrow(/pairs go one per line/);
    expect(() => parseCdkImages('images', 'a=t1, b=t2')).toThrow(/pairs go one per line/);
  });
});

describe('use-prebuilt', () => {
  test('auto is true when every image has a tag, else false with the untagged names', () => {
    expect(decidePrebuilt('auto', [{ name: 'a', tag: 't' }])).toEqual({ value: true });
    expect(
      decidePrebuilt('auto', [
        { name: 'a', tag: 't' },
        { name: 'events', tag: '' },
      ]),
    ).toEqual({ value: false, reason: expect.stringMatching(/"events" has no tag/) });
    expect(decidePrebuilt('auto', [])).toEqual({ value: false });
    expect(decidePrebuilt('false', [{ name: 'a', tag: '' }])).toEqual({ value: false });
  });
  test('true with an untagged image is refused, naming it', () => {
    expect(() => decidePrebuilt('true', [{ name: 'a', tag: '' }])).toThrow(/Input "images": use-prebuilt is true but "a" has no tag/);
  });
});

test('context keys and their parts: no =, no spaces, not aws:; empty means none', () => {
  expect(validateContextKey('flag', '')).toBe('');
  expect(validateContextKey('key-suffix', 'ImageTag')).toBe('ImageTag');
  expect(() => validateContextKey('key-suffix', 'Image Tag')).toThrow(/Input "key-suffix"/);
  expect(() => validateContextKey('flag', 'aws:x')).toThrow(/Input "flag": .*reserves/);
});

test('cdkContext errors name the inputs of the action that calls it', () => {
  const o = { flag: '', usePrebuilt: true, keySuffix: 'ImageTag', extra: [] };
  expect(() =>
    cdkContext({
      ...o,
      images: [
        { name: 'media-lambda', tag: 't' },
        { name: 'media_lambda', tag: 't' },
      ],
      inputs: { images: 'manifest' },
    }),
  ).toThrow(/^Input "manifest": context key "mediaLambdaImageTag" is given twice/);
});

describe('prefix', () => {
  test('a trailing - does not double', () => {
    expect(formatTag(validatePrefix('prefix', 'cloudtak-'), 'abc1234')).toBe('cloudtak-abc1234');
    expect(validatePrefix('prefix', 'cloudtak')).toBe('cloudtak');
  });
  test('only one is dropped: a prefix that still ends in - or starts with one is refused', () => {
    expect(() => validatePrefix('prefix', '-x')).toThrow(/Input "prefix": "-x" is not a tag prefix/);
    expect(validatePrefix('prefix', 'a--')).toBe('a--');
  });
});

describe('sha as users type it', () => {
  test.each(['abc1234', 'ABC1', 'a'.repeat(40), 'b'.repeat(64)])('%s is taken (lower-cased)', (s) => {
    expect(validateShaInput('sha', s)).toBe(s.toLowerCase());
  });
  test.each(['abc', 'main', 'v1.0', 'g123456', 'a'.repeat(65)])('%s is refused', (s) => {
    expect(() => validateShaInput('sha', s)).toThrow(/Input "sha": .* is not a commit SHA \(4 to 64 hex characters/);
  });
  test('whole or abbreviated', () => {
    expect(isFullSha('a'.repeat(40))).toBe(true);
    expect(isFullSha('abc1234')).toBe(false);
  });
});

test('extra tags: bare tags or full references, checked before use', () => {
  expect(parseExtraTags('tags', 'stable, ghcr.io/o/app:v1\napi-latest')).toEqual(['stable', 'ghcr.io/o/app:v1', 'api-latest']);
  expect(() => parseExtraTags('tags', 'a b')).toThrow(ValidationError);
  expect(() => parseExtraTags('tags', 'ghcr.io/O/app:v1')).toThrow(/Input "tags"/);
});
