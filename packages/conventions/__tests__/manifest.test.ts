import { defaultImagePaths, parseManifest } from '../src/index.js';

describe('parseManifest', () => {
  test('the five-lambda manifest, with defaults filled in', () => {
    const images = parseManifest({
      images: [
        { name: 'api', repository: 'app-lambda-light', registry: '123456789012', file: 'Dockerfile.light', 'build-args': { CMD_TARGET: 'api' }, paths: ['Dockerfile.light', 'cmd/api'], aliases: ['latest'] },
        { name: 'thumb', repository: 'alias/lambda-heavy', registry: 'public.ecr.aws', file: './Dockerfile.heavy', 'build-args': { CMD_TARGET: 'thumb', N: 2 }, platforms: 'linux/amd64,linux/arm64' },
      ],
    });
    expect(images[0]).toEqual({
      name: 'api',
      repository: 'app-lambda-light',
      registry: '123456789012',
      prefix: 'api',
      context: '.',
      file: 'Dockerfile.light',
      buildArgs: [{ key: 'CMD_TARGET', value: 'api' }],
      platforms: [],
      paths: ['Dockerfile.light', 'cmd/api'],
      aliases: ['latest'],
    });
    expect(images[1]).toMatchObject({ file: 'Dockerfile.heavy', buildArgs: [{ key: 'CMD_TARGET', value: 'thumb' }, { key: 'N', value: '2' }], platforms: ['linux/amd64', 'linux/arm64'] });
  });

  test.each([
    [null, /top-level "images:" list/],
    [{ images: [] }, /at least one image/],
    [{ images: ['x'] }, /images\[0\] must be a map/],
    [{ images: [{ repository: 'a' }] }, /images\[0\]\.name is required/],
    [{ images: [{ name: 'a' }] }, /images\[0\]\.repository is required/],
    [{ images: [{ name: 'a', repository: 'r' }, { name: 'a', repository: 'r' }] }, /images\[1\]\.name "a" is used twice/],
    [{ images: [{ name: 'a', repository: 'r', dockerfile: 'x' }] }, /unknown keys "dockerfile"/],
    [{ images: [{ name: 'a', repository: 'r', context: '../x' }] }, /inside the workspace/],
    [{ images: [{ name: 'a', repository: 'r', 'build-args': ['A=1'] }] }, /build-args must be a map/],
    [{ images: [{ name: '1a', repository: 'r' }] }, /must start with a letter/],
  ])('%j is refused, naming the input and the place', (doc, message) => {
    expect(() => parseManifest(doc)).toThrow(/^Input "manifest": /);
    expect(() => parseManifest(doc)).toThrow(message);
  });
});

test.each([
  ['.', 'Dockerfile', ['.']],
  ['svc', 'svc/Dockerfile', ['svc']],
  ['lambda', 'Dockerfile.light', ['lambda', 'Dockerfile.light']],
  ['svc', '', ['svc']],
])('defaultImagePaths(%s, %s)', (context, file, paths) => {
  expect(defaultImagePaths(context, file)).toEqual(paths);
});
