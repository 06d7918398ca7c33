import {
  BatchGetImageCommand,
  type BatchGetImageCommandOutput,
  CreateRepositoryCommand,
  ECRClient,
  GetAuthorizationTokenCommand,
  PutImageCommand,
  PutLifecyclePolicyCommand,
} from '@aws-sdk/client-ecr';
import {
  CreateRepositoryCommand as CreatePublicRepositoryCommand,
  ECRPUBLICClient,
  GetAuthorizationTokenCommand as GetPublicTokenCommand,
} from '@aws-sdk/client-ecr-public';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ECR_PUBLIC_REGION } from '@ensure-image/core';
import { MANIFEST_MEDIA_TYPES } from '../media-types.js';
import { explainAwsError } from './errors.js';
import { apiHost } from './hosts.js';
import { collectImages, decodeToken, proxyEndpointAccount } from './token.js';
import { endpointFor, proxyHandler } from './proxy.js';
import { ImmutableTagError } from '../errors.js';
import type { CreateRepositoryRequest, Ecr, FoundImage, ImageQuery, PutImageRequest } from './types.js';
import { readScan, startScan } from './scan.js';
import type { ScanQuery, ScanRead, StartScanResult } from './scan-types.js';

const BATCH = 100;

/** ECR, ECR Public and STS through the AWS SDK's default credential chain and endpoint settings. */
export class SdkEcr implements Ecr {
  private readonly ecr = new Map<string, ECRClient>();
  private readonly sts = new Map<string, STSClient>();
  private pub: ECRPUBLICClient | undefined;

  private client(region: string): ECRClient {
    let c = this.ecr.get(region);
    if (!c) {
      c = new ECRClient({ region, requestHandler: proxyHandler(endpointFor('ECR', apiHost('api.ecr', region))) });
      this.ecr.set(region, c);
    }
    return c;
  }

  async privateTokens(region: string, accounts: readonly string[]) {
    const what = `ecr:GetAuthorizationToken in ${region}`;
    try {
      const out = await this.client(region).send(new GetAuthorizationTokenCommand(accounts.length ? { registryIds: [...accounts] } : {}));
      return (out.authorizationData ?? []).map((d) => {
        const account = proxyEndpointAccount(d.proxyEndpoint);
        return { account, ...decodeToken(d.authorizationToken, what), ...(d.expiresAt ? { expiresAt: d.expiresAt } : {}) };
      });
    } catch (e) {
      throw explainAwsError(e, 'ecr:GetAuthorizationToken', what);
    }
  }

  private publicClient(): ECRPUBLICClient {
    this.pub ??= new ECRPUBLICClient({
      region: ECR_PUBLIC_REGION,
      requestHandler: proxyHandler(endpointFor('ECR_PUBLIC', apiHost('api.ecr-public', ECR_PUBLIC_REGION))),
    });
    return this.pub;
  }

  async publicToken() {
    const what = 'ECR Public login';
    try {
      const out = await this.publicClient().send(new GetPublicTokenCommand({}));
      const d = out.authorizationData;
      return { ...decodeToken(d?.authorizationToken, what), ...(d?.expiresAt ? { expiresAt: d.expiresAt } : {}) };
    } catch (e) {
      throw explainAwsError(e, 'ecr-public:GetAuthorizationToken and sts:GetServiceBearerToken', what);
    }
  }

  async findImages(q: ImageQuery): Promise<Map<string, FoundImage>> {
    const found = new Map<string, FoundImage>();
    const what = `ecr:BatchGetImage on ${q.repository}`;
    for (let i = 0; i < q.tags.length; i += BATCH) {
      const tags = q.tags.slice(i, i + BATCH);
      let out: BatchGetImageCommandOutput;
      try {
        out = await this.client(q.region).send(
          new BatchGetImageCommand({
            ...(q.account ? { registryId: q.account } : {}),
            repositoryName: q.repository,
            imageIds: tags.map((ref) => (ref.startsWith('sha256:') ? { imageDigest: ref } : { imageTag: ref })),
            acceptedMediaTypes: MANIFEST_MEDIA_TYPES,
          }),
        );
      } catch (e) {
        throw explainAwsError(e, 'ecr:BatchGetImage', what);
      }
      collectImages(out, found, what);
    }
    return found;
  }

