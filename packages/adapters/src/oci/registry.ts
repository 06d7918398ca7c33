import { createHash } from 'node:crypto';
import { CredentialsError, ImmutableTagError, PermissionError, asNetworkError } from '../errors.js';
import { MANIFEST_MEDIA_TYPES } from '../media-types.js';
import { parseChallenge } from './challenge.js';
import { type BasicCredentials, dockerConfigCredentials } from './docker-config.js';

export interface ManifestTarget {
  host: string;
  name: string;
  /** Tag or digest. */
  reference: string;
}

export interface ManifestInfo {
  digest: string;
  mediaType: string;
}

export interface Manifest extends ManifestInfo {
  body: Buffer;
}

/** The OCI distribution API, as far as the project needs it. */
export interface Registry {
  /** HEAD the manifest: its digest, or undefined when the registry says it is not there. */
  headManifest(t: ManifestTarget, creds?: BasicCredentials): Promise<ManifestInfo | undefined>;
  /** GET the manifest bytes (to put them under another tag without a pull). */
  getManifest(t: ManifestTarget, creds?: BasicCredentials): Promise<Manifest | undefined>;
  /** PUT manifest bytes under `t.reference`. ImmutableTagError when the registry refuses to move a tag. */
  putManifest(t: ManifestTarget, m: Manifest, creds?: BasicCredentials): Promise<void>;
}

/** Loopback registries may speak plain HTTP, as docker allows for them by default. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/:\d+$/, '');
  return bare === 'localhost' || /^127\./.test(bare) || bare === '[::1]';
}

const basic = (c: BasicCredentials): string => `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
const sha256 = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

interface Call {
  method: 'HEAD' | 'GET' | 'PUT';
  t: ManifestTarget;
  creds: BasicCredentials | undefined;
  body?: Buffer;
  contentType?: string;
}

/** The distribution API over fetch: anonymous, Basic, or the Bearer token challenge. */
export class HttpRegistry implements Registry {
  /** Hosts found to speak plain HTTP. */
  private readonly schemes = new Map<string, 'http'>();
  constructor(
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly timeoutMs = 30000,
  ) {}

  async headManifest(t: ManifestTarget, explicit?: BasicCredentials): Promise<ManifestInfo | undefined> {
    const res = await this.call({ method: 'HEAD', t, creds: explicit });
    if (res.status === 404) return undefined;
    this.check(res, 'HEAD', t);
    const mediaType = res.headers.get('content-type') ?? '';
    const digest = res.headers.get('docker-content-digest');
    if (digest) return { digest, mediaType };
    // Some registries leave the digest header out of HEAD answers: hash the manifest itself.
    const m = await this.getManifest(t, explicit);
    return m && { digest: m.digest, mediaType: m.mediaType };
  }

  async getManifest(t: ManifestTarget, explicit?: BasicCredentials): Promise<Manifest | undefined> {
    const res = await this.call({ method: 'GET', t, creds: explicit });
    if (res.status === 404) return undefined;
    this.check(res, 'GET', t);
    const body = Buffer.from(await res.arrayBuffer());
    return { body, digest: sha256(body), mediaType: res.headers.get('content-type') ?? '' };
  }

  async putManifest(t: ManifestTarget, m: Manifest, explicit?: BasicCredentials): Promise<void> {
    const res = await this.call({ method: 'PUT', t, creds: explicit, body: m.body, contentType: m.mediaType });
    if (res.ok) return;
    const text = await res.text().catch(() => '');
    if (res.status === 400 && /TAG_INVALID|immutable|cannot be overwritten/i.test(text)) {
      throw new ImmutableTagError(`${t.host} refused to move ${t.name}:${t.reference}: ${text.slice(0, 300)}`);
    }
    this.check(res, 'PUT', t, text);
  }

