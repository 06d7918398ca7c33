import { BatchGetImageCommand, ECRClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr';
import { mockClient } from 'aws-sdk-client-mock';
import { PermissionError, RepositoryNotFoundError } from '../src/index.js';
import { SdkEcr } from '../src/aws/sdk.js';

const ecrMock = mockClient(ECRClient);
const D = (n: number): string => `sha256:${n.toString(16).padStart(64, '0')}`;

beforeEach(() => ecrMock.reset());

test('250 tags cost three BatchGetImage calls of at most 100; ImageNotFound means absent', async () => {
  ecrMock.on(BatchGetImageCommand).callsFake((input: { imageIds: { imageTag: string }[] }) => ({
    images: input.imageIds.filter((_, i) => i % 2 === 0).map((id) => ({ imageId: { imageTag: id.imageTag, imageDigest: D(Number(id.imageTag.slice(2))) } })),
    failures: input.imageIds
      .filter((_, i) => i % 2 === 1)
      .map((id) => ({ imageId: id, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' })),
  }));
  const tags = Array.from({ length: 250 }, (_, i) => `t-${i}`);
  const found = await new SdkEcr().findImages({ region: 'us-east-1', account: '123456789012', repository: 'app', tags });
  const calls = ecrMock.commandCalls(BatchGetImageCommand);
  expect(calls.map((c) => c.args[0].input.imageIds?.length)).toEqual([100, 100, 50]);
  expect(calls[0]?.args[0].input).toMatchObject({ registryId: '123456789012', repositoryName: 'app' });
  expect(calls[0]?.args[0].input.acceptedMediaTypes).toHaveLength(4);
  expect(found.get('t-0')?.digest).toBe(D(0));
  expect(found.has('t-1')).toBe(false);
  expect(tags.filter((t) => found.has(t))).toHaveLength(125);
});

test('digests are looked up as imageDigest', async () => {
  ecrMock.on(BatchGetImageCommand).resolves({ images: [{ imageId: { imageDigest: D(7) } }], failures: [] });
  const found = await new SdkEcr().findImages({ region: 'us-east-1', repository: 'app', tags: [D(7)] });
  expect(ecrMock.commandCalls(BatchGetImageCommand)[0]?.args[0].input.imageIds).toEqual([{ imageDigest: D(7) }]);
  expect(found.get(D(7))?.digest).toBe(D(7));
});

test('a failure other than ImageNotFound is an error; AWS errors are explained', async () => {
  ecrMock.on(BatchGetImageCommand).resolvesOnce({ images: [], failures: [{ imageId: { imageTag: 'x' }, failureCode: 'KmsError', failureReason: 'kms' }] });
  await expect(new SdkEcr().findImages({ region: 'us-east-1', repository: 'app', tags: ['x'] })).rejects.toThrow(/KmsError: kms \(tag x\)/);
  ecrMock.on(BatchGetImageCommand).rejects(Object.assign(new Error('nope'), { name: 'RepositoryNotFoundException' }));
  await expect(new SdkEcr().findImages({ region: 'us-east-1', repository: 'app', tags: ['x'] })).rejects.toBeInstanceOf(RepositoryNotFoundError);
  ecrMock.on(GetAuthorizationTokenCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
  await expect(new SdkEcr().privateTokens('us-east-1', [])).rejects.toBeInstanceOf(PermissionError);
});

test('tokens decode to user and password; the account comes from the proxy endpoint', async () => {
  ecrMock.on(GetAuthorizationTokenCommand).resolves({
    authorizationData: [
      { authorizationToken: Buffer.from('AWS:p@ss:word').toString('base64'), proxyEndpoint: 'https://210987654321.dkr.ecr.eu-west-1.amazonaws.com' },
    ],
  });
  expect(await new SdkEcr().privateTokens('eu-west-1', ['210987654321'])).toEqual([{ account: '210987654321', username: 'AWS', password: 'p@ss:word' }]);
  expect(ecrMock.commandCalls(GetAuthorizationTokenCommand)[0]?.args[0].input).toEqual({ registryIds: ['210987654321'] });
});