  private readonly accounts = new Map<string, Promise<string>>();

  /** Asked once per region per process, however many images need it. */
  accountId(region: string): Promise<string> {
    let a = this.accounts.get(region);
    if (!a) {
      a = this.callerAccount(region);
      this.accounts.set(region, a);
    }
    return a;
  }

  private async callerAccount(region: string): Promise<string> {
    const what = 'sts:GetCallerIdentity (to find the account for the registry)';
    try {
      let c = this.sts.get(region);
      if (!c) {
        c = new STSClient({ region, requestHandler: proxyHandler(endpointFor('STS', apiHost('sts', region))) });
        this.sts.set(region, c);
      }
      const out = await c.send(new GetCallerIdentityCommand({}));
      if (!out.Account) throw new Error('no Account in the answer');
      return out.Account;
    } catch (e) {
      throw explainAwsError(e, 'sts:GetCallerIdentity (or set the account or registry input)', what);
    }
  }

  async putImage(r: PutImageRequest): Promise<void> {
    const what = `ecr:PutImage of ${r.repository}:${r.tag}`;
    try {
      await this.client(r.region).send(
        new PutImageCommand({
          ...(r.account ? { registryId: r.account } : {}),
          repositoryName: r.repository,
          imageTag: r.tag,
          imageManifest: r.manifest,
          ...(r.mediaType ? { imageManifestMediaType: r.mediaType } : {}),
          imageDigest: r.digest,
        }),
      );
    } catch (e) {
      const name = (e as { name?: string }).name;
      // The tag already names this very manifest: nothing to move.
      if (name === 'ImageAlreadyExistsException') return;
      if (name === 'ImageTagAlreadyExistsException') throw new ImmutableTagError(`${what}: the tag exists and the repository's tags are immutable`);
      throw explainAwsError(e, 'ecr:PutImage', what);
    }
  }

  async createRepository(r: CreateRepositoryRequest): Promise<'created' | 'exists'> {
    const what = `ecr:CreateRepository ${r.repository}`;
    const registryId = r.account ? { registryId: r.account } : {};
    try {
      await this.client(r.region).send(
        new CreateRepositoryCommand({
          ...registryId,
          repositoryName: r.repository,
          imageScanningConfiguration: { scanOnPush: r.scanOnPush },
          encryptionConfiguration: r.kmsKey ? { encryptionType: 'KMS', kmsKey: r.kmsKey } : { encryptionType: 'AES256' },
          imageTagMutability: r.mutability,
          ...(r.mutability === 'IMMUTABLE_WITH_EXCLUSION'
            ? { imageTagMutabilityExclusionFilters: r.mutableTags.map((filter) => ({ filterType: 'WILDCARD' as const, filter })) }
            : {}),
        }),
      );
    } catch (e) {
      if ((e as { name?: string }).name === 'RepositoryAlreadyExistsException') return 'exists';
      throw explainAwsError(e, 'ecr:CreateRepository', what);
    }
    if (r.lifecyclePolicy) {
      try {
        await this.client(r.region).send(
          new PutLifecyclePolicyCommand({ ...registryId, repositoryName: r.repository, lifecyclePolicyText: r.lifecyclePolicy }),
        );
      } catch (e) {
        throw explainAwsError(e, 'ecr:PutLifecyclePolicy', `ecr:PutLifecyclePolicy on ${r.repository} (the repository was created)`);
      }
    }
    return 'created';
  }

  async createPublicRepository(name: string): Promise<'created' | 'exists'> {
    try {
      await this.publicClient().send(new CreatePublicRepositoryCommand({ repositoryName: name }));
      return 'created';
    } catch (e) {
      if ((e as { name?: string }).name === 'RepositoryAlreadyExistsException') return 'exists';
      throw explainAwsError(e, 'ecr-public:CreateRepository', `ecr-public:CreateRepository ${name}`);
    }
  }

  readScan(q: ScanQuery): Promise<ScanRead> {
    return readScan(this.client(q.region), q);
  }

  startScan(q: ScanQuery): Promise<StartScanResult> {
    return startScan(this.client(q.region), q);
  }
}
