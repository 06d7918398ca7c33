// The ECR stand-in and image indexes, as ECR answers them: BatchGetImage returns an index with
// its media type; PutImage takes an index whose children are in the repository, refuses one
// naming an absent child, and an IMMUTABLE repository refuses a second PUT of a tag with other
// content.
import { createHash } from 'node:crypto';
import { ecrCall, pushRandomImage, registryManifest, standin, tb, unique } from './testbed.js';

const INDEX = 'application/vnd.oci.image.index.v1+json';
const digestOf = (s: string): string => `sha256:${createHash('sha256').update(s).digest('hex')}`;

async function child(repo: string, tag: string): Promise<{ mediaType: string; digest: string; size: number }> {
  await pushRandomImage(tb.ecrHost, repo, tag, tb.ecrAuth);
  const m = await registryManifest(tb.ecrHost, repo, tag, tb.ecrAuth);
  return { mediaType: m?.mediaType as string, digest: m?.digest as string, size: m?.size as number };
}

const index = (children: { mediaType: string; digest: string; size: number; platform: { os: string; architecture: string } }[]): string =>
  JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: children });

describe('ECR stand-in: image indexes', () => {
  beforeEach(() => standin.reset());

  test('PutImage takes an index whose children exist; BatchGetImage returns it with its media type', async () => {
    const repo = unique('idx');
    const amd = { ...(await child(repo, 'amd')), platform: { os: 'linux', architecture: 'amd64' } };
    const arm = { ...(await child(repo, 'arm')), platform: { os: 'linux', architecture: 'arm64' } };
    const text = index([amd, arm]);
    const put = await ecrCall('PutImage', { repositoryName: repo, imageTag: 'v1', imageManifest: text, imageManifestMediaType: INDEX });
    expect(put.status).toBe(200);
    expect(put.json.image.imageId.imageDigest).toBe(digestOf(text));

    const got = await ecrCall('BatchGetImage', { repositoryName: repo, imageIds: [{ imageTag: 'v1' }] });
    expect(got.json.failures).toEqual([]);
    expect(got.json.images[0]).toMatchObject({ imageManifestMediaType: INDEX, imageManifest: text, imageId: { imageTag: 'v1', imageDigest: digestOf(text) } });
    // A caller that accepts only image manifests is told the tag is an index, not handed it.
    const narrow = await ecrCall('BatchGetImage', {
      repositoryName: repo,
      imageIds: [{ imageTag: 'v1' }],
      acceptedMediaTypes: ['application/vnd.docker.distribution.manifest.v2+json'],
    });
    expect(narrow.json.images).toEqual([]);
    expect(narrow.json.failures[0].failureCode).toBe('UnsupportedImageType');
  });

  test('PutImage refuses an index that names a child the repository lacks, with ECR error', async () => {
    const repo = unique('idxgone');
    const amd = { ...(await child(repo, 'amd')), platform: { os: 'linux', architecture: 'amd64' } };
    const absent = `sha256:${'0'.repeat(64)}`;
    const text = index([amd, { ...amd, digest: absent, platform: { os: 'linux', architecture: 'arm64' } }]);
    const put = await ecrCall('PutImage', { repositoryName: repo, imageTag: 'v1', imageManifest: text, imageManifestMediaType: INDEX });
    expect(put.status).toBe(400);
    expect(put.json.__type).toBe('ReferencedImagesNotFoundException');
    expect(put.json.message).toContain(`Images with digests '[${absent}]' do not exist`);
    expect(await registryManifest(tb.ecrHost, repo, 'v1', tb.ecrAuth)).toBeUndefined();
  });

  test('IMMUTABLE: a second PutImage of the tag with other content is refused; the same content is ImageAlreadyExists', async () => {
    const repo = unique('idximm');
    const amd = { ...(await child(repo, 'amd')), platform: { os: 'linux', architecture: 'amd64' } };
    const arm = { ...(await child(repo, 'arm')), platform: { os: 'linux', architecture: 'arm64' } };
    expect((await ecrCall('PutImageTagMutability', { repositoryName: repo, imageTagMutability: 'IMMUTABLE' })).status).toBe(200);
    const one = index([amd]);
    expect((await ecrCall('PutImage', { repositoryName: repo, imageTag: 'v1', imageManifest: one, imageManifestMediaType: INDEX })).status).toBe(200);
    const again = await ecrCall('PutImage', { repositoryName: repo, imageTag: 'v1', imageManifest: one, imageManifestMediaType: INDEX });
    expect(again.json.__type).toBe('ImageAlreadyExistsException');
    const other = await ecrCall('PutImage', { repositoryName: repo, imageTag: 'v1', imageManifest: index([amd, arm]), imageManifestMediaType: INDEX });
    expect(other.status).toBe(400);
    expect(other.json.__type).toBe('ImageTagAlreadyExistsException');
    expect((await registryManifest(tb.ecrHost, repo, 'v1', tb.ecrAuth))?.digest).toBe(digestOf(one));
  });
});
