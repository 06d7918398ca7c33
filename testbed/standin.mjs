#!/usr/bin/env node
// A stand-in for the ECR, ECR Public and STS HTTP APIs, answering from a real registry.
// ECR speaks AWS JSON 1.1 (X-Amz-Target AmazonEC2ContainerRegistry_V20150921.*), ECR Public
// AWS JSON 1.1 (SpencerFrontendService.*), STS awsQuery (form body, XML answer). It also
// issues registry Bearer tokens (/token) for a registry configured with token auth.
// Image indexes as ECR has them: BatchGetImage honours acceptedMediaTypes, PutImage refuses an
// index naming an absent child, PutImageTagMutability makes a repository IMMUTABLE.
//
// Control API for tests (scan findings: POST /__scans, see standin-scan.mjs): POST /__faults [{op, code, status, message, count, delayMs, body}]
// (body: a raw answer sent as is, e.g. malformed JSON),
// GET /__calls (count per op), GET /__repositories (what CreateRepository and
// PutLifecyclePolicy were asked, by name), POST /__reset.
//
// Configuration (env): STANDIN_PORT (4566), STANDIN_REGISTRY (https://host:port of the
// registry behind ECR), STANDIN_REGISTRY_USER/PASSWORD (its htpasswd user; the password is
// what GetAuthorizationToken hands out), STANDIN_ACCOUNT (123456789012), STANDIN_REPOSITORIES
// (comma list of repositories that exist even before a push), STANDIN_TOKEN_KEY/CERT (PEM
// files signing Bearer tokens), STANDIN_TOKEN_USERS (user:password,...).
import { createHash, createSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { resetScans, scanControl, scanOps } from './standin-scan.mjs';

const env = process.env;
const PORT = Number(env.STANDIN_PORT || 4566);
const REGISTRY = env.STANDIN_REGISTRY || 'http://127.0.0.1:5000';
const USER = env.STANDIN_REGISTRY_USER || 'AWS';
const PASSWORD = env.STANDIN_REGISTRY_PASSWORD || 'ecr-secret';
const ACCOUNT = env.STANDIN_ACCOUNT || '123456789012';
const KNOWN_REPOS = new Set((env.STANDIN_REPOSITORIES || '').split(',').filter(Boolean));
const MEDIA_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];

let faults = [];
let calls = {};

const registryAuth = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

