import { BatchGetImageCommand, type BatchGetImageCommandOutput, ECRClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr';
import type { ECRPUBLICClient } from '@aws-sdk/client-ecr-public';
import type { STSClient } from '@aws-sdk/client-sts';
import { ECR_PUBLIC_REGION, partitionOf } from '@ensure-image/conventions';
import { MANIFEST_MEDIA_TYPES } from '../media-types.js';
import { explainAwsError } from './errors.js';
import { endpointFor, proxyHandler } from './proxy.js';
import type { Ecr, ImageQuery } from './types.js';

const BATCH = 100;

function decodeToken(token: string | undefined, what: string): { username: string; password: string } {
  const raw = Buffer.from(token ?? '', 'base64').toString('utf8');
  const colon = raw.indexOf(':');
  if (colon <= 0) throw new Error(`${what}: the authorization token has an unexpected form`);
  return { username: raw.slice(0, colon), password: raw.slice(colon + 1) };
}

function apiHost(service: string, region: string): string {
  return `${service}.${region}.${partitionOf(region).suffix}`;
}

/**
 * ECR, ECR Public and STS through the AWS SDK's default credential chain and endpoint settings.
 * The ECR Public and STS clients (and STS's XML protocol) are imported when first needed: an
 * ECR login or check compiles only the ECR client (bench/README.md, "Where the time goes").
 */
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
        const account = /^https?:\/\/(\d{12})\./.exec(d.proxyEndpoint ?? '')?.[1] ?? '';
        return { account, ...decodeToken(d.authorizationToken, what), ...(d.expiresAt ? { expiresAt: d.expiresAt } : {}) };
      });
    } catch (e) {
      throw explainAwsError(e, 'ecr:GetAuthorizationToken', what);
    }
  }

  async publicToken() {
    const what = 'ECR Public login';
    try {
      const { ECRPUBLICClient, GetAuthorizationTokenCommand: GetPublicTokenCommand } = await import('@aws-sdk/client-ecr-public');
      this.pub ??= new ECRPUBLICClient({
        region: ECR_PUBLIC_REGION,
        requestHandler: proxyHandler(endpointFor('ECR_PUBLIC', apiHost('api.ecr-public', ECR_PUBLIC_REGION))),
      });
      const out = await this.pub.send(new GetPublicTokenCommand({}));
      const d = out.authorizationData;
      return { ...decodeToken(d?.authorizationToken, what), ...(d?.expiresAt ? { expiresAt: d.expiresAt } : {}) };
    } catch (e) {
      throw explainAwsError(e, 'ecr-public:GetAuthorizationToken and sts:GetServiceBearerToken', what);
    }
  }

  async findImages(q: ImageQuery): Promise<Map<string, string>> {
    const found = new Map<string, string>();
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
      for (const img of out.images ?? []) {
        const digest = img.imageId?.imageDigest;
        if (!digest) continue;
        found.set(digest, digest);
        if (img.imageId?.imageTag) found.set(img.imageId.imageTag, digest);
      }
      // A missing tag is an ImageNotFound entry, not an error; any other failure is.
      const odd = (out.failures ?? []).find((f) => f.failureCode !== 'ImageNotFound');
      if (odd) throw new Error(`${what}: ${odd.failureCode}: ${odd.failureReason} (tag ${odd.imageId?.imageTag})`);
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
      const { GetCallerIdentityCommand, STSClient } = await import('@aws-sdk/client-sts');
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
}
