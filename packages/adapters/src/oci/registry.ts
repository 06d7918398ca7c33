import { createHash } from 'node:crypto';
import { CredentialsError, PermissionError } from '../errors.js';
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

/** The OCI distribution API, as far as the project needs it. */
export interface Registry {
  /** HEAD the manifest: its digest, or undefined when the registry says it is not there. */
  headManifest(t: ManifestTarget, creds?: BasicCredentials): Promise<ManifestInfo | undefined>;
}

/** Loopback registries may speak plain HTTP, as docker allows for them by default. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/:\d+$/, '');
  return bare === 'localhost' || /^127\./.test(bare) || bare === '[::1]';
}

const basic = (c: BasicCredentials): string => `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;

/** The distribution API over fetch: anonymous, Basic, or the Bearer token challenge. */
export class HttpRegistry implements Registry {
  /** Hosts found to speak plain HTTP. */
  private readonly schemes = new Map<string, 'http'>();
  constructor(
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly timeoutMs = 30000,
  ) {}

  async headManifest(t: ManifestTarget, explicit?: BasicCredentials): Promise<ManifestInfo | undefined> {
    const accept = MANIFEST_MEDIA_TYPES.join(', ');
    let url = `${this.schemes.get(t.host) ?? 'https'}://${t.host}/v2/${t.name}/manifests/${t.reference}`;
    const request = async (method: 'HEAD' | 'GET', authorization?: string): Promise<Response> => {
      const init = {
        method,
        headers: { Accept: accept, ...(authorization ? { Authorization: authorization } : {}) },
        signal: AbortSignal.timeout(this.timeoutMs),
      };
      try {
        return await fetch(url, init);
      } catch (e) {
        // Like docker: a loopback registry that does not speak TLS is asked again over HTTP.
        if (!url.startsWith('https:') || !isLoopback(t.host)) throw e;
        this.schemes.set(t.host, 'http');
        url = url.replace(/^https:/, 'http:');
        return fetch(url, init);
      }
    };

    let authorization: string | undefined;
    let res = await request('HEAD');
    if (res.status === 401) {
      const creds = explicit ?? (await dockerConfigCredentials(t.host, this.env));
      authorization = await this.authorize(res.headers.get('www-authenticate'), t, creds);
      res = await request('HEAD', authorization);
    }
    if (res.status === 404) return undefined;
    if (res.status === 401) throw new CredentialsError(`${t.host} refused the credentials for ${t.name} (HTTP 401): check username/password or the docker login`);
    if (res.status === 403) throw new PermissionError(`${t.host} denied pull access to ${t.name} (HTTP 403)`);
    if (!res.ok) throw new Error(`HEAD ${url} answered HTTP ${res.status}`);

    const mediaType = res.headers.get('content-type') ?? '';
    const digest = res.headers.get('docker-content-digest');
    if (digest) return { digest, mediaType };
    // Some registries leave the digest header out of HEAD answers: hash the manifest itself.
    const body = Buffer.from(await (await request('GET', authorization)).arrayBuffer());
    return { digest: `sha256:${createHash('sha256').update(body).digest('hex')}`, mediaType };
  }

  private async authorize(header: string | null, t: ManifestTarget, creds: BasicCredentials | undefined): Promise<string> {
    const ch = parseChallenge(header);
    if (ch?.scheme === 'basic') {
      if (!creds) throw new CredentialsError(`${t.host} needs credentials (Basic auth): give username and password, or docker login first`);
      return basic(creds);
    }
    if (ch?.scheme === 'bearer' && ch.params.realm) {
      const u = new URL(ch.params.realm);
      if (ch.params.service) u.searchParams.set('service', ch.params.service);
      u.searchParams.set('scope', ch.params.scope ?? `repository:${t.name}:pull`);
      const res = await fetch(u, {
        headers: creds ? { Authorization: basic(creds) } : {},
        signal: AbortSignal.timeout(this.timeoutMs),
      });
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
