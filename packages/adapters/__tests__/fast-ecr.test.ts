// The fast path (fast-ecr.ts) against the SDK path (sdk.ts), both talking to one loopback
// server that answers as scripted: the same requests, the SDK's own signature for the same
// request, and the same errors after the same retries.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NetworkError, PermissionError, RepositoryNotFoundError } from '../src/errors.js';
import { fastSettings } from '../src/aws/fast-credentials.js';
import { FastEcr, jsonError, sanitizeErrorCode } from '../src/aws/fast-ecr.js';
import { SdkEcr } from '../src/aws/sdk.js';
import { signRequest } from '../src/aws/signed-call.js';
import type { Ecr } from '../src/aws/types.js';

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}
type Answer = { status: number; body: string; type?: string };

let server: Server;
let url: string;
let seen: Seen[] = [];
let script: Answer[] = [];
const fallback: Answer = {
  status: 200,
  body: JSON.stringify({
    authorizationData: [
      {
        authorizationToken: Buffer.from('AWS:pw').toString('base64'),
        proxyEndpoint: 'https://123456789012.dkr.ecr.us-east-1.amazonaws.com',
        expiresAt: 1767225600,
      },
    ],
  }),
};

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', headers: req.headers, body });
      const a = script.shift() ?? fallback;
      res.writeHead(a.status, { 'content-type': a.type ?? 'application/x-amz-json-1.1' });
      res.end(a.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const ENV = {
  AWS_ACCESS_KEY_ID: 'AKIDFAST',
  AWS_SECRET_ACCESS_KEY: 'fast-secret',
  AWS_SESSION_TOKEN: 'session-token',
  AWS_CONFIG_FILE: '/nonexistent',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
};
const saved = { ...process.env };
beforeEach(() => {
  seen = [];
  script = [];
  for (const k of Object.keys(process.env)) if (k.startsWith('AWS_') || /_PROXY$/i.test(k)) delete process.env[k];
  Object.assign(process.env, ENV, { AWS_ENDPOINT_URL_ECR: url, AWS_ENDPOINT_URL_STS: url, AWS_MAX_ATTEMPTS: '2' });
});
afterAll(() => {
  process.env = saved;
});

const fast = (): Ecr => {
  const settings = fastSettings(process.env);
  if (!settings) throw new Error('the fast path should apply');
  return new FastEcr(settings, async () => new SdkEcr(), process.env);
};

describe('when the fast path applies', () => {
  const env = { AWS_ACCESS_KEY_ID: 'A', AWS_SECRET_ACCESS_KEY: 'S' };
  test.each([
    ['static keys', env, true],
    ['static keys and a session token', { ...env, AWS_SESSION_TOKEN: 'T' }, true],
    ['AWS_MAX_ATTEMPTS', { ...env, AWS_MAX_ATTEMPTS: '5' }, true],
    ['no keys (web identity, SSO, container, instance)', { AWS_WEB_IDENTITY_TOKEN_FILE: '/t', AWS_ROLE_ARN: 'arn' }, false],
    ['only the key id', { AWS_ACCESS_KEY_ID: 'A' }, false],
    ['AWS_PROFILE (the SDK then skips the environment keys)', { ...env, AWS_PROFILE: 'dev' }, false],
    ['FIPS endpoints', { ...env, AWS_USE_FIPS_ENDPOINT: 'true' }, false],
    ['dual-stack endpoints', { ...env, AWS_USE_DUALSTACK_ENDPOINT: 'TRUE' }, false],
    ['configured endpoints ignored', { ...env, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }, false],
    ['adaptive retries', { ...env, AWS_RETRY_MODE: 'adaptive' }, false],
    ['a malformed AWS_MAX_ATTEMPTS (the SDK reports it)', { ...env, AWS_MAX_ATTEMPTS: 'lots' }, false],
  ])('%s: %p', (_what, e, applies) => {
    expect(fastSettings(e, () => false) !== undefined).toBe(applies);
  });

  test('a shared config file (endpoint_url, max_attempts, retry_mode may be in it) keeps the SDK', () => {
    const asked: string[] = [];
    expect(fastSettings({ ...env, HOME: '/home/u' }, (p) => (asked.push(p), true))).toBeUndefined();
    expect(asked).toEqual(['/home/u/.aws/config']);
    expect(fastSettings({ ...env, AWS_CONFIG_FILE: '/c' }, (p) => p !== '/c')).toBeDefined();
  });

  test('settings carry the session token and the attempts', () => {
    expect(fastSettings({ ...env, AWS_SESSION_TOKEN: 'T', AWS_MAX_ATTEMPTS: '4' }, () => false)).toEqual({
      credentials: { accessKeyId: 'A', secretAccessKey: 'S', sessionToken: 'T' },
      maxAttempts: 4,
    });
    expect(fastSettings(env, () => false)?.maxAttempts).toBe(3);
  });
});

describe('the same request as the SDK, signed as the SDK signs it', () => {
  test('GetAuthorizationToken: same target, body and headers; the signature equals the SDK signer over the SDK request', async () => {
    await new SdkEcr().privateTokens('us-east-1', ['123456789012']);
    const fastTokens = await fast().privateTokens('us-east-1', ['123456789012']);
    const [sdk, ours] = seen as [Seen, Seen];
    expect(fastTokens).toEqual([{ account: '123456789012', username: 'AWS', password: 'pw', expiresAt: new Date(1767225600 * 1000) }]);
    for (const h of ['host', 'content-type', 'x-amz-target', 'x-amz-security-token']) expect(ours.headers[h]).toBe(sdk.headers[h]);
    expect(ours.url).toBe(sdk.url);
    expect(JSON.parse(ours.body)).toEqual(JSON.parse(sdk.body));
    expect(ours.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDFAST\/\d{8}\/us-east-1\/ecr\/aws4_request, SignedHeaders=.*host.*x-amz-security-token.*x-amz-target, Signature=[0-9a-f]{64}$/,
    );

    // The SDK's request, re-signed by the fast path's signer at the SDK's time: the SDK's signature.
    const signedNames = /SignedHeaders=([^,]+)/.exec(String(sdk.headers.authorization))?.[1]?.split(';') ?? [];
    const skip = new Set(['host', 'content-length', 'x-amz-date', 'x-amz-security-token']);
    const headers = Object.fromEntries(signedNames.filter((n) => !skip.has(n)).map((n) => [n, String(sdk.headers[n])]));
    const date = String(sdk.headers['x-amz-date']).replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z');
    const resigned = await signRequest(
      {
        service: 'ecr',
        region: 'us-east-1',
        endpoint: url,
        headers,
        body: sdk.body,
        credentials: fastSettings(process.env)!.credentials,
        maxAttempts: 1,
        parseError: jsonError,
      },
      new Date(date),
    );
    expect(resigned.headers.authorization).toBe(sdk.headers.authorization);
  });

  test('BatchGetImage and GetCallerIdentity: same target and body as the SDK', async () => {
    const q = { region: 'us-east-1', account: '123456789012', repository: 'app', tags: ['v1', `sha256:${'a'.repeat(64)}`] };
    const answer = {
      status: 200,
      body: JSON.stringify({ images: [{ imageId: { imageTag: 'v1', imageDigest: 'sha256:1' }, imageManifest: '{}' }], failures: [] }),
    };
    const sts = {
      status: 200,
      type: 'text/xml',
      body: '<GetCallerIdentityResponse><GetCallerIdentityResult><Account>012345678901</Account></GetCallerIdentityResult></GetCallerIdentityResponse>',
    };
    script = [answer, answer, sts, sts];
    const viaSdk = await new SdkEcr().findImages(q);
    const viaFast = await fast().findImages(q);
    expect(viaFast).toEqual(viaSdk);
    expect(await new SdkEcr().accountId('us-east-1')).toBe('012345678901');
    expect(await fast().accountId('us-east-1')).toBe('012345678901');
    const [b1, b2, s1, s2] = seen as [Seen, Seen, Seen, Seen];
    expect(b2.headers['x-amz-target']).toBe(b1.headers['x-amz-target']);
    expect(JSON.parse(b2.body)).toEqual(JSON.parse(b1.body));
    expect(new URLSearchParams(s2.body).toString()).toBe(new URLSearchParams(s1.body).toString());
    expect(s2.headers.authorization).toMatch(/\/us-east-1\/sts\/aws4_request/);
  });
});

describe('the same errors as the SDK, after the same retries', () => {
  /** Run one scripted failure through both paths; each must fail (or pass) alike. */
  async function both(answers: Answer[], call: (e: Ecr) => Promise<unknown>): Promise<{ sdk: unknown; fast: unknown; calls: [number, number] }> {
    const out: unknown[] = [];
    const calls: number[] = [];
    for (const ecr of [new SdkEcr(), fast()]) {
      seen = [];
      script = [...answers];
      out.push(
        await call(ecr).then(
          () => 'ok',
          (e: unknown) => e,
        ),
      );
      calls.push(seen.length);
    }
    return { sdk: out[0], fast: out[1], calls: calls as [number, number] };
  }
  const json = (status: number, code: string, message: string): Answer => ({ status, body: JSON.stringify({ __type: code, message }) });
  const tokens = (e: Ecr) => e.privateTokens('us-east-1', []);

  test('AccessDenied: a PermissionError naming the IAM action, not retried', async () => {
    const r = await both([json(400, 'AccessDeniedException', 'not authorized')], tokens);
    expect(r.fast).toBeInstanceOf(PermissionError);
    expect((r.fast as Error).message).toBe((r.sdk as Error).message);
    expect((r.fast as Error).message).toMatch(/the role needs ecr:GetAuthorizationToken/);
    expect(r.calls).toEqual([1, 1]);
  });

  test('throttling is retried to success', async () => {
    const r = await both([json(400, 'ThrottlingException', 'slow down')], tokens);
    expect(r).toEqual({ sdk: 'ok', fast: 'ok', calls: [2, 2] });
  });

  test('a persistent 5xx fails with the API error after AWS_MAX_ATTEMPTS', async () => {
    const five = json(500, 'ServerException', 'boom');
    const r = await both([five, five, five], tokens);
    expect((r.fast as Error).message).toBe((r.sdk as Error).message);
    expect((r.fast as Error).message).toMatch(/ecr:GetAuthorizationToken in us-east-1 failed: ServerException: boom/);
    expect(r.calls).toEqual([2, 2]);
  });

  test('a 502 HTML page from a proxy is retried, then named by the call', async () => {
    const html = { status: 502, body: '<html>bad gateway</html>', type: 'text/html' };
    const r = await both([html, html, html], tokens);
    expect((r.fast as Error).message).toMatch(/^ecr:GetAuthorizationToken in us-east-1 failed: /);
    expect((r.sdk as Error).message).toMatch(/^ecr:GetAuthorizationToken in us-east-1 failed: /);
    expect(r.calls).toEqual([2, 2]);
  });

  test('RepositoryNotFound on BatchGetImage', async () => {
    const r = await both([json(400, 'RepositoryNotFoundException', "The repository with name 'x' does not exist")], (e) =>
      e.findImages({ region: 'us-east-1', repository: 'x', tags: ['t'] }),
    );
    expect(r.fast).toBeInstanceOf(RepositoryNotFoundError);
    expect((r.fast as Error).message).toBe((r.sdk as Error).message);
  });

  test('STS AccessDenied in the query protocol', async () => {
    const xml = {
      status: 403,
      type: 'text/xml',
      body: '<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>no</Message></Error></ErrorResponse>',
    };
    const r = await both([xml], (e) => e.accountId('us-east-1'));
    expect(r.fast).toBeInstanceOf(PermissionError);
    expect((r.fast as Error).message).toBe((r.sdk as Error).message);
  });

  test('a refused connection names the address, after the retries', async () => {
    const dead = createServer();
    await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
    const port = (dead.address() as AddressInfo).port;
    await new Promise<void>((r) => dead.close(() => r()));
    process.env.AWS_ENDPOINT_URL_ECR = `http://127.0.0.1:${port}`;
    const r = await both([], tokens);
    expect(r.fast).toBeInstanceOf(NetworkError);
    expect(r.sdk).toBeInstanceOf(NetworkError);
    expect((r.fast as Error).message).toMatch(new RegExp(`connection refused.*127\\.0\\.0\\.1:${port}`));
  });

  test('error codes are read as the SDK reads them', () => {
    expect(sanitizeErrorCode('com.amazonaws.ecr#ThrottlingException')).toBe('ThrottlingException');
    expect(sanitizeErrorCode('AccessDeniedException:http://internal.amazon.com/')).toBe('AccessDeniedException');
    expect(jsonError(400, { 'x-amzn-errortype': 'LimitExceededException' }, '{"__type":"Other"}').code).toBe('LimitExceededException');
    expect(jsonError(503, {}, '').code).toBe('503');
  });
});