  private check(res: Response, method: string, t: ManifestTarget, text = ''): void {
    if (res.ok) return;
    const action = method === 'PUT' ? 'push' : 'pull';
    if (res.status === 401)
      throw new CredentialsError(`${t.host} refused the credentials for ${t.name} (HTTP 401): check username/password or the docker login`);
    if (res.status === 403) throw new PermissionError(`${t.host} denied ${action} access to ${t.name} (HTTP 403)`);
    throw new Error(`${method} ${t.host}/v2/${t.name}/manifests/${t.reference} answered HTTP ${res.status}${text ? `: ${text.slice(0, 300)}` : ''}`);
  }

  /** One request, authorised on a 401 challenge (push scope for a PUT). */
  private async call(c: Call): Promise<Response> {
    const first = await this.send(c);
    if (first.status !== 401) return first;
    const creds = c.creds ?? (await dockerConfigCredentials(c.t.host, this.env));
    const authorization = await this.authorize(first.headers.get('www-authenticate'), c, creds);
    return this.send(c, authorization);
  }

  private async send(c: Call, authorization?: string): Promise<Response> {
    const { host, name, reference } = c.t;
    const init = {
      method: c.method,
      headers: {
        Accept: MANIFEST_MEDIA_TYPES.join(', '),
        ...(c.contentType ? { 'Content-Type': c.contentType } : {}),
        ...(authorization ? { Authorization: authorization } : {}),
      },
      ...(c.body ? { body: c.body } : {}),
      signal: AbortSignal.timeout(this.timeoutMs),
    };
    const url = (scheme: string): string => `${scheme}://${host}/v2/${name}/manifests/${reference}`;
    const scheme = this.schemes.get(host) ?? 'https';
    try {
      return await fetch(url(scheme), init);
    } catch (e) {
      // Like docker: a loopback registry that does not speak TLS is asked again over HTTP.
      if (scheme === 'https' && isLoopback(host) && !asNetworkError(e, host)?.message.includes('refused')) {
        try {
          const res = await fetch(url('http'), { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
          this.schemes.set(host, 'http');
          return res;
        } catch (e2) {
          throw asNetworkError(e2, host) ?? e2;
        }
      }
      throw asNetworkError(e, host) ?? e;
    }
  }

  private async authorize(header: string | null, c: Call, creds: BasicCredentials | undefined): Promise<string> {
    const { t } = c;
    const ch = parseChallenge(header);
    if (ch?.scheme === 'basic') {
      if (!creds) throw new CredentialsError(`${t.host} needs credentials (Basic auth): give username and password, or docker login first`);
      return basic(creds);
    }
    if (ch?.scheme === 'bearer' && ch.params.realm) {
      const u = new URL(ch.params.realm);
      if (ch.params.service) u.searchParams.set('service', ch.params.service);
      u.searchParams.set('scope', ch.params.scope ?? `repository:${t.name}:${c.method === 'PUT' ? 'pull,push' : 'pull'}`);
      let res: Response;
      try {
        res = await fetch(u, { headers: creds ? { Authorization: basic(creds) } : {}, signal: AbortSignal.timeout(this.timeoutMs) });
      } catch (e) {
        throw asNetworkError(e, `${u.host} (the token service of ${t.host})`) ?? e;
      }
      if (res.status === 401 || res.status === 403) {
        throw new CredentialsError(`${t.host}'s token service refused ${creds ? 'the credentials' : 'anonymous access'} for ${t.name} (HTTP ${res.status})`);
      }
      if (!res.ok) throw new Error(`token request to ${u.origin} answered HTTP ${res.status}`);
      const body = (await res.json()) as { token?: string; access_token?: string };
      const token = body.token ?? body.access_token;
      if (!token) throw new Error(`token service of ${t.host} answered without a token`);
      return `Bearer ${token}`;
    }
    throw new CredentialsError(`${t.host} asked for authentication this action does not speak: ${header ?? '(no WWW-Authenticate)'}`);
  }
}
