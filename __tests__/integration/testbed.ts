// Helpers over the testbed (testbed/up.sh): raw registry HTTP for fixtures and for checking
// what the actions report, and the stand-in's control API.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const tb = {
  get dir(): string {
    return process.env.TESTBED_DIR as string;
  },
  ecrHost: '123456789012.dkr.ecr.us-east-1.amazonaws.com',
  ociHost: '127.0.0.1:5000',
  bearerHost: '127.0.0.1:5001',
  immutableHost: '127.0.0.1:5002',
  standin: 'http://127.0.0.1:4566',
  ecrAuth: { username: 'AWS', password: 'ecr-secret' },
  ociAuth: { username: 'ci', password: 'ci-secret' },
};

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export function request(url: string, o: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {}): Promise<Reply> {
  const u = new URL(url);
  const lib = u.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      u,
      {
        method: o.method ?? 'GET',
        headers: o.headers ?? {},
        // No pooled sockets: a registry closing an idle kept-alive one made "socket hang up".
        agent: false,
        ...(u.protocol === 'https:' ? { ca: readFileSync(join(tb.dir, 'ca.crt')) } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(o.body);
  });
}

const basic = (a: { username: string; password: string }): string => `Basic ${Buffer.from(`${a.username}:${a.password}`).toString('base64')}`;

/** Authorization for a registry: Basic directly, or a Bearer token from the stand-in for :5001. */
async function authHeader(host: string, name: string, auth: { username: string; password: string }): Promise<string> {
  if (host !== tb.bearerHost) return basic(auth);
  const r = await request(`${tb.standin}/token?service=testbed-registry&scope=repository:${name}:pull,push`, { headers: { Authorization: basic(auth) } });
  return `Bearer ${JSON.parse(r.body.toString()).token}`;
}

/** Parsed registry and stand-in JSON, whose fields the tests read directly (what JSON.parse returns). */
type ParsedJson = ReturnType<typeof JSON.parse>;

const base = (host: string): string => (host.startsWith('127.') ? `http://${host}` : `https://${host}`);
const sha = (b: Buffer | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** Push a small random image straight through the distribution API; returns its manifest digest. */
export async function pushRandomImage(host: string, name: string, tag: string, auth: { username: string; password: string }): Promise<string> {
  const authorization = await authHeader(host, name, auth);
  const layer = Buffer.from(randomBytes(32));
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [sha(layer)] } }));
  for (const blob of [layer, config]) {
    const start = await request(`${base(host)}/v2/${name}/blobs/uploads/`, {
      method: 'POST',
      headers: { Authorization: authorization, 'Content-Length': '0' },
    });
    const location = new URL(start.headers.location as string, base(host));
    location.searchParams.set('digest', sha(blob));
    const r = await request(location.toString(), {
      method: 'PUT',
      headers: { Authorization: authorization, 'Content-Type': 'application/octet-stream', 'Content-Length': String(blob.length) },
      body: blob,
    });
    if (r.status !== 201) throw new Error(`blob upload to ${host}/${name}: HTTP ${r.status} ${r.body.toString()}`);
  }
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: config.length, digest: sha(config) },
    layers: [{ mediaType: 'application/vnd.docker.image.rootfs.diff.tar', size: layer.length, digest: sha(layer) }],
  });
  const r = await request(`${base(host)}/v2/${name}/manifests/${tag}`, {
    method: 'PUT',
    headers: { Authorization: authorization, 'Content-Type': 'application/vnd.docker.distribution.manifest.v2+json' },
    body: manifest,
  });
  if (r.status !== 201) throw new Error(`manifest put to ${host}/${name}:${tag}: HTTP ${r.status} ${r.body.toString()}`);
  return r.headers['docker-content-digest'] as string;
}

/** The registry's own Docker-Content-Digest for a tag, or undefined when it has none. */
export async function registryDigest(host: string, name: string, ref: string, auth: { username: string; password: string }): Promise<string | undefined> {
  const r = await request(`${base(host)}/v2/${name}/manifests/${ref}`, {
    method: 'HEAD',
    headers: {
      Authorization: await authHeader(host, name, auth),
      Accept:
        'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.docker.distribution.manifest.v2+json',
    },
  });
  return r.status === 200 ? (r.headers['docker-content-digest'] as string) : undefined;
}

