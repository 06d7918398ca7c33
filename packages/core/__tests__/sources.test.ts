import { ManifestError, bakeManifest, composeManifest, manifestKind, overrideOf, sourcedImages } from '../src/index.js';

const opts = { file: 'f', env: { AWS_REGION: 'us-east-1' }, length: 7 };

describe('manifestKind and overrides', () => {
  test.each([
    ['images.yml', 'images'],
    ['deploy/images.yaml', 'images'],
    ['compose.yaml', 'compose'],
    ['docker-compose.yml', 'compose'],
    ['ops/compose.prod.yaml', 'compose'],
    ['docker-bake.hcl', 'bake'],
    ['docker-bake.json', 'bake'],
    ['build/targets.hcl', 'bake'],
  ])('%s is %s', (file, kind) => expect(manifestKind(file)).toBe(kind));
  test('override files beside them', () => {
    expect(overrideOf('docker-bake.hcl')).toBe('docker-bake.override.hcl');
    expect(overrideOf('compose.yaml')).toBe('compose.override.yaml');
  });
});

describe('bakeManifest: the JSON of docker buildx bake --print', () => {
  const json = {
    group: { default: { targets: ['lambdas', 'media'] }, lambdas: { targets: ['api'] } },
    target: {
      media: { context: 'svc', dockerfile: 'Dockerfile', target: 'final', tags: ['public.ecr.aws/alias/heavy:x'], platforms: ['linux/amd64', 'linux/arm64'] },
      api: {
        context: '.',
        dockerfile: 'Dockerfile.light',
        args: { CMD_TARGET: 'api', LITERAL: 'a${b}', UNSET: null },
        tags: ['123456789012.dkr.ecr.us-east-1.amazonaws.com/app-lambda-light:latest', 'other:x'],
        labels: {
          'ensure-image.prefix': 'api',
          'ensure-image.aliases': 'latest, stable',
          'ensure-image.paths': 'Dockerfile.light,cmd/api',
          'org.opencontainers.image.title': 'x',
        },
      },
    },
  };
  test('each target an image, in the default group order; repository from the first tag; labels for the rest', () => {
    const m = bakeManifest(json, 'docker-bake.hcl');
    expect(m.origins).toEqual(['target "api"', 'target "media"']);
    const images = sourcedImages(m, { ...opts, file: 'docker-bake.hcl' });
    expect(images).toEqual([
      {
        name: 'api',
        repository: 'app-lambda-light',
        registry: '123456789012.dkr.ecr.us-east-1.amazonaws.com',
        prefix: 'api',
        context: '.',
        file: 'Dockerfile.light',
        buildArgs: [
          { key: 'CMD_TARGET', value: 'api' },
          { key: 'LITERAL', value: 'a${b}' },
        ],
        platforms: [],
        paths: ['Dockerfile.light', 'cmd/api'],
        aliases: ['latest', 'stable'],
      },
      {
        name: 'media',
        repository: 'alias/heavy',
        registry: 'public.ecr.aws',
        prefix: 'media',
        context: 'svc',
        file: '',
        buildArgs: [],
        target: 'final',
        platforms: ['linux/amd64', 'linux/arm64'],
        paths: [],
        aliases: [],
      },
    ]);
  });
  test('a target with no tag, or a bad one, is an error naming the target', () => {
    expect(() => bakeManifest({ target: { api: { context: '.' } } }, 'docker-bake.hcl')).toThrow(
      'docker-bake.hcl: target "api": names no repository to push to: give it a tag',
    );
    expect(() => bakeManifest({ target: { api: { tags: ['Bad Tag'] } } }, 'docker-bake.hcl')).toThrow(
      /docker-bake\.hcl: target "api"\.tags: "Bad Tag" is not an image reference/,
    );
    expect(() => bakeManifest({ target: { api: { tags: ['x'], labels: { 'ensure-image.colour': 'red' } } } }, 'b.hcl')).toThrow(
      /b\.hcl: target "api"\.labels: has unknown keys "colour"/,
    );
    expect(() => bakeManifest({ target: {} }, 'b.hcl')).toThrow(ManifestError);
  });
  test('errors of the entry name the target, not images[n]', () => {
    const m = bakeManifest({ target: { api: { tags: ['app:x'], labels: { 'ensure-image.prefix': '-bad' } } } }, 'docker-bake.hcl');
    expect(() => sourcedImages(m, { ...opts, file: 'docker-bake.hcl' })).toThrow(/^docker-bake\.hcl: target "api"\.prefix: "-bad" is not a tag prefix/);
  });
});

describe('composeManifest', () => {
  const doc = {
    services: {
      cloudtak: {
        build: { context: 'api', dockerfile: 'Dockerfile.prod', args: ['A=1', 'B=x=y'], target: 'final' },
        image: '${REPO}:dev',
        'x-ensure-image': { prefix: 'cloudtak', aliases: ['latest'] },
      },
      db: { image: 'postgres:16' },
      events: {
        build: { context: 'events', platforms: ['linux/amd64', 'linux/arm64'] },
        image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/events',
        'x-ensure-image': { name: 'events-api' },
      },
    },
  };
  test('services with a build, in file order; ${VAR} from the environment as compose does; x-ensure-image for the rest', () => {
    const m = composeManifest(doc, 'compose.yaml', { REPO: 'tak-artifacts' });
    expect(m.origins).toEqual(['services.cloudtak', 'services.events']);
    const images = sourcedImages(m, { ...opts, file: 'compose.yaml' });
    expect(images.map((i) => [i.name, i.repository, i.registry ?? '', i.context, i.file, i.buildArgs, i.target ?? '', i.platforms, i.aliases])).toEqual([
      [
        'cloudtak',
        'tak-artifacts',
        '',
        'api',
        'api/Dockerfile.prod',
        [
          { key: 'A', value: '1' },
          { key: 'B', value: 'x=y' },
        ],
        'final',
        [],
        ['latest'],
      ],
      ['events-api', 'events', '123456789012.dkr.ecr.us-east-1.amazonaws.com', 'events', '', [], '', ['linux/amd64', 'linux/arm64'], []],
    ]);
  });
  test('a compose file in a folder: contexts are relative to it', () => {
    const images = sourcedImages(composeManifest({ services: { a: { build: '../svc', image: 'app' } } }, 'deploy/compose.yaml'), {
      ...opts,
      file: 'deploy/compose.yaml',
    });
    expect(images[0]?.context).toBe('svc');
  });
  test('errors name the service', () => {
    expect(() => composeManifest(doc, 'compose.yaml', {})).toThrow('compose.yaml: services.cloudtak: ${REPO} is not set in the environment');
    expect(() => composeManifest({ services: { a: { build: '.' } } }, 'compose.yaml')).toThrow(
      'compose.yaml: services.a: names no repository to push to: give it an image:',
    );
    expect(() => composeManifest({ services: { db: { image: 'postgres' } } }, 'compose.yaml')).toThrow(/no service has a build: section/);
    expect(() => composeManifest({ version: '3' }, 'compose.yaml')).toThrow(/expected a top-level "services:" map/);
  });
});
