// One AWS API call without the SDK's client: signed with the SDK's own SigV4 signer
// (@smithy/signature-v4), sent with node:http(s) through the same proxy decision as the SDK
// path, retried by the SDK's own standard retry strategy and error classification.
// One difference: the SDK corrects its clock after a RequestTimeTooSkewed answer and retries;
// this path does not (a runner's clock is synchronised), so such an answer fails as the SDK's would
// without the correction.
import { createHash, createHmac } from 'node:crypto';
import { type IncomingHttpHeaders, type Agent, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { StandardRetryStrategy, isServerError, isThrottlingError, isTransientError } from '@smithy/core/retry';
import { SignatureV4 } from '@smithy/signature-v4';
import type { EnvCredentials } from './fast-credentials.js';
import { proxyAgent } from './proxy-agent.js';

type Data = string | ArrayBuffer | ArrayBufferView;
const bytes = (d: Data): Buffer =>
  typeof d === 'string' ? Buffer.from(d, 'utf8') : ArrayBuffer.isView(d) ? Buffer.from(d.buffer, d.byteOffset, d.byteLength) : Buffer.from(d);

/** SHA-256 (HMAC with a secret) as the signer asks for it, over node:crypto (what @smithy/hash-node does). */
export class Sha256 {
  private hash;
  constructor(private readonly secret?: Data) {
    this.hash = this.fresh();
  }
  private fresh() {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(this.secret));
  }
  update(data: Data): void {
    this.hash.update(bytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

export interface AwsCall {
  service: 'ecr' | 'sts';
  region: string;
  /** The endpoint URL (an AWS_ENDPOINT_URL_* override or the default host). */
  endpoint: string;
  headers: Record<string, string>;
  body: string;
  credentials: EnvCredentials;
  maxAttempts: number;
  /** How an error answer reads: JSON (`__type`, `x-amzn-ErrorType`) or the query protocol's XML. */
  parseError: (status: number, headers: IncomingHttpHeaders, body: string) => { code: string; message: string } | Promise<{ code: string; message: string }>;
}

export interface SignedRequest {
  method: 'POST';
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
}

/** The request as the SDK would sign it: host, the call's headers, content-length, then SigV4. */
export async function signRequest(call: AwsCall, signingDate?: Date): Promise<SignedRequest> {
  const url = new URL(call.endpoint);
  const request: SignedRequest = {
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
    path: url.pathname || '/',
    query: {},
    headers: { ...call.headers, host: url.host, 'content-length': String(Buffer.byteLength(call.body)) },
    body: call.body,
  };
  const signer = new SignatureV4({ credentials: call.credentials, region: call.region, service: call.service, sha256: Sha256, uriEscapePath: true });
  return (await signer.sign(request, signingDate ? { signingDate } : {})) as SignedRequest;
}

/** An error answer, shaped as the SDK shapes it (name = the error code, $metadata, $response headers) so explainAwsError and the retry classification read it alike. */
export class AwsApiError extends Error {
  readonly $metadata: { httpStatusCode: number };
  readonly $fault: 'client' | 'server';
  constructor(code: string, message: string, status: number) {
    super(message);
    this.name = code;
    this.$metadata = { httpStatusCode: status };
    this.$fault = status >= 500 ? 'server' : 'client';
  }
}

function send(req: SignedRequest, agent: Agent | undefined): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  const request = req.protocol === 'http:' ? httpRequest : httpsRequest;
  return new Promise((resolve, reject) => {
    const r = request(
      { method: req.method, hostname: req.hostname, port: req.port, path: req.path, headers: req.headers, ...(agent ? { agent } : {}) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    r.end(req.body);
  });
}

/** The SDK's retry classification (middleware-retry's getRetryErrorType). */
function errorType(e: unknown): 'THROTTLING' | 'TRANSIENT' | 'SERVER_ERROR' | 'CLIENT_ERROR' {
  const err = e as Parameters<typeof isThrottlingError>[0];
  if (isThrottlingError(err)) return 'THROTTLING';
  if (isTransientError(err)) return 'TRANSIENT';
  if (isServerError(err)) return 'SERVER_ERROR';
  return 'CLIENT_ERROR';
}

/** Make the call: the answer's body on 2xx; otherwise, after the SDK's retries, the last error (AwsApiError, or node's network error). */
export async function awsCall(call: AwsCall): Promise<string> {
  const agent = await proxyAgent(call.endpoint);
  const strategy = new StandardRetryStrategy(call.maxAttempts);
  let token = await strategy.acquireInitialRetryToken('');
  for (;;) {
    try {
      const res = await send(await signRequest(call), agent);
      if (res.status >= 200 && res.status < 300) {
        strategy.recordSuccess(token);
        return res.body;
      }
      const { code, message } = await call.parseError(res.status, res.headers, res.body);
      throw new AwsApiError(code, message, res.status);
    } catch (e) {
      try {
        token = await strategy.refreshRetryTokenForRetry(token, { errorType: errorType(e) });
      } catch {
        throw e;
      }
    }
  }
}
