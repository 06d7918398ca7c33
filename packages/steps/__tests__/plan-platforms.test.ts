import { FakeRegistry } from '@ensure-image/adapters/fakes';
import { type ManifestImage, OCI_INDEX, imageIndex, parseKeyValues, resolveImage } from '@ensure-image/core';
import { type PlannedImage, lackingPlatforms, mergeMatrix, platformMatrix } from '../src/index.js';

const env = { AWS_REGION: 'us-east-1' };
const D = (c: string): string => `sha256:${c.repeat(64)}`;
const RUNNER = parseKeyValues('runner', 'default=ubuntu-24.04\nlinux/arm64=ubuntu-24.04-arm');

function planned(name: string, platforms: string[], exists: boolean, missingPlatforms?: string[]): PlannedImage {
  const spec: ManifestImage = { name, repository: 'app', prefix: name, context: '.', file: '', buildArgs: [], platforms, paths: [], aliases: [] };
  const target = resolveImage({ image: `ghcr.io/o/app:${name}-abc1234` }, env);
  return {
    spec,
    tag: { tag: `${name}-abc1234`, id: 'abc1234', sha: 'abc1234'.padEnd(40, '0'), tags: [`${name}-abc1234`] },
    target,
    image: `ghcr.io/o/app:${name}-abc1234`,
    exists,
    digest: '',
    repointed: [],
    changes: [],
    ...(missingPlatforms ? { missingPlatforms } : {}),
  };
}

describe('the plan matrix, per platform', () => {
  test('one entry per missing (image, platform), each with its runner; single-platform images one entry', () => {
    const m = platformMatrix(
      [
        planned('api', ['linux/amd64', 'linux/arm64'], false, ['linux/amd64', 'linux/arm64']),
        planned('web', ['linux/arm64', 'linux/amd64'], false, ['linux/amd64']),
        planned('lambda', [], false),
        planned('done', ['linux/amd64', 'linux/arm64'], true, []),
      ],
      RUNNER,
    );
    expect(m.include.map((e) => [e.name, e.platform, e['platform-job'], e.runner])).toEqual([
      ['api', 'linux/amd64', 'true', 'ubuntu-24.04'],
      ['api', 'linux/arm64', 'true', 'ubuntu-24.04-arm'],
      ['web', 'linux/amd64', 'true', 'ubuntu-24.04'],
      ['lambda', '', 'false', 'ubuntu-24.04'],
    ]);
    expect(m.include[1]?.platforms).toBe('linux/arm64');
  });

  test('merges: one per multi-platform image with something to build', () => {
    const m = mergeMatrix([
      planned('api', ['linux/amd64', 'linux/arm64'], false, ['linux/arm64']),
      planned('lambda', ['linux/arm64'], false),
      planned('done', ['linux/amd64', 'linux/arm64'], true, []),
    ]);
    expect(m.include).toEqual([{ name: 'api', image: 'ghcr.io/o/app:api-abc1234', tags: '', platforms: 'linux/amd64,linux/arm64' }]);
  });

  test('over 256 jobs fails before any build, naming the count and the limit', () => {
    const many = Array.from({ length: 129 }, (_, n) => planned(`i${n}`, ['linux/amd64', 'linux/arm64'], false, ['linux/amd64', 'linux/arm64']));
    expect(() => platformMatrix(many, RUNNER)).toThrow(/258 jobs .*limit of 256/);
    expect(platformMatrix(many.slice(0, 128), RUNNER).include).toHaveLength(256);
  });
});

describe('what an existing tag lacks', () => {
  const target = resolveImage({ image: 'ghcr.io/o/app:api-abc1234' }, env);
  const spec = { platforms: ['linux/amd64', 'linux/arm64'] };
  const withTag = (mediaType: string, body: string): FakeRegistry => {
    const r = new FakeRegistry();
    r.getManifest = async () => ({ digest: D('f'), mediaType, body: Buffer.from(body) });
    return r;
  };
  const main = { image: 'x', exists: true, digest: D('f') };

  test('an index with both platforms lacks nothing; with one, the other', async () => {
    const both = imageIndex([
      { platform: 'linux/amd64', digest: D('a'), size: 1, mediaType: 'm' },
      { platform: 'linux/arm64', digest: D('b'), size: 1, mediaType: 'm' },
    ]);
    expect(
      await lackingPlatforms(spec, target, main, {
        ecr: async () => {
          throw new Error('no ECR');
        },
        registry: withTag(OCI_INDEX, both),
      }),
    ).toEqual([]);
    const one = imageIndex([{ platform: 'linux/amd64', digest: D('a'), size: 1, mediaType: 'm' }]);
    expect(
      await lackingPlatforms(spec, target, main, {
        ecr: async () => {
          throw new Error('no ECR');
        },
        registry: withTag(OCI_INDEX, one),
      }),
    ).toEqual(['linux/arm64']);
  });

  test('a single manifest under the tag lacks every asked platform; an absent tag too; one platform asked is never split', async () => {
    const deps = {
      ecr: async () => {
        throw new Error('no ECR');
      },
      registry: withTag('application/vnd.oci.image.manifest.v1+json', '{}'),
    };
    expect(await lackingPlatforms(spec, target, main, deps)).toEqual(['linux/amd64', 'linux/arm64']);
    expect(await lackingPlatforms(spec, target, { ...main, exists: false }, deps)).toEqual(['linux/amd64', 'linux/arm64']);
    expect(await lackingPlatforms({ platforms: ['linux/arm64'] }, target, main, deps)).toEqual([]);
  });

  test('ECR: the manifest BatchGetImage returned is read, no further call', async () => {
    const one = imageIndex([{ platform: 'linux/arm64', digest: D('b'), size: 1, mediaType: 'm' }]);
    const ecrTarget = resolveImage({ image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:api-abc1234' }, env);
    const registry = new FakeRegistry();
    const found = { ...main, found: { digest: D('f'), manifest: one, mediaType: OCI_INDEX } };
    expect(
      await lackingPlatforms(spec, ecrTarget, found, {
        ecr: async () => {
          throw new Error('no ECR call expected');
        },
        registry,
      }),
    ).toEqual(['linux/amd64']);
    expect(registry.calls).toEqual([]);
  });
});