async function registryFetch(path, method = 'GET', body, contentType) {
  const headers = { Authorization: registryAuth, Accept: MEDIA_TYPES.join(', '), ...(contentType ? { 'Content-Type': contentType } : {}) };
  return fetch(`${REGISTRY}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
}

/** What CreateRepository / PutLifecyclePolicy were asked, by repository (GET /__repositories). */
const created = {};

/** Whether a tag may move in a repository created with these settings (ECR's wildcard filters). */
function tagMayMove(settings, tag) {
  const m = settings?.imageTagMutability || 'MUTABLE';
  if (m === 'MUTABLE') return true;
  if (m !== 'IMMUTABLE_WITH_EXCLUSION') return false;
  const wild = (f) => new RegExp(`^${f.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return (settings.imageTagMutabilityExclusionFilters || []).some((f) => wild(f.filter).test(tag));
}

class ApiError extends Error {
  constructor(code, message, status = 400) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

/** Region and access key from the SigV4 Authorization header. */
function signer(req) {
  const m = /Credential=([^/]+)\/\d+\/([^/]+)\/([^/]+)\//.exec(req.headers.authorization || '');
  if (!m) throw new ApiError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403);
  return { accessKey: m[1], region: m[2], service: m[3] };
}

function token() {
  return Buffer.from(`AWS:${PASSWORD}`).toString('base64');
}

const expiresAt = () => Math.floor(Date.now() / 1000) + 12 * 3600;

async function repositoryExists(name) {
  if (KNOWN_REPOS.has(name)) return true;
  const r = await registryFetch(`/v2/${name}/tags/list`);
  return r.status === 200;
}

/** BatchGetImage's acceptedMediaTypes (absent: every type) against what the registry served. */
function acceptable(body, reply) {
  const types = body.acceptedMediaTypes;
  return !types?.length || types.includes(reply.headers.get('content-type'));
}

/** An index's children must be in the repository before it (ECR: ReferencedImagesNotFoundException). */
async function requireChildren(repo, manifest) {
  const children = (JSON.parse(manifest).manifests || []).map((m) => m.digest);
  const found = await Promise.all(children.map((d) => registryFetch(`/v2/${repo}/manifests/${d}`, 'HEAD')));
  const missing = children.filter((_, n) => found[n].status !== 200);
  if (missing.length) {
    throw new ApiError(
      'ReferencedImagesNotFoundException',
      `Images with digests '[${missing.join(', ')}]' do not exist in the repository with name '${repo}' in the registry with id '${ACCOUNT}'`,
    );
  }
}

const ecr = {
  async GetAuthorizationToken(body, who) {
    const ids = body.registryIds?.length ? body.registryIds : [ACCOUNT];
    return {
      authorizationData: ids.map((id) => ({
        authorizationToken: token(),
        expiresAt: expiresAt(),
        proxyEndpoint: `https://${id}.dkr.ecr.${who.region}.amazonaws.com`,
      })),
    };
  },
  async BatchGetImage(body) {
    const repo = body.repositoryName;
    if (!(await repositoryExists(repo))) {
      throw new ApiError(
        'RepositoryNotFoundException',
        `The repository with name '${repo}' does not exist in the registry with id '${body.registryId || ACCOUNT}'`,
      );
    }
    if ((body.imageIds || []).length > 100) throw new ApiError('InvalidParameterException', 'imageIds: at most 100');
    const images = [];
    const failures = [];
    const ids = body.imageIds || [];
    const answers = await Promise.all(ids.map((id) => registryFetch(`/v2/${repo}/manifests/${id.imageTag || id.imageDigest}`)));
    for (const [n, id] of ids.entries()) {
      const r = answers[n];
      if (r.status === 200 && !acceptable(body, r)) {
        failures.push({
          imageId: id,
          failureCode: 'UnsupportedImageType',
          failureReason: `Image is a ${r.headers.get('content-type')}, not an accepted media type`,
        });
      } else if (r.status === 200) {
        const manifest = await r.text();
        images.push({
          registryId: body.registryId || ACCOUNT,
          repositoryName: repo,
          imageId: { ...(id.imageTag ? { imageTag: id.imageTag } : {}), imageDigest: r.headers.get('docker-content-digest') },
          imageManifest: manifest,
          imageManifestMediaType: r.headers.get('content-type'),
        });
      } else {
        failures.push({ imageId: id, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' });
      }
    }
    return { images, failures };
  },
  async CreateRepository(body) {
    const name = body.repositoryName;
    if (created[name] || (await repositoryExists(name))) {
      throw new ApiError('RepositoryAlreadyExistsException', `The repository with name '${name}' already exists in the registry with id '${ACCOUNT}'`);
    }
    KNOWN_REPOS.add(name);
    created[name] = { ...body };
    return { repository: { repositoryName: name, registryId: ACCOUNT, imageTagMutability: body.imageTagMutability || 'MUTABLE' } };
  },
  async PutLifecyclePolicy(body) {
    const name = body.repositoryName;
    if (!(await repositoryExists(name))) throw new ApiError('RepositoryNotFoundException', `The repository with name '${name}' does not exist`);
    created[name] = { ...created[name], lifecyclePolicyText: body.lifecyclePolicyText };
    return { registryId: ACCOUNT, repositoryName: name, lifecyclePolicyText: body.lifecyclePolicyText };
  },
  async PutImageTagMutability(body) {
    if (!(await repositoryExists(body.repositoryName)))
      throw new ApiError('RepositoryNotFoundException', `The repository with name '${body.repositoryName}' does not exist`);
    created[body.repositoryName] = {
      ...created[body.repositoryName],
      imageTagMutability: body.imageTagMutability,
      imageTagMutabilityExclusionFilters: body.imageTagMutabilityExclusionFilters,
    };
    return { registryId: ACCOUNT, repositoryName: body.repositoryName, imageTagMutability: body.imageTagMutability };
  },
  async PutImage(body) {
    const repo = body.repositoryName;
    if (!(await repositoryExists(repo))) throw new ApiError('RepositoryNotFoundException', `The repository with name '${repo}' does not exist`);
    const tag = body.imageTag;
    const now = tag ? await registryFetch(`/v2/${repo}/manifests/${tag}`, 'HEAD') : { status: 404 };
    const digest = `sha256:${createHash('sha256').update(body.imageManifest).digest('hex')}`;
    if (body.imageDigest && body.imageDigest !== digest) throw new ApiError('ImageDigestDoesNotMatchException', 'The image digest does not match the manifest');
    if (now.status === 200) {
      if (now.headers.get('docker-content-digest') === digest) {
        throw new ApiError(
          'ImageAlreadyExistsException',
          `Image with digest '${digest}' and tag '${tag}' already exists in the repository with name '${repo}'`,
        );
      }
      if (!tagMayMove(created[repo], tag)) {
        throw new ApiError(
          'ImageTagAlreadyExistsException',
          `The image tag '${tag}' already exists in the '${repo}' repository and cannot be overwritten because the tag is immutable.`,
        );
      }
    }
    const type = body.imageManifestMediaType || JSON.parse(body.imageManifest).mediaType || 'application/vnd.docker.distribution.manifest.v2+json';
    await requireChildren(repo, body.imageManifest);
    const put = await registryFetch(`/v2/${repo}/manifests/${tag || digest}`, 'PUT', body.imageManifest, type);
    if (put.status !== 201) throw new ApiError('ServerException', `registry answered ${put.status}: ${await put.text()}`, 500);
    return { image: { registryId: ACCOUNT, repositoryName: repo, imageId: { imageTag: tag, imageDigest: digest }, imageManifest: body.imageManifest } };
  },
};

// Image scanning (DescribeImageScanFindings, StartImageScan): testbed/standin-scan.mjs.
Object.assign(ecr, scanOps({ registryFetch, ApiError, repositoryExists }));

const ecrPublic = {
  async GetAuthorizationToken() {
    return { authorizationData: { authorizationToken: token(), expiresAt: expiresAt() } };
  },
  async CreateRepository(body) {
    const key = `public/${body.repositoryName}`;
    if (created[key]) throw new ApiError('RepositoryAlreadyExistsException', `The repository with name '${body.repositoryName}' already exists`);
    created[key] = { ...body };
    return { repository: { repositoryName: body.repositoryName } };
  },
};

function stsReply(req, form) {
  const action = form.get('Action');
  if (action !== 'GetCallerIdentity') throw new ApiError('InvalidAction', `Could not find operation ${action}`);
  const who = signer(req);
  return `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>arn:aws:sts::${ACCOUNT}:assumed-role/ci/${who.accessKey}</Arn>
    <UserId>AROATEST:${who.accessKey}</UserId>
    <Account>${ACCOUNT}</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata>
</GetCallerIdentityResponse>`;
}

/** The first fault that matches this op, counted down; undefined when none. */
function takeFault(op) {
  const f = faults.find((x) => (x.op === op || x.op === '*') && x.count !== 0);
  if (f && f.count > 0) f.count -= 1;
  return f;
}

// ---- Bearer tokens for a registry with `auth: token` (distribution verifies x5c against its root bundle)
const b64url = (b) => Buffer.from(b).toString('base64url');
function issueToken(req, url) {
  const users = new Map(
    (env.STANDIN_TOKEN_USERS || '')
      .split(',')
      .filter(Boolean)
      .map((u) => u.split(':')),
  );
  const auth = req.headers.authorization;
  let subject = '';
  if (auth?.startsWith('Basic ')) {
    const [u, p] = Buffer.from(auth.slice(6), 'base64').toString().split(':');
    if (users.get(u) !== p) return { status: 401, body: { errors: [{ code: 'UNAUTHORIZED', message: 'bad credentials' }] } };
    subject = u;
  }
  const access = [];
  const scope = url.searchParams.get('scope');
  if (scope && subject) {
    const [type, name, actions] = scope.split(':');
    access.push({ type, name, actions: actions.split(',') });
  } else if (scope && scope.split(':')[1]?.startsWith('public/')) {
    access.push({ type: 'repository', name: scope.split(':')[1], actions: ['pull'] });
  }
  const cert = readFileSync(env.STANDIN_TOKEN_CERT, 'utf8');
  const der = cert.replace(/-----[^-]+-----|\s/g, '');
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'RS256', typ: 'JWT', x5c: [der] };
  const claims = {
    iss: 'ensure-image-standin',
    sub: subject,
    aud: url.searchParams.get('service'),
    exp: now + 300,
    nbf: now - 10,
    iat: now,
    jti: createHash('sha1').update(String(Math.random())).digest('hex'),
    access,
  };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  const sig = createSign('RSA-SHA256').update(input).sign(readFileSync(env.STANDIN_TOKEN_KEY, 'utf8'));
  return { status: 200, body: { token: `${input}.${b64url(sig)}`, expires_in: 300 } };
}

function send(res, status, body, type = 'application/x-amz-json-1.1', headers = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': type, 'x-amzn-RequestId': 'standin', ...headers });
  res.end(text);
}

const server = createServer(async (req, res) => {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  const raw = Buffer.concat(chunks).toString('utf8');
  const url = new URL(req.url, 'http://standin');
  try {
    if (url.pathname === '/__faults' && req.method === 'POST') {
      faults = JSON.parse(raw || '[]');
      return send(res, 200, { ok: true }, 'application/json');
    }
    const scanReply = await scanControl(url, req.method, raw, { registryFetch });
    if (scanReply) return send(res, scanReply.status, scanReply.body, 'application/json');
    if (url.pathname === '/__calls') return send(res, 200, calls, 'application/json');
    if (url.pathname === '/__repositories') return send(res, 200, created, 'application/json');
    if (url.pathname === '/__reset') {
      faults = [];
      calls = {};
      resetScans();
      return send(res, 200, { ok: true }, 'application/json');
    }
    if (url.pathname === '/__health') return send(res, 200, { ok: true }, 'application/json');
    if (url.pathname === '/token') {
      const t = issueToken(req, url);
      return send(res, t.status, t.body, 'application/json');
    }

    const target = req.headers['x-amz-target'] || '';
    const isQuery = !target && /x-www-form-urlencoded/.test(req.headers['content-type'] || '');
    const form = isQuery ? new URLSearchParams(raw) : undefined;
    const op = isQuery
      ? `sts.${form.get('Action')}`
      : target.startsWith('SpencerFrontendService.')
        ? `ecr-public.${target.split('.')[1]}`
        : `ecr.${target.split('.')[1]}`;
    calls[op] = (calls[op] || 0) + 1;

    const fault = takeFault(op);
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault?.code) throw new ApiError(fault.code, fault.message || `injected ${fault.code}`, fault.status || 400);
    // A raw answer (malformed JSON, an HTML error page from a proxy): sent as is.
    if (fault?.body !== undefined) return send(res, fault.status || 200, String(fault.body));

    const who = signer(req);
    if (who.accessKey.startsWith('DENIED')) {
      throw new ApiError('AccessDeniedException', `User: arn:aws:iam::${ACCOUNT}:user/denied is not authorized to perform: ${op.replace('.', ':')}`);
    }
    if (isQuery) return send(res, 200, stsReply(req, form), 'text/xml');
    const handlers = op.startsWith('ecr-public.') ? ecrPublic : ecr;
    const fn = handlers[op.split('.')[1]];
    if (!fn) throw new ApiError('UnknownOperationException', `stand-in does not implement ${target}`);
    return send(res, 200, await fn(JSON.parse(raw || '{}'), who));
  } catch (e) {
    const status = e.status || 500;
    const code = e.code || 'InternalFailure';
    if (req.headers['x-amz-target'] || !/x-www-form-urlencoded/.test(req.headers['content-type'] || '')) {
      return send(res, status, { __type: code, message: e.message }, 'application/x-amz-json-1.1', { 'x-amzn-ErrorType': code });
    }
    const xml = `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${e.message}</Message></Error><RequestId>standin</RequestId></ErrorResponse>`;
    return send(res, status, xml, 'text/xml');
  }
});

server.listen(PORT, '127.0.0.1', () => console.log(`ECR/STS stand-in on http://127.0.0.1:${PORT} -> ${REGISTRY}`));

// ---- An "immutable repository" in front of a plain registry: a manifest PUT to a tag that
// already exists is refused the way ECR refuses it (TAG_INVALID), everything else passes through.
const IMMUTABLE_PORT = Number(env.STANDIN_IMMUTABLE_PORT || 0);
const UPSTREAM = env.STANDIN_IMMUTABLE_UPSTREAM || 'http://127.0.0.1:5000';
if (IMMUTABLE_PORT) {
  const HOP = ['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive', 'expect', 'upgrade'];
  const proxy = createServer(async (req, res) => {
    try {
      await forward(req, res);
    } catch (e) {
      res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end(`stand-in proxy: ${e.message}`);
    }
  });
  const forward = async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const body = Buffer.concat(chunks);
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !HOP.includes(k)));
    const m = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(req.url.split('?')[0]);
    if (req.method === 'PUT' && m && !m[2].startsWith('sha256:')) {
      const head = await fetch(`${UPSTREAM}/v2/${m[1]}/manifests/${m[2]}`, {
        method: 'HEAD',
        headers: { authorization: req.headers.authorization || '', accept: MEDIA_TYPES.join(', ') },
      });
      if (head.status === 200) {
        const message = `The image tag '${m[2]}' already exists in the '${m[1]}' repository and cannot be overwritten because the repository is immutable.`;
        res.writeHead(400, { 'Content-Type': 'application/json' });
        return res.end(JSON.stringify({ errors: [{ code: 'TAG_INVALID', message }] }));
      }
    }
    const up = await fetch(`${UPSTREAM}${req.url}`, {
      method: req.method,
      headers,
      body: ['GET', 'HEAD'].includes(req.method) ? undefined : body,
      redirect: 'manual',
    });
    const out = {};
    up.headers.forEach((v, k) => {
      if (!['content-encoding', 'transfer-encoding', 'connection'].includes(k))
        out[k] = k === 'location' ? v.replace(UPSTREAM, `http://127.0.0.1:${IMMUTABLE_PORT}`) : v;
    });
    res.writeHead(up.status, out);
    res.end(Buffer.from(await up.arrayBuffer()));
  };
  proxy.listen(IMMUTABLE_PORT, '127.0.0.1');
}
