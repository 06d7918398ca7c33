import { ManifestError, ValidationError, defaultImagePaths, expandVars, parseManifest } from '../src/index.js';

const ENV = { AWS_REGION: 'us-east-1' };

describe('parseManifest', () => {
  test('the five-lambda manifest, with defaults filled in', () => {
    const images = parseManifest(
      {
        images: [
          {
            name: 'api',
            repository: 'app-lambda-light',
            registry: '123456789012',
            file: 'Dockerfile.light',
            'build-args': { CMD_TARGET: 'api' },
            paths: ['Dockerfile.light', 'cmd/api'],
            aliases: ['latest'],
          },
          {
            name: 'thumb',
            repository: 'alias/lambda-heavy',
            registry: 'public.ecr.aws',
            file: './Dockerfile.heavy',
            'build-args': { CMD_TARGET: 'thumb', N: 2 },
            platforms: 'linux/amd64,linux/arm64',
          },
        ],
      },
      { file: 'images.yml', env: ENV },
    );
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
    expect(images[1]).toMatchObject({
      file: 'Dockerfile.heavy',
      buildArgs: [
        { key: 'CMD_TARGET', value: 'thumb' },
        { key: 'N', value: '2' },
      ],
      platforms: ['linux/amd64', 'linux/arm64'],
    });
  });

  test.each([
    [null, /^images\.yml: expected a top-level "images:" list/],
    [{ images: [] }, /at least one image/],
    [{ images: ['x'] }, /^images\.yml: images\[0\]: must be a map/],
    [{ images: [{ repository: 'a' }] }, /^images\.yml: images\[0\]\.name: required/],
    [{ images: [{ name: 'a' }] }, /^images\.yml: images\[0\]\.repository: required/],
    [
      {
        images: [
          { name: 'a', repository: 'rr' },
          { name: 'a', repository: 'rr' },
        ],
      },
      /images\[1\]\.name: "a" is used twice \(also images\[0\]\)/,
    ],
    [
      {
        images: [
          { name: 'media-lambda', repository: 'rr' },
          { name: 'media_lambda', repository: 'rr' },
        ],
      },
      /images\[1\]\.name: "media_lambda" gives the same CDK key as images\[0\]/,
    ],
    [{ images: [{ name: 'a', repository: 'r', dockerfile: 'x' }] }, /images\[0\]: has unknown keys "dockerfile"/],
    [{ images: [{ name: 'a', repository: 'rr', context: '../x' }] }, /images\[0\]\.context: "\.\.\/x" must be a path inside the workspace/],
    [{ images: [{ name: 'a', repository: 'rr', 'build-args': ['A=1'] }] }, /images\[0\]\.build-args: must be a map/],
    [{ images: [{ name: '1a', repository: 'r' }] }, /images\[0\]\.name: "1a" cannot form a CDK context key: an image name starts with a letter/],
    [{ images: [{ name: 'media mtx', repository: 'r' }] }, /images\[0\]\.name: "media mtx" cannot form a CDK context key/],
    [{ images: [{ name: 'a', repository: 'Bad Name' }] }, /images\[0\]\.repository: "Bad Name" is not a valid repository name/],
    [{ images: [{ name: 'a', repository: 'r' }] }, /images\[0\]\.repository: "r" is not a valid repository name \(2-256 characters/],
    [{ images: [{ name: 'a', repository: 'app', registry: 'not a host' }] }, /images\[0\]\.registry: "not a host" is not a registry host/],
    [{ images: [{ name: 'a', repository: 'app', account: '1234' }] }, /images\[0\]\.account: "1234" is not an AWS account id/],
    [{ images: [{ name: 'a', repository: 'app', region: 'mars-1' }] }, /images\[0\]\.region: "mars-1" is not an AWS region/],
    [{ images: [{ name: 'a', repository: 'app', prefix: '-x' }] }, /images\[0\]\.prefix: "-x" is not a tag prefix/],
    [{ images: [{ name: 'a', repository: 'app', aliases: ['a b'] }] }, /images\[0\]\.aliases: "a-a b" is not a valid tag/],
    [{ images: [{ name: 'a', repository: 'app', paths: ['ok', '/abs'] }] }, /images\[0\]\.paths\[1\]: "\/abs" must be a path inside the workspace/],
    [{ images: [{ name: 'a', repository: 'app', platforms: 'linux' }] }, /images\[0\]\.platforms: "linux" is not a platform/],
    [{ images: [{ name: 'a', repository: 'app', target: '1st' }] }, /images\[0\]\.target: "1st" is not a Dockerfile stage name/],
  ])('%j is refused, naming the file and the field', (doc, message) => {
    let err: unknown;
    try {
      parseManifest(doc, { file: 'images.yml', env: ENV });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ManifestError);
    expect((err as ValidationError).input).toBe('manifest');
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toMatch(/Input "/);
  });

  test('an ECR image needs a region before anything runs (the image, the env, or its registry host)', () => {
    const doc = { images: [{ name: 'a', repository: 'app', account: '123456789012' }] };
    expect(() => parseManifest(doc, { file: 'm.yml', env: {} })).toThrow(/^m\.yml: images\[0\]\.region: no AWS region/);
    expect(parseManifest(doc, { file: 'm.yml', env: { AWS_DEFAULT_REGION: 'eu-west-1' } })).toHaveLength(1);
    expect(parseManifest({ images: [{ ...doc.images[0], registry: '123456789012.dkr.ecr.eu-west-1.amazonaws.com' }] }, { env: {} })).toHaveLength(1);
    expect(parseManifest({ images: [{ name: 'a', repository: 'app', registry: 'ghcr.io' }] }, { env: {} })).toHaveLength(1);
  });

  test('a prefix leaves room for the id of `length` characters', () => {
    const doc = { images: [{ name: 'a', repository: 'ghcr.io/o/a', registry: 'ghcr.io', prefix: 'p'.repeat(100) }] };
    expect(parseManifest(doc, { env: ENV, length: 7 })).toHaveLength(1);
    expect(() => parseManifest(doc, { env: ENV, length: 40 })).toThrow(/images\[0\]\.prefix: .* is not a valid tag/);
  });

  test('a prefix ending in - gives one -', () => {
    expect(parseManifest({ images: [{ name: 'a', repository: 'app', registry: 'ghcr.io', prefix: 'cloudtak-' }] }, { env: ENV })[0]?.prefix).toBe('cloudtak');
  });

  test('${VAR} in string values comes from env; $${ is a literal ${', () => {
    const env = { ...ENV, ACCOUNT: '123456789012', STAGE: 'prod' };
    const [img] = parseManifest(
      {
        images: [
          {
            name: 'api',
            repository: 'app-${STAGE}',
            account: '${ACCOUNT}',
            'build-args': { GREETING: 'hi $${USER}', STAGE: '${STAGE}' },
            aliases: ['${STAGE}'],
          },
        ],
      },
      { file: 'images.yml', env },
    );
    expect(img).toMatchObject({
      repository: 'app-prod',
      account: '123456789012',
      buildArgs: [
        { key: 'GREETING', value: 'hi ${USER}' },
        { key: 'STAGE', value: 'prod' },
      ],
      aliases: ['prod'],
    });
    expect(() => parseManifest({ images: [{ name: 'api', repository: 'app', account: '${NOPE}' }] }, { file: 'images.yml', env })).toThrow(
      /^images\.yml: images\[0\]\.account: \$\{NOPE\} is not set in the environment/,
    );
    expect(() => parseManifest({ images: [{ name: 'api', repository: 'app', 'build-args': { A: '${1x}' } }] }, { file: 'images.yml', env })).toThrow(
      /images\[0\]\.build-args\.A: "\$\{1x\}" is not a variable/,
    );
  });
});

test('expandVars is pure: only the env given is read', () => {
  const fail = (d: string): never => {
    throw new Error(d);
  };
  expect(expandVars('${A}-${B}', { A: 'x', B: '' }, fail)).toBe('x-');
  expect(expandVars('$${A} $A ${A}', { A: 'x' }, fail)).toBe('${A} $A x');
  expect(() => expandVars('${HOME}', {}, fail)).toThrow(/\$\{HOME\} is not set/);
  expect(() => expandVars('${A', { A: 'x' }, fail)).toThrow(/is not a variable/);
});

test.each([
  ['.', 'Dockerfile', ['.']],
  ['svc', 'svc/Dockerfile', ['svc']],
  ['lambda', 'Dockerfile.light', ['lambda', 'Dockerfile.light']],
  ['svc', '', ['svc']],
])('defaultImagePaths(%s, %s)', (context, file, paths) => {
  expect(defaultImagePaths(context, file)).toEqual(paths);
});