export const standin = {
  async faults(list: { op: string; code?: string; status?: number; count?: number; delayMs?: number; message?: string }[]): Promise<void> {
    await request(`${tb.standin}/__faults`, { method: 'POST', body: JSON.stringify(list) });
  },
  async reset(): Promise<void> {
    await request(`${tb.standin}/__reset`, { method: 'POST' });
  },
  async calls(): Promise<Record<string, number>> {
    return JSON.parse((await request(`${tb.standin}/__calls`)).body.toString());
  },
};

/** A fresh DOCKER_CONFIG directory, optionally holding logins (as `docker login` writes them). */
export function dockerConfig(auths: Record<string, { username: string; password: string }> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'docker-config-'));
  const entries = Object.fromEntries(Object.entries(auths).map(([h, a]) => [h, { auth: Buffer.from(`${a.username}:${a.password}`).toString('base64') }]));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths: entries }));
  return dir;
}

export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** The environment an action step gets in these tests: the testbed's AWS settings and a docker config. */
export function actionEnv(dockerConfigDir: string, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  const pick = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('AWS_') || k === 'NODE_EXTRA_CA_CERTS'));
  return { ...pick, DOCKER_CONFIG: dockerConfigDir, ...extra };
}

export function dockerAuths(dir: string): string[] {
  return Object.keys(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).auths ?? {});
}

/**
 * A PATH entry whose `docker` records each command line, then runs the real docker: the real
 * engine does the work, the test sees what was asked of it.
 */
export function dockerSpy(): { path: string; commands: () => string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'docker-spy-'));
  const real = execFileSync('sh', ['-c', 'command -v docker'], { encoding: 'utf8' }).trim();
  const log = join(dir, 'commands.log');
  writeFileSync(join(dir, 'docker'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${real}' "$@"\n`, { mode: 0o755 });
  writeFileSync(log, '');
  return { path: `${dir}:${process.env.PATH}`, commands: () => readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}

const ALL_MANIFESTS =
  'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.docker.distribution.manifest.v2+json';

/** A manifest as the registry serves it (any of the four media types), or undefined when absent. */
export async function registryManifest(
  host: string,
  name: string,
  ref: string,
  auth: { username: string; password: string },
): Promise<{ mediaType: string; digest: string; size: number; json: ParsedJson } | undefined> {
  const r = await request(`${base(host)}/v2/${name}/manifests/${ref}`, {
    headers: { Authorization: await authHeader(host, name, auth), Accept: ALL_MANIFESTS },
  });
  if (r.status !== 200) return undefined;
  return {
    mediaType: String(r.headers['content-type']),
    digest: r.headers['docker-content-digest'] as string,
    size: r.body.length,
    json: JSON.parse(r.body.toString()),
  };
}

/** The tags a repository lists (empty when it has none or does not exist). */
export async function registryTags(host: string, name: string, auth: { username: string; password: string }): Promise<string[]> {
  const r = await request(`${base(host)}/v2/${name}/tags/list`, { headers: { Authorization: await authHeader(host, name, auth) } });
  return r.status === 200 ? ((JSON.parse(r.body.toString()).tags as string[] | null) ?? []) : [];
}

/** One ECR API call to the stand-in (AWS JSON 1.1); the parsed answer and its HTTP status. */
export async function ecrCall(op: string, body: unknown): Promise<{ status: number; json: ParsedJson }> {
  const r = await request(tb.standin, {
    method: 'POST',
    headers: {
      'X-Amz-Target': `AmazonEC2ContainerRegistry_V20150921.${op}`,
      'Content-Type': 'application/x-amz-json-1.1',
      Authorization: 'AWS4-HMAC-SHA256 Credential=AKIDTESTBED/20261203/us-east-1/ecr/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: JSON.stringify(body),
  });
  return { status: r.status, json: JSON.parse(r.body.toString() || '{}') };
}
