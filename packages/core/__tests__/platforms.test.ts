import fc from 'fast-check';
import {
  MATRIX_LIMIT,
  OCI_INDEX,
  ValidationError,
  checkMatrixSize,
  digestOutput,
  imageIndex,
  indexEntries,
  missingPlatforms,
  parseKeyValues,
  parsePlatformDigests,
  platformTag,
  runnerFor,
  validateRunnerMapping,
} from '../src/index.js';

const D = (c: string): string => `sha256:${c.repeat(64)}`;
const RUNNERS = parseKeyValues('runner', 'default=ubuntu-24.04\nlinux/arm64=ubuntu-24.04-arm\nlinux/arm=arm32-runner\nlinux=linux-any');

describe('runner for a platform: the most specific prefix wins', () => {
  test.each([
    ['linux/arm64', 'ubuntu-24.04-arm'],
    ['linux/arm64/v8', 'ubuntu-24.04-arm'],
    ['linux/arm/v7', 'arm32-runner'],
    ['linux/amd64', 'linux-any'],
    ['windows/amd64', 'ubuntu-24.04'],
  ])('%s -> %s', (platform, runner) => expect(runnerFor(platform, RUNNERS)).toBe(runner));

  test('a prefix matches at a / boundary only, and no mapping at all gives the fallback', () => {
    expect(runnerFor('linux/arm64', parseKeyValues('runner', 'linux/arm=x\ndefault=d'))).toBe('d');
    expect(runnerFor('linux/amd64', [])).toBe('ubuntu-latest');
  });

  test('keys are default or platform prefixes', () => {
    expect(() => validateRunnerMapping('runner', parseKeyValues('runner', 'arm 64=x'))).toThrow(ValidationError);
    expect(validateRunnerMapping('runner', RUNNERS)).toHaveLength(4);
  });
});

describe('what a tag lacks', () => {
  test.each([
    [['linux/amd64', 'linux/arm64'], undefined, ['linux/amd64', 'linux/arm64']],
    [['linux/amd64', 'linux/arm64'], [], ['linux/amd64', 'linux/arm64']],
    [['linux/amd64', 'linux/arm64'], ['linux/amd64'], ['linux/arm64']],
    [['linux/amd64', 'linux/arm64'], ['linux/arm64/v8', 'linux/amd64'], []],
    [['linux/amd64', 'linux/arm/v7'], ['linux/amd64', 'linux/arm/v6'], ['linux/arm/v7']],
  ])('asked %j, held %j -> %j', (asked, held, missing) => expect(missingPlatforms(asked, held)).toEqual(missing));
});

describe('the merged index', () => {
  test('round trip: the entries written are the entries read, attestations left out', () => {
    const platform = fc.constantFrom('linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/s390x', 'windows/amd64');
    const entry = fc.record({
      platform,
      digest: fc.stringMatching(/^[a-f0-9]{64}$/).map((h) => `sha256:${h}`),
      size: fc.nat(),
      mediaType: fc.constant('application/vnd.oci.image.manifest.v1+json'),
    });
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.platform, maxLength: 5 }), (entries) => {
        const text = imageIndex(entries);
        expect(JSON.parse(text).mediaType).toBe(OCI_INDEX);
        expect(indexEntries(text)).toEqual(entries);
      }),
    );
  });

  test('attestation manifests and unknown/unknown entries are not platforms', () => {
    const text = JSON.stringify({
      manifests: [
        { mediaType: 'm', digest: D('a'), size: 1, platform: { os: 'linux', architecture: 'amd64' } },
        {
          mediaType: 'm',
          digest: D('b'),
          size: 1,
          platform: { os: 'unknown', architecture: 'unknown' },
          annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
        },
      ],
    });
    expect(indexEntries(text).map((e) => e.platform)).toEqual(['linux/amd64']);
  });

  test('a later entry for the same platform replaces the earlier one', () => {
    const e = (digest: string) => ({ platform: 'linux/arm64', digest, size: 1, mediaType: 'm' });
    expect(indexEntries(imageIndex([e(D('a')), e(D('b'))])).map((x) => x.digest)).toEqual([D('b')]);
  });
});

test('platform tags stay within 128 characters and keep the platform readable', () => {
  expect(platformTag('api-abc1234', 'linux/arm/v7')).toBe('api-abc1234-linux-arm-v7');
  expect(platformTag('x'.repeat(128), 'linux/arm64')).toHaveLength(128);
  expect(platformTag('x'.repeat(128), 'linux/arm64').endsWith('-linux-arm64')).toBe(true);
});

test('push by digest: an image output with no name tag', () => {
  expect(digestOutput('ghcr.io/o/app')).toBe('type=image,name=ghcr.io/o/app,push-by-digest=true,name-canonical=true,push=true');
});

describe('digests from platform jobs', () => {
  test('lines and JSON objects', () => {
    const m = parsePlatformDigests('digests', `linux/amd64=${D('a')}\n{"linux/arm64":"${D('b')}"}\n`, parseKeyValues);
    expect([...m]).toEqual([
      ['linux/amd64', D('a')],
      ['linux/arm64', D('b')],
    ]);
  });
  test.each([['linux/amd64=abc'], ['amd64=' + D('a')], ['{nope']])('%s is refused, naming the input', (v) => {
    expect(() => parsePlatformDigests('digests', v, parseKeyValues)).toThrow(expect.objectContaining({ input: 'digests' }));
  });
});

test('the matrix limit: 256 jobs pass, 257 fail naming the count and the limit', () => {
  expect(() => checkMatrixSize(MATRIX_LIMIT)).not.toThrow();
  expect(() => checkMatrixSize(257)).toThrow(/257 jobs .* limit of 256/);
});
