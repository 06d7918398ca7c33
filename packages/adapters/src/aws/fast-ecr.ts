// The calls of the login and skip paths (ECR GetAuthorizationToken and BatchGetImage, STS
// GetCallerIdentity) without loading the SDK's clients, for static credentials from the
// environment (fast-credentials.ts decides when). Every other call goes to the SDK adapter.
import type { IncomingHttpHeaders } from 'node:http';
import { MANIFEST_MEDIA_TYPES } from '../media-types.js';
import { explainAwsError } from './errors.js';
import type { FastSettings } from './fast-credentials.js';
import { apiHost, endpointFor } from './hosts.js';
import { awsCall } from './signed-call.js';
import { type BatchGetImageAnswer, collectImages, decodeToken, proxyEndpointAccount } from './token.js';
import type { ScanQuery, ScanRead, StartScanResult } from './scan-types.js';
import type { CreateRepositoryRequest, Ecr, FoundImage, ImageQuery, PutImageRequest } from './types.js';

const BATCH = 100;
const ECR_TARGET = 'AmazonEC2ContainerRegistry_V20150921';

/** The query protocol's XML (STS), read by fast-xml-parser, loaded only when STS is called (an ECR login never is). */
async function readXml(body: string): Promise<unknown> {
  const { XMLParser } = await import('fast-xml-parser');
  return new XMLParser({ parseTagValue: false }).parse(body);
}

/** The SDK's JSON error code: x-amzn-ErrorType, else `code`, else `__type`, cut at `:` and after `#`. */
export function sanitizeErrorCode(raw: string): string {
  let code = raw.split(',')[0] ?? '';
  code = code.split(':')[0] ?? '';
  return code.includes('#') ? (code.split('#')[1] ?? '') : code;
}

export function jsonError(status: number, headers: IncomingHttpHeaders, body: string): { code: string; message: string } {
  let parsed: { code?: string; __type?: string; message?: string; Message?: string } = {};
  try {
    parsed = body.trim() ? (JSON.parse(body) as typeof parsed) : {};
  } catch (e) {
    return { code: 'SyntaxError', message: `${(e as Error).message} (an HTTP ${status} answer that is not the API's JSON)` };
  }
  const header = headers['x-amzn-errortype'];
  const raw = (Array.isArray(header) ? header[0] : header) ?? parsed.code ?? parsed.__type;
  return { code: raw ? sanitizeErrorCode(String(raw)) : String(status), message: parsed.message ?? parsed.Message ?? 'UnknownError' };
}

export async function queryError(status: number, _headers: IncomingHttpHeaders, body: string): Promise<{ code: string; message: string }> {
  try {
    const e = ((await readXml(body)) as { ErrorResponse?: { Error?: { Code?: string; Message?: string } } }).ErrorResponse?.Error;
    if (e?.Code) return { code: e.Code, message: e.Message ?? 'UnknownError' };
  } catch {
    // not XML: named by its status below
  }
  return { code: String(status), message: `an HTTP ${status} answer that is not the API's XML` };
}

export class FastEcr implements Ecr {
  private readonly accounts = new Map<string, Promise<string>>();

  constructor(
    private readonly settings: FastSettings,
    /** The SDK adapter, loaded on first use, for every call the fast path does not make. */
    private readonly sdk: () => Promise<Ecr>,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  private async ecr(region: string, op: string, input: object): Promise<unknown> {
    const body = await awsCall({
      service: 'ecr',
      region,
      endpoint: endpointFor('ECR', apiHost('api.ecr', region), this.env),
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${ECR_TARGET}.${op}` },
      body: JSON.stringify(input),
      credentials: this.settings.credentials,
      maxAttempts: this.settings.maxAttempts,
      parseError: jsonError,
    });
    return JSON.parse(body);
  }

  async privateTokens(region: string, accounts: readonly string[]) {
    const what = `ecr:GetAuthorizationToken in ${region}`;
    try {
      const out = (await this.ecr(region, 'GetAuthorizationToken', accounts.length ? { registryIds: [...accounts] } : {})) as {
        authorizationData?: { authorizationToken?: string; expiresAt?: number; proxyEndpoint?: string }[];
      };
      return (out.authorizationData ?? []).map((d) => ({
        account: proxyEndpointAccount(d.proxyEndpoint),
        ...decodeToken(d.authorizationToken, what),
        ...(d.expiresAt ? { expiresAt: new Date(d.expiresAt * 1000) } : {}),
      }));
    } catch (e) {
      throw explainAwsError(e, 'ecr:GetAuthorizationToken', what);
    }
  }

  async findImages(q: ImageQuery): Promise<Map<string, FoundImage>> {
    const found = new Map<string, FoundImage>();
    const what = `ecr:BatchGetImage on ${q.repository}`;
    for (let i = 0; i < q.tags.length; i += BATCH) {
      const tags = q.tags.slice(i, i + BATCH);
      let out: BatchGetImageAnswer;
      try {
        out = (await this.ecr(q.region, 'BatchGetImage', {
          ...(q.account ? { registryId: q.account } : {}),
          repositoryName: q.repository,
          imageIds: tags.map((ref) => (ref.startsWith('sha256:') ? { imageDigest: ref } : { imageTag: ref })),
          acceptedMediaTypes: MANIFEST_MEDIA_TYPES,
        })) as BatchGetImageAnswer;
      } catch (e) {
        throw explainAwsError(e, 'ecr:BatchGetImage', what);
      }
      collectImages(out, found, what);
    }
    return found;
  }

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
      const body = await awsCall({
        service: 'sts',
        region,
        endpoint: endpointFor('STS', apiHost('sts', region), this.env),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'Action=GetCallerIdentity&Version=2011-06-15',
        credentials: this.settings.credentials,
        maxAttempts: this.settings.maxAttempts,
        parseError: queryError,
      });
      const out = (await readXml(body)) as { GetCallerIdentityResponse?: { GetCallerIdentityResult?: { Account?: string } } };
      const account = out.GetCallerIdentityResponse?.GetCallerIdentityResult?.Account;
      if (!account) throw new Error('no Account in the answer');
      return String(account);
    } catch (e) {
      throw explainAwsError(e, 'sts:GetCallerIdentity (or set the account or registry input)', what);
    }
  }

  async publicToken() {
    return (await this.sdk()).publicToken();
  }

  async putImage(r: PutImageRequest): Promise<void> {
    return (await this.sdk()).putImage(r);
  }

  async createRepository(r: CreateRepositoryRequest): Promise<'created' | 'exists'> {
    return (await this.sdk()).createRepository(r);
  }

  async createPublicRepository(name: string): Promise<'created' | 'exists'> {
    return (await this.sdk()).createPublicRepository(name);
  }

  async readScan(q: ScanQuery): Promise<ScanRead> {
    return (await this.sdk()).readScan(q);
  }

  async startScan(q: ScanQuery): Promise<StartScanResult> {
    return (await this.sdk()).startScan(q);
  }
}
