export const id = 466;
export const ids = [466];
export const modules = {

/***/ 7466:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./packages/adapters/src/aws/fast-credentials.ts
// When the fast path (fast-ecr.ts) may stand in for the SDK: only where the SDK's own chain would
// take the static credentials from the environment (what configure-aws-credentials leaves) and
// nothing else could change how the SDK calls (a shared config file's endpoint_url, max_attempts
// or retry_mode; FIPS or dual-stack endpoints). Everything else (web identity, SSO, container,
// profiles) keeps the SDK's full credential chain.



const on = (v) => (v ?? '').toLowerCase() === 'true';
/** The fast path's settings, or undefined when the SDK must make the call. `configExists` is asked only when everything else allows the fast path. */
function fastSettings(env, configExists = external_node_fs_.existsSync) {
    const accessKeyId = env.AWS_ACCESS_KEY_ID;
    const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
    if (!accessKeyId || !secretAccessKey)
        return undefined;
    // The SDK skips the environment's keys when AWS_PROFILE is set.
    if (env.AWS_PROFILE)
        return undefined;
    if (on(env.AWS_USE_FIPS_ENDPOINT) || on(env.AWS_USE_DUALSTACK_ENDPOINT) || on(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS))
        return undefined;
    if (env.AWS_RETRY_MODE && env.AWS_RETRY_MODE !== 'standard')
        return undefined;
    const attempts = env.AWS_MAX_ATTEMPTS;
    if (attempts !== undefined && attempts !== '' && !/^[1-9]\d*$/.test(attempts))
        return undefined;
    if (configExists(env.AWS_CONFIG_FILE || (0,external_node_path_.join)(env.HOME || (0,external_node_os_.homedir)(), '.aws', 'config')))
        return undefined;
    return {
        credentials: { accessKeyId, secretAccessKey, ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}) },
        maxAttempts: attempts ? Number(attempts) : 3,
    };
}

;// CONCATENATED MODULE: ./packages/adapters/src/aws/index.ts
// The AWS face of the adapters (subpath `@ensure-image/adapters/aws`): only a bundle that
// imports it carries the SDK's lazy chunk.


let sdkEcr;
let ecr;
const loadSdk = () => (sdkEcr ??= Promise.all(/* import() */[__webpack_require__.e(886), __webpack_require__.e(635), __webpack_require__.e(660), __webpack_require__.e(308)]).then(__webpack_require__.bind(__webpack_require__, 3308)).then(({ SdkEcr }) => new SdkEcr()));
/**
 * The ECR adapter, loaded only when an ECR registry is involved (the SDK is most of a bundle's
 * weight), and once per process, so every step shares its clients and credentials. With static
 * credentials in the environment (fast-credentials.ts), the login and skip-path calls go
 * through fast-ecr.ts without the SDK's clients; everything else, and every other credential
 * source, through the SDK. Calling it early starts the load while other work (git) runs.
 */
function loadSdkEcr(env = process.env) {
    ecr ??= (async () => {
        const settings = fastSettings(env);
        if (!settings)
            return loadSdk();
        const { FastEcr } = await Promise.all(/* import() */[__webpack_require__.e(635), __webpack_require__.e(519)]).then(__webpack_require__.bind(__webpack_require__, 6519));
        return new FastEcr(settings, loadSdk, env);
    })();
    return ecr;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./packages/adapters/src/cache/cache.ts

/** @actions/cache, loaded only when a local cache is used (it is a large module). */
class ActionsDirCache {
    env;
    constructor(env = process.env) {
        this.env = env;
    }
    available() {
        if (this.env.ACT === 'true')
            return false;
        return Boolean(this.env.ACTIONS_RUNTIME_TOKEN && (this.env.ACTIONS_CACHE_URL || this.env.ACTIONS_RESULTS_URL));
    }
    async restore(dir, key, restoreKeys) {
        const cache = await Promise.all(/* import() */[__webpack_require__.e(886), __webpack_require__.e(764), __webpack_require__.e(559)]).then(__webpack_require__.bind(__webpack_require__, 3559));
        return cache.restoreCache([dir], key, restoreKeys);
    }
    async save(dir, key, from) {
        if (from) {
            await (0,promises_.rm)(dir, { recursive: true, force: true });
            await (0,promises_.rename)(from, dir);
        }
        const cache = await Promise.all(/* import() */[__webpack_require__.e(886), __webpack_require__.e(764), __webpack_require__.e(559)]).then(__webpack_require__.bind(__webpack_require__, 3559));
        await cache.saveCache([dir], key);
    }
}

// EXTERNAL MODULE: ./packages/adapters/src/docker/cli.ts + 1 modules
var cli = __webpack_require__(175);
// EXTERNAL MODULE: ./node_modules/.pnpm/@actions+exec@3.0.0/node_modules/@actions/exec/lib/exec.js + 1 modules
var exec = __webpack_require__(9053);
;// CONCATENATED MODULE: ./packages/adapters/src/git/git.ts

class GitCli {
    async revParse(cwd, revs) {
        let r;
        try {
            r = await exec/* getExecOutput */.H('git', ['-C', cwd, 'rev-parse', ...revs], {
                ignoreReturnCode: true,
                silent: true,
            });
        }
        catch (e) {
            throw new Error(`git is not available (${e.message})`);
        }
        if (r.exitCode !== 0)
            throw new Error(`git rev-parse ${revs.join(' ')} in ${cwd} failed: ${r.stderr.trim()}`);
        return r.stdout.trim().split('\n');
    }
    async isShallow(cwd) {
        const r = await exec/* getExecOutput */.H('git', ['-C', cwd, 'rev-parse', '--is-shallow-repository'], { ignoreReturnCode: true, silent: true }).catch(() => undefined);
        return r?.exitCode === 0 && r.stdout.trim() === 'true';
    }
}
/**
 * Git that answers every revParse asked in the same tick with one `git rev-parse` per
 * directory (a plan of 100 images costs one process, not 100). When the batch fails, each
 * caller is answered on its own, so only the one with the bad revision sees the error.
 */
class BatchedGit {
    inner;
    queue = new Map();
    constructor(inner) {
        this.inner = inner;
    }
    async isShallow(cwd) {
        return (await this.inner.isShallow?.(cwd)) ?? false;
    }
    revParse(cwd, revs) {
        return new Promise((resolve, reject) => {
            const waiting = this.queue.get(cwd);
            if (waiting)
                return void waiting.push({ revs, resolve, reject });
            this.queue.set(cwd, [{ revs, resolve, reject }]);
            queueMicrotask(() => void this.flush(cwd));
        });
    }
    async flush(cwd) {
        const batch = this.queue.get(cwd) ?? [];
        this.queue.delete(cwd);
        const unique = [...new Set(batch.flatMap((p) => p.revs))];
        try {
            const ids = await this.inner.revParse(cwd, unique);
            const byRev = new Map(unique.map((r, i) => [r, ids[i]]));
            for (const p of batch)
                p.resolve(p.revs.map((r) => byRev.get(r)));
        }
        catch {
            for (const p of batch)
                this.inner.revParse(cwd, p.revs).then(p.resolve, p.reject);
        }
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./packages/adapters/src/errors.ts
var errors = __webpack_require__(6716);
// EXTERNAL MODULE: ./packages/adapters/src/media-types.ts
var media_types = __webpack_require__(7515);
;// CONCATENATED MODULE: ./packages/adapters/src/oci/challenge.ts
/** Parse `Bearer realm="https://x/token",service="x",scope="repository:a:pull"` (quoted or bare values). */
function parseChallenge(header) {
    if (!header)
        return undefined;
    const m = /^\s*([A-Za-z]+)\s*(.*)$/s.exec(header);
    if (!m)
        return undefined;
    const params = {};
    const re = /([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*,?/g;
    for (const p of (m[2] ?? '').matchAll(re)) {
        params[p[1].toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : (p[3] ?? '');
    }
    return { scheme: m[1].toLowerCase(), params };
}

;// CONCATENATED MODULE: ./packages/adapters/src/oci/docker-config.ts



/**
 * Credentials `docker login` stored for a host in the job's docker config
 * (`$DOCKER_CONFIG/config.json` or `~/.docker/config.json`, `auths` entries). Credential
 * helpers are not consulted: with one configured, pass username/password explicitly.
 */
async function dockerConfigCredentials(host, env = process.env) {
    const dir = env.DOCKER_CONFIG || external_node_path_.join(external_node_os_.homedir(), '.docker');
    let config;
    try {
        config = JSON.parse(await (0,promises_.readFile)(external_node_path_.join(dir, 'config.json'), 'utf8'));
    }
    catch {
        return undefined;
    }
    const auths = config.auths ?? {};
    const keys = [host, `https://${host}`, `http://${host}`, ...(host === 'registry-1.docker.io' ? ['https://index.docker.io/v1/', 'docker.io'] : [])];
    for (const key of keys) {
        const entry = auths[key];
        if (entry?.auth) {
            const raw = Buffer.from(entry.auth, 'base64').toString('utf8');
            const colon = raw.indexOf(':');
            if (colon > 0)
                return { username: raw.slice(0, colon), password: raw.slice(colon + 1) };
        }
        if (entry?.username && entry.password)
            return { username: entry.username, password: entry.password };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./packages/adapters/src/oci/registry.ts





/** Loopback registries may speak plain HTTP, as docker allows for them by default. */
function isLoopback(host) {
    const bare = host.replace(/:\d+$/, '');
    return bare === 'localhost' || /^127\./.test(bare) || bare === '[::1]';
}
const basic = (c) => `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
const sha256 = (b) => `sha256:${(0,external_node_crypto_.createHash)('sha256').update(b).digest('hex')}`;
/** The distribution API over fetch: anonymous, Basic, or the Bearer token challenge. */
class HttpRegistry {
    env;
    timeoutMs;
    /** Hosts found to speak plain HTTP. */
    schemes = new Map();
    constructor(env = process.env, timeoutMs = 30000) {
        this.env = env;
        this.timeoutMs = timeoutMs;
    }
    async headManifest(t, explicit) {
        const res = await this.call({ method: 'HEAD', t, creds: explicit });
        if (res.status === 404)
            return undefined;
        this.check(res, 'HEAD', t);
        const mediaType = res.headers.get('content-type') ?? '';
        const digest = res.headers.get('docker-content-digest');
        if (digest)
            return { digest, mediaType };
        // Some registries leave the digest header out of HEAD answers: hash the manifest itself.
        const m = await this.getManifest(t, explicit);
        return m && { digest: m.digest, mediaType: m.mediaType };
    }
    async getManifest(t, explicit) {
        const res = await this.call({ method: 'GET', t, creds: explicit });
        if (res.status === 404)
            return undefined;
        this.check(res, 'GET', t);
        const body = Buffer.from(await res.arrayBuffer());
        return { body, digest: sha256(body), mediaType: res.headers.get('content-type') ?? '' };
    }
    async putManifest(t, m, explicit) {
        const res = await this.call({ method: 'PUT', t, creds: explicit, body: m.body, contentType: m.mediaType });
        if (res.ok)
            return;
        const text = await res.text().catch(() => '');
        if (res.status === 400 && /TAG_INVALID|immutable|cannot be overwritten/i.test(text)) {
            throw new errors/* ImmutableTagError */.zF(`${t.host} refused to move ${t.name}:${t.reference}: ${text.slice(0, 300)}`);
        }
        this.check(res, 'PUT', t, text);
    }
    check(res, method, t, text = '') {
        if (res.ok)
            return;
        const action = method === 'PUT' ? 'push' : 'pull';
        if (res.status === 401)
            throw new errors/* CredentialsError */.lE(`${t.host} refused the credentials for ${t.name} (HTTP 401): check username/password or the docker login`);
        if (res.status === 403)
            throw new errors/* PermissionError */.i_(`${t.host} denied ${action} access to ${t.name} (HTTP 403)`);
        throw new Error(`${method} ${t.host}/v2/${t.name}/manifests/${t.reference} answered HTTP ${res.status}${text ? `: ${text.slice(0, 300)}` : ''}`);
    }
    /** One request, authorised on a 401 challenge (push scope for a PUT). */
    async call(c) {
        const first = await this.send(c);
        if (first.status !== 401)
            return first;
        const creds = c.creds ?? (await dockerConfigCredentials(c.t.host, this.env));
        const authorization = await this.authorize(first.headers.get('www-authenticate'), c, creds);
        return this.send(c, authorization);
    }
    async send(c, authorization) {
        const { host, name, reference } = c.t;
        const init = {
            method: c.method,
            headers: {
                Accept: media_types/* MANIFEST_MEDIA_TYPES */.$.join(', '),
                ...(c.contentType ? { 'Content-Type': c.contentType } : {}),
                ...(authorization ? { Authorization: authorization } : {}),
            },
            ...(c.body ? { body: c.body } : {}),
            signal: AbortSignal.timeout(this.timeoutMs),
        };
        const url = (scheme) => `${scheme}://${host}/v2/${name}/manifests/${reference}`;
        const scheme = this.schemes.get(host) ?? 'https';
        try {
            return await fetch(url(scheme), init);
        }
        catch (e) {
            // Like docker: a loopback registry that does not speak TLS is asked again over HTTP.
            if (scheme === 'https' && isLoopback(host) && !(0,errors/* asNetworkError */.hg)(e, host)?.message.includes('refused')) {
                try {
                    const res = await fetch(url('http'), { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
                    this.schemes.set(host, 'http');
                    return res;
                }
                catch (e2) {
                    throw (0,errors/* asNetworkError */.hg)(e2, host) ?? e2;
                }
            }
            throw (0,errors/* asNetworkError */.hg)(e, host) ?? e;
        }
    }
    async authorize(header, c, creds) {
        const { t } = c;
        const ch = parseChallenge(header);
        if (ch?.scheme === 'basic') {
            if (!creds)
                throw new errors/* CredentialsError */.lE(`${t.host} needs credentials (Basic auth): give username and password, or docker login first`);
            return basic(creds);
        }
        if (ch?.scheme === 'bearer' && ch.params.realm) {
            const u = new URL(ch.params.realm);
            if (ch.params.service)
                u.searchParams.set('service', ch.params.service);
            u.searchParams.set('scope', ch.params.scope ?? `repository:${t.name}:${c.method === 'PUT' ? 'pull,push' : 'pull'}`);
            let res;
            try {
                res = await fetch(u, { headers: creds ? { Authorization: basic(creds) } : {}, signal: AbortSignal.timeout(this.timeoutMs) });
            }
            catch (e) {
                throw (0,errors/* asNetworkError */.hg)(e, `${u.host} (the token service of ${t.host})`) ?? e;
            }
            if (res.status === 401 || res.status === 403) {
                throw new errors/* CredentialsError */.lE(`${t.host}'s token service refused ${creds ? 'the credentials' : 'anonymous access'} for ${t.name} (HTTP ${res.status})`);
            }
            if (!res.ok)
                throw new Error(`token request to ${u.origin} answered HTTP ${res.status}`);
            const body = (await res.json());
            const token = body.token ?? body.access_token;
            if (!token)
                throw new Error(`token service of ${t.host} answered without a token`);
            return `Bearer ${token}`;
        }
        throw new errors/* CredentialsError */.lE(`${t.host} asked for authentication this action does not speak: ${header ?? '(no WWW-Authenticate)'}`);
    }
}

;// CONCATENATED MODULE: ./packages/adapters/src/oci/index.ts
// The OCI distribution face of the adapters (subpath `@ensure-image/adapters/oci`).





// EXTERNAL MODULE: ./packages/conventions/src/index.ts + 13 modules
var src = __webpack_require__(3486);
// EXTERNAL MODULE: ./packages/kit/src/index.ts + 13 modules
var kit_src = __webpack_require__(6644);
;// CONCATENATED MODULE: ./packages/steps/src/login.ts

async function login(plan, deps, o = {}) {
    const ecr = await deps.ecr();
    const byRegion = new Map();
    for (const p of plan.private)
        byRegion.set(p.region, [...(byRegion.get(p.region) ?? []), p]);
    // Every token call at once (one per region, one for ECR Public); each password is masked
    // as soon as it arrives, before anything can print it.
    const mask = (t) => {
        if (o.mask !== false)
            deps.log.secret(t.password);
        return t;
    };
    const privateLogins = Promise.all([...byRegion].map(async ([region, logins]) => {
        const accounts = logins.map((l) => l.account).filter((a) => a !== '');
        const tokens = (await ecr.privateTokens(region, accounts)).map(mask);
        // The caller's default registry is known only from the token ECR hands back.
        const targets = accounts.length === 0 ? tokens.map((t) => ({ host: ecrHost({ account: t.account, region }), account: t.account })) : logins;
        return targets.map((l) => {
            const token = tokens.find((t) => t.account === l.account);
            if (!token)
                throw new Error(`ECR returned no token for account ${l.account} in ${region}`);
            return { host: l.host, username: token.username, password: token.password };
        });
    }));
    const publicLogin = plan.public === undefined ? undefined : ecr.publicToken().then((t) => ({ host: plan.public, ...mask(t) }));
    const [byRegionLogins, pub] = await Promise.all([privateLogins, publicLogin]);
    // docker logins one after another: concurrent ones would race on the docker config file.
    const credentials = [];
    for (const c of [...byRegionLogins.flat(), ...(pub ? [pub] : [])]) {
        await deps.docker.login(c.host, c.username, c.password);
        credentials.push({ host: c.host, username: c.username, password: c.password });
        o.onLogin?.(c.host);
        deps.log.info(`Logged in to ${c.host}`);
    }
    const hosts = credentials.map((c) => c.host);
    return { hosts, credentials, registry: hosts.find((h) => !ECR_PUBLIC_HOSTS.includes(h.toLowerCase())) ?? '' };
}
/** Log out of every host; collect failures and report them once at the end. */
async function logout(hosts, deps) {
    const failures = [];
    for (const host of hosts) {
        try {
            await deps.docker.logout(host);
            deps.log.info(`Logged out of ${host}`);
        }
        catch (e) {
            failures.push(e.message);
        }
    }
    if (failures.length > 0)
        throw new Error(`Logout failed for ${failures.length} of ${hosts.length} registries:\n${failures.join('\n')}`);
}
/** Log docker in to a non-ECR registry with a user name and password (masked first, sent on stdin). */
async function basicLogin(host, creds, deps) {
    deps.log.secret(creds.password);
    await deps.docker.login(host, creds.username, creds.password);
    deps.log.info(`Logged in to ${host}`);
}

;// CONCATENATED MODULE: ./packages/steps/src/resolve-tag.ts

const SHALLOW = 'This is a shallow clone (actions/checkout fetches one commit by default): set `fetch-depth: 0` on actions/checkout so git has the history and trees the tag is taken from.';
function treeRev(commit, path) {
    return path === '.' ? `${commit}:./` : `${commit}:./${path}`;
}
const works = (p) => p.then(() => true, () => false);
/**
 * The tag for an image: `<prefix>-<id>`. The id is the commit (`source: commit`) or the git
 * ids of `paths` at that commit (`source: tree`), shortened to `length`. The commit is the
 * checked-out HEAD, or `sha` (a full SHA or an abbreviation git resolves), or GITHUB_SHA
 * when the workspace is no git checkout.
 */
async function resolve_tag_resolveTag(i, deps) {
    const commitRev = i.sha === undefined ? 'HEAD' : `${i.sha}^{commit}`;
    const revs = i.source === 'tree' ? [commitRev, ...i.paths.map((p) => treeRev(commitRev, p))] : [commitRev];
    let ids;
    try {
        ids = await deps.git.revParse(i.workspace, revs);
    }
    catch (e) {
        ids = [await explain(i, deps, e)];
    }
    const sha = validateSha('sha', ids[0]);
    const full = i.source === 'tree' ? combineContentIds(i.paths.map((path, n) => ({ path, id: ids[n + 1] }))) : sha;
    const id = shortId(full, i.length);
    const tag = formatTag(i.prefix, id);
    return { tag, id, sha, tags: [tag, ...aliasTags(i.prefix, i.aliases)] };
}
/**
 * Git could not answer: say why in the user's terms (no checkout, an unknown or ambiguous
 * `sha`, a path missing at the commit, a shallow clone), or fall back to a commit given as is.
 */
async function explain(i, deps, e) {
    const { git, log } = deps;
    const checkout = await works(git.revParse(i.workspace, ['HEAD']));
    const shallow = checkout && ((await git.isShallow?.(i.workspace)) ?? false);
    const hint = shallow ? ` ${SHALLOW}` : '';
    if (!checkout) {
        if (i.source === 'commit' && i.sha !== undefined && isFullSha(i.sha)) {
            log.warning(`No git checkout in ${i.workspace} (${e.message}); using sha ${i.sha} as given.`);
            return i.sha;
        }
        if (i.source === 'commit' && i.sha === undefined && i.githubSha) {
            log.warning(`No git checkout in ${i.workspace} (${e.message}); using GITHUB_SHA.`);
            return i.githubSha;
        }
        throw new Error(`Cannot read the ${i.source === 'tree' ? 'tree ids of paths' : 'commit'} from git in ${i.workspace}: ${e.message}. Check out the repository first (actions/checkout).`);
    }
    if (i.sha !== undefined) {
        const shaError = await git.revParse(i.workspace, [`${i.sha}^{commit}`]).then(() => undefined, (x) => (x instanceof Error ? x.message : String(x)));
        if (shaError !== undefined) {
            const why = /short object ID \S+ is ambiguous/.test(shaError) ? 'ambiguous: several commits start with it, give more characters' : 'no commit here starts with it';
            throw new ValidationError('sha', `${shown(i.sha)} does not name exactly one commit in ${i.workspace} (${why}).${hint}`);
        }
    }
    if (i.source === 'tree') {
        const commit = i.sha === undefined ? 'HEAD' : `${i.sha}^{commit}`;
        for (const p of i.paths) {
            if (!(await works(git.revParse(i.workspace, [treeRev(commit, p)])))) {
                throw new Error(`Cannot read the tree id of ${shown(p)} at ${i.sha ?? 'HEAD'} in ${i.workspace}: the path is not in that commit (only committed content counts).${hint}`);
            }
        }
    }
    throw new Error(`Cannot read the ${i.source === 'tree' ? 'tree ids of paths' : 'commit'} from git in ${i.workspace}: ${e.message}.${hint}`);
}

;// CONCATENATED MODULE: ./packages/steps/src/exists.ts


/** The tag or digest to look up. */
function lookupRef(img) {
    return img.ref.tag ?? img.ref.digest;
}
/** What to set when a repository is missing, in the running action's words. */
function missingRepositoryHint(inputs) {
    const ways = [];
    if (inputs.includes('create-repository'))
        ways.push('set create-repository: true to create it');
    if (inputs.includes('missing-repository'))
        ways.push('set missing-repository: absent to report its images as missing');
    return ways.length ? ` Create it first, or ${ways.join(', or ')}.` : ' Create it first.';
}
/**
 * Whether each image exists. Private ECR images cost one BatchGetImage per repository (up to
 * 100 tags a call); any other registry a HEAD of the manifest. A missing ECR repository is
 * created when `create` is given (RepositoryAlreadyExists from a concurrent run is fine).
 */
async function exists_checkImages(images, deps, o = {}) {
    const results = new Map();
    const groups = new Map();
    for (const img of images) {
        if (img.registry.kind === 'ecr') {
            const key = `${img.registry.region}/${img.registry.account}/${img.ref.repository}`;
            groups.set(key, [...(groups.get(key) ?? []), img]);
        }
    }
    const checkGroup = async (ecr, group) => {
        const first = group[0];
        const where = { region: first.registry.region, account: first.registry.account, repository: first.ref.repository };
        let found;
        try {
            found = await ecr.findImages({ ...where, tags: [...new Set(group.map(lookupRef))] });
        }
        catch (e) {
            if (!(e instanceof errors/* RepositoryNotFoundError */.wN))
                throw e;
            if (o.create) {
                await createRepository(ecr, where, group, o.create, deps.log);
            }
            else if (o.missingRepository !== 'absent') {
                throw new errors/* RepositoryNotFoundError */.wN(`${e.message}.${missingRepositoryHint(o.repositoryInputs ?? ['missing-repository'])}`);
            }
            found = new Map();
        }
        for (const img of group) {
            const hit = found.get(lookupRef(img));
            results.set(img, { image: (0,src/* formatReference */.FH)(img.ref), exists: hit !== undefined, digest: hit?.digest ?? '', ...(hit ? { found: hit } : {}) });
        }
    };
    if (groups.size > 0) {
        const ecr = await deps.ecr();
        await Promise.all([...groups.values()].map((g) => checkGroup(ecr, g)));
    }
    await Promise.all(images
        .filter((img) => img.registry.kind !== 'ecr')
        .map(async (img) => {
        const { host, name } = (0,src/* distributionTarget */.iR)(img.ref);
        const info = await deps.registry.headManifest({ host, name, reference: lookupRef(img) }, o.credentials);
        results.set(img, { image: (0,src/* formatReference */.FH)(img.ref), exists: info !== undefined, digest: info?.digest ?? '' });
    }));
    return images.map((img) => results.get(img));
}
async function createRepository(ecr, where, group, s, log) {
    // Aliases carry no prefix of their own: one rule per image that names one.
    const named = group.flatMap((img) => (img.prefix === undefined ? [] : [img.prefix]));
    const prefixes = named.length ? named : [''];
    // Immutable with the aliases excluded: each alias as the wildcard its siblings share (`*-latest`).
    let mutability = s.mutability;
    let mutableTags = [];
    if (mutability === 'IMMUTABLE_WITH_EXCLUSION') {
        const aliases = group.filter((img) => img.prefix === undefined && img.ref.tag).map((img) => img.ref.tag);
        mutableTags = [...new Set(aliases.flatMap((t) => (0,src/* mutableTagFilters */.go)(named.find((p) => p && t.startsWith(`${p}-`)) ?? '', [t])))];
        if (mutableTags.length === 0) {
            log?.info('tag-mutability: IMMUTABLE_WITH_EXCLUSION with no aliases to exclude: the repository is created IMMUTABLE');
            mutability = 'IMMUTABLE';
        }
    }
    const made = await ecr.createRepository({
        ...where,
        scanOnPush: s.scanOnPush,
        ...(s.kmsKey ? { kmsKey: s.kmsKey } : {}),
        mutability,
        mutableTags,
        ...(s.lifecycleKeep ? { lifecyclePolicy: JSON.stringify((0,src/* lifecyclePolicy */.Re)(prefixes, s.lifecycleKeep)) } : {}),
    });
    log?.info(made === 'created'
        ? `Created ECR repository ${where.repository} (${mutability}${mutableTags.length ? ` except ${mutableTags.join(', ')}` : ''}, scan on push ${s.scanOnPush}, ${s.kmsKey ? `KMS ${s.kmsKey}` : 'AES256'}${s.lifecycleKeep ? `, keeps ${s.lifecycleKeep} per image` : ''})`
        : `ECR repository ${where.repository} was created meanwhile by another run`);
}

;// CONCATENATED MODULE: ./packages/steps/src/aliases.ts



/** The aliases (full references) as images; those in other repositories are only reported. */
function aliases_aliasImages(refs, env) {
    return refs.map((r) => (0,src/* resolveImage */.AT)({ image: r }, env));
}
/** Look the image and its aliases up in one go. */
async function readTags(main, aliases, deps, o) {
    const [m, ...rest] = await exists_checkImages([main, ...aliases], { ...deps }, o);
    return { main: m, aliases: aliases.map((image, n) => ({ image, result: rest[n] })) };
}
const sameRepository = (a, b) => (0,src/* formatName */.nD)(a.ref) === (0,src/* formatName */.nD)(b.ref);
/**
 * Point every alias of `main` that names another digest at `digest`. Returns the aliases
 * moved. An immutable repository that refuses to move one is an error naming the alias.
 */
async function aliases_pointAliases(main, digest, state, deps, credentials) {
    const stale = state.aliases.filter((a) => a.result.digest !== digest);
    if (stale.length === 0)
        return [];
    const elsewhere = stale.filter((a) => !sameRepository(a.image, main));
    for (const a of elsewhere) {
        deps.log.warning(`${a.result.image} is in another repository: it is not re-pointed to ${digest} (only a build pushes it there).`);
    }
    const movable = stale.filter((a) => sameRepository(a.image, main));
    if (movable.length === 0)
        return [];
    const put = await manifestWriter(main, digest, state.main.found, deps, credentials);
    const moved = [];
    for (const a of movable) {
        const tag = a.image.ref.tag;
        try {
            await put(tag);
        }
        catch (e) {
            if (!(e instanceof errors/* ImmutableTagError */.zF))
                throw e;
            throw new Error(`${a.result.image} names ${a.result.digest || 'another image'} and ${(0,src/* formatName */.nD)(main.ref)} keeps its tags immutable, so the alias cannot move to ${digest}. ` +
                'Keep aliases mutable with ECR tag-mutability exclusion filters (IMMUTABLE_WITH_EXCLUSION with a filter such as *-latest), or drop the alias.');
        }
        moved.push(a.result.image);
    }
    deps.log.info(`Re-pointed ${moved.join(', ')} to ${digest}`);
    return moved;
}
/** A function that puts the image's manifest under a tag of its repository. */
async function manifestWriter(main, digest, found, deps, credentials) {
    if (main.registry.kind === 'ecr') {
        const { region, account } = main.registry;
        const ecr = await deps.ecr();
        let manifest = found?.digest === digest ? found : undefined;
        if (!manifest?.manifest)
            manifest = (await ecr.findImages({ region, account, repository: main.ref.repository, tags: [digest] })).get(digest);
        if (!manifest?.manifest)
            throw new Error(`${(0,src/* formatReference */.FH)(main.ref)}: ECR returned no manifest for ${digest}, so its aliases cannot be re-pointed`);
        const m = manifest;
        return (tag) => ecr.putImage({ region, account, repository: main.ref.repository, tag, manifest: m.manifest, ...(m.mediaType ? { mediaType: m.mediaType } : {}), digest });
    }
    const { host, name } = (0,src/* distributionTarget */.iR)(main.ref);
    const body = await deps.registry.getManifest({ host, name, reference: digest }, credentials);
    if (!body)
        throw new Error(`${(0,src/* formatName */.nD)(main.ref)}@${digest} is not in the registry, so its aliases cannot be re-pointed`);
    return (tag) => deps.registry.putManifest({ host, name, reference: tag }, body, credentials);
}

;// CONCATENATED MODULE: ./packages/steps/src/cache.ts

const SETUP_HINT = 'docker/setup-buildx-action (the docker-container driver) enables cache export';
function chooseCache(r, deps) {
    const canExport = (0,src/* exportsCache */.Ct)(r.builder);
    const driver = `the buildx "${r.builder.driver}" driver${r.builder.driver === 'docker' ? ' on the classic image store' : ''}`;
    const none = { mode: 'none', flags: { from: [], to: [] } };
    if (r.rawFrom?.length || r.rawTo?.length) {
        let to = r.rawTo ?? [];
        if (to.length && !canExport) {
            deps.log.warning(`cache-to: ${driver} cannot export a cache; building with cache-from only (${SETUP_HINT}).`);
            to = [];
        }
        return { mode: 'registry', flags: { from: r.rawFrom ?? [], to } };
    }
    const service = deps.cache.available() && !r.act;
    const noService = `the Actions cache service is not here${r.act ? ' (running under act)' : ''}`;
    switch (r.mode) {
        case 'none':
            return none;
        case 'auto':
            if (canExport) {
                if (service)
                    return { mode: 'gha', flags: (0,src/* cacheFlags */.wT)('gha', r.scope) };
                return r.push ? { mode: 'registry', flags: (0,src/* cacheFlags */.wT)('registry', r.scope) } : none;
            }
            if (!r.push)
                return none;
            (deps.log.notice ?? deps.log.info)(`Build cache: ${driver} exports no cache, so this build only reads an existing registry cache; ${SETUP_HINT}.`);
            return { mode: 'registry', flags: (0,src/* cacheFlags */.wT)('registry', r.scope, true) };
        case 'gha':
        case 'local':
            if (!service) {
                deps.log.warning(`cache: ${r.mode} needs the Actions cache service, and ${noService}; building without a cache.`);
                return none;
            }
            if (!canExport) {
                deps.log.warning(`cache: ${r.mode}: ${driver} cannot export a cache; building without one (${SETUP_HINT}).`);
                return none;
            }
            return { mode: r.mode, flags: (0,src/* cacheFlags */.wT)(r.mode, r.scope) };
        case 'registry':
            if (!canExport) {
                deps.log.warning(`cache: registry: ${driver} cannot export a cache; reading the existing registry cache only (${SETUP_HINT}).`);
                return { mode: 'registry', flags: (0,src/* cacheFlags */.wT)('registry', r.scope, true) };
            }
            return { mode: 'registry', flags: (0,src/* cacheFlags */.wT)('registry', r.scope) };
    }
}

;// CONCATENATED MODULE: ./packages/steps/src/target.ts

/**
 * Resolve the image the inputs name. Only when nothing names the registry is STS asked for
 * the caller's account (account: explicit > registry host > GetCallerIdentity).
 */
async function target_resolveTarget(i, deps, env) {
    let inputs = i;
    if ((0,src/* needsAccount */.x8)(i) && i.repository) {
        const region = (0,src/* resolveRegion */.Zv)({ explicit: i.region, env });
        const account = await (await deps.ecr()).accountId(region);
        deps.log.info(`Account ${account} (from sts:GetCallerIdentity)`);
        inputs = { ...i, account, region };
    }
    const resolved = (0,src/* resolveImage */.AT)(inputs, env);
    for (const w of resolved.warnings)
        deps.log.warning(w);
    return resolved;
}

;// CONCATENATED MODULE: ./packages/steps/src/build.ts





/**
 * Build and push an image unless it already exists, and leave every tag it names on the digest
 * it reports. A skip re-points the aliases; after a push the tag's digest is read back from the
 * registry (another run may have pushed the same tag meanwhile). A push refused because an
 * immutable repository already holds the tag (two runs raced) is success when that image is there.
 */
async function buildPush(i, deps) {
    const image = (0,src/* formatReference */.FH)(i.image.ref);
    const refs = [...new Set([image, ...i.plan.extraRefs])];
    const aliases = aliases_aliasImages(refs.slice(1), {});
    const target = { ...i.image, prefix: (0,src/* prefixOfTag */.aY)(i.image.ref.tag) };
    const opts = {
        ...(i.credentials ? { credentials: i.credentials } : {}),
        ...(i.missingRepository ? { missingRepository: i.missingRepository } : {}),
        ...(i.createRepository ? { create: i.createRepository } : {}),
        repositoryInputs: i.repositoryInputs ?? ['create-repository', 'missing-repository'],
    };
    const read = () => readTags(target, aliases, deps, opts);
    const settle = async (state, r) => {
        const repointed = r.digest && i.plan.push ? await aliases_pointAliases(i.image, r.digest, state, deps, i.credentials) : [];
        return { ...r, image, imageDigest: r.digest ? (0,src/* pinnedReference */.ct)(i.image.ref, r.digest) : '', repointed };
    };
    const [before] = await Promise.all([i.skipIfExists || i.createRepository ? read() : undefined, i.ready]);
    if (i.skipIfExists && before?.main.exists) {
        deps.log.info(`${image} exists (${before.main.digest}): build skipped`);
        return settle(before, { built: false, existed: true, digest: before.main.digest, metadata: '{}', builder: 'skipped' });
    }
    if (i.createRepository && i.image.registry.kind === 'ecr-public' && i.plan.push) {
        // ECR Public has no BatchGetImage to tell a missing repository: create it, or find it there.
        const name = i.image.ref.repository.split('/').slice(1).join('/') || i.image.ref.repository;
        const made = await (await deps.ecr()).createPublicRepository(name);
        deps.log.info(made === 'created' ? `Created ECR Public repository ${name}` : `ECR Public repository ${name} exists`);
    }
    const plan = { ...i.plan, refs };
    // Both probes at once: the classic path needs the client version, and they are two processes.
    const [buildx, version] = await Promise.all([deps.docker.hasBuildx(), deps.docker.clientVersion()]);
    let out;
    try {
        // The classic path builds and pushes in two commands: look again in between (skip-if-exists),
        // so a run that lost the race takes the winner's image instead of replacing it.
        const recheck = i.skipIfExists
            ? async () => {
                const now = await read();
                return now.main.exists ? now : undefined;
            }
            : undefined;
        out = buildx ? await buildWithBuildx(plan, i, deps) : await buildClassic(plan, i, deps, version, recheck);
    }
    catch (e) {
        if (!(e instanceof errors/* ImmutableTagError */.zF))
            throw e;
        const now = await read();
        if (!now.main.exists)
            throw new Error(`Push of ${image} was refused and the tag is not there: ${e.message}`);
        deps.log.warning(`${image} was pushed by another run meanwhile (immutable tag); using its digest ${now.main.digest}.`);
        return settle(now, { built: false, existed: false, digest: now.main.digest, metadata: '{}', builder: buildx ? 'buildx' : 'classic' });
    }
    const builder = buildx ? 'buildx' : 'classic';
    if (out.adopted) {
        const now = out.adopted;
        deps.log.warning(`${image} was pushed by another run while this one built; using its digest ${now.main.digest} (this build is not pushed).`);
        return settle(now, { built: false, existed: false, digest: now.main.digest, metadata: '{}', builder });
    }
    if (!plan.push)
        return settle({ main: { image, exists: false, digest: '' }, aliases: [] }, { ...out, existed: false, builder });
    // Read the tag back: its digest, not ours, is what a deploy pinned by digest gets.
    const after = await read();
    if (!after.main.exists)
        throw new Error(`${image} was pushed, but the registry does not list it afterwards`);
    if (out.digest && after.main.digest !== out.digest) {
        deps.log.warning(`${image} names ${after.main.digest}, not ${out.digest} that this run pushed: another run pushed the same tag meanwhile. Reporting the registry's digest.`);
    }
    return settle(after, { ...out, digest: after.main.digest, existed: false, builder });
}
async function buildWithBuildx(plan, i, deps) {
    const name = i.name ?? (0,src/* cacheName */.UU)(i.image.ref.repository, i.image.ref.tag);
    const localDir = external_node_path_.join(i.runnerTemp, 'ensure-image-cache', `${i.image.ref.repository.replace(/\//g, '_')}-${name}`);
    const builder = await deps.docker.builderInfo(plan.builder);
    const cache = chooseCache({
        mode: i.cache,
        scope: { name, repository: (0,src/* formatName */.nD)(i.image.ref), ecr: i.image.registry.kind === 'ecr', localDir },
        builder,
        push: plan.push,
        act: i.act,
        ...(plan.cacheFrom ? { rawFrom: plan.cacheFrom } : {}),
        ...(plan.cacheTo ? { rawTo: plan.cacheTo } : {}),
    }, deps);
    const key = `ensure-image-${i.image.ref.repository}-${name}-${i.image.ref.tag ?? 'digest'}`;
    if (cache.mode === 'local')
        await deps.cache.restore(localDir, key, [`ensure-image-${i.image.ref.repository}-${name}-`]).catch((e) => deps.log.warning(`Cache restore failed: ${e.message}`));
    const meta = await deps.docker.buildx((0,src/* buildxArgs */.w$)(plan, cache.flags), (0,src/* secretEnv */.Ut)(plan.secrets));
    const digest = plan.push ? String(meta['containerimage.digest'] ?? '') : '';
    if (cache.mode === 'local')
        await deps.cache.save(localDir, key, `${localDir}-new`).catch((e) => deps.log.warning(`Cache save failed: ${e.message}`));
    return { digest, metadata: JSON.stringify(meta), built: true };
}
async function buildClassic(plan, i, deps, clientVersion, recheck) {
    const needs = (0,src/* classicLimits */.LO)(plan);
    if (needs.length) {
        throw new Error(`${needs.join(', ')}: needs docker buildx, which is not installed (docker/setup-buildx-action installs it)`);
    }
    if (i.cache !== 'auto' && i.cache !== 'none')
        deps.log.warning(`cache: ${i.cache} needs docker buildx; building without a cache.`);
    // The docker CLI from 23.0 on needs buildx for BuildKit; older CLIs carry BuildKit themselves.
    const major = Number(clientVersion.split('.')[0]);
    const buildkit = major < 23 ? '1' : '0';
    deps.log.info(buildkit === '1'
        ? 'docker buildx is not available: building with docker build (DOCKER_BUILDKIT=1) and docker push'
        : `docker buildx is not available and docker ${clientVersion} has BuildKit only through it: building with the legacy builder ` +
            '(no RUN --mount, no heredocs, no cache export) and docker push; docker/setup-buildx-action installs buildx');
    await deps.docker.build((0,src/* classicBuildArgs */.y4)(plan), { DOCKER_BUILDKIT: buildkit });
    if (!plan.push)
        return { digest: '', metadata: JSON.stringify({ 'image.name': plan.refs.join(',') }), built: true };
    const taken = recheck ? await recheck() : undefined;
    if (taken)
        return { digest: '', metadata: '{}', built: false, adopted: taken };
    let digest = '';
    for (const ref of plan.refs) {
        const pushed = await deps.docker.push(ref);
        digest ||= pushed;
    }
    return { digest, metadata: JSON.stringify({ 'containerimage.digest': digest, 'image.name': plan.refs.join(',') }), built: true };
}

;// CONCATENATED MODULE: ./packages/steps/src/plan.ts





/**
 * Tag every image of a manifest and check them all: one BatchGetImage per ECR repository
 * (however many images share it), a manifest HEAD for any other registry.
 */
async function planImages(i, deps, env, o = {}) {
    const resolved = await Promise.all(i.images.map(async (spec) => {
        const file = spec.file || (spec.context === '.' ? 'Dockerfile' : `${spec.context}/Dockerfile`);
        const tag = await resolveTag({
            prefix: spec.prefix,
            source: i.source,
            paths: spec.paths.length ? spec.paths : defaultImagePaths(spec.context, file),
            length: i.length,
            aliases: spec.aliases,
            workspace: i.workspace,
            ...(i.githubSha ? { githubSha: i.githubSha } : {}),
        }, deps);
        const target = await resolveTarget({
            repository: spec.repository,
            tag: tag.tag,
            ...(spec.registry ? { registry: spec.registry } : {}),
            ...(spec.account ? { account: spec.account } : {}),
            ...(spec.region ? { region: spec.region } : {}),
        }, deps, env);
        return { spec, tag, target };
    }));
    // Each image with its aliases, all in one check: still one BatchGetImage per repository.
    const withAliases = resolved.map((r) => ({
        main: { ...r.target, prefix: r.spec.prefix },
        aliases: aliasImages(expandTags('aliases', r.target.ref, r.tag.tags.slice(1)), {}),
    }));
    const checks = await checkImages(withAliases.flatMap((w) => [w.main, ...w.aliases]), deps, o);
    let at = 0;
    const states = withAliases.map((w) => {
        const main = checks[at++];
        return { main, aliases: w.aliases.map((image) => ({ image, result: checks[at++] })) };
    });
    return Promise.all(resolved.map(async (r, n) => {
        const state = states[n];
        const repointed = o.retag !== false && state.main.exists ? await pointAliases(r.target, state.main.digest, state, deps, o.credentials) : [];
        return { ...r, image: formatReference(r.target.ref), exists: state.main.exists, digest: state.main.digest, repointed };
    }));
}
/** A build matrix of the missing images, shaped for build-push's inputs. */
function buildMatrix(planned) {
    return {
        include: planned
            .filter((p) => !p.exists)
            .map((p) => ({
            name: p.spec.name,
            image: p.image,
            tags: expandTags('tags', p.target.ref, p.tag.tags.slice(1)).join('\n'),
            context: p.spec.context,
            file: p.spec.file,
            'build-args': p.spec.buildArgs.map((kv) => `${kv.key}=${kv.value}`).join('\n'),
            target: p.spec.target ?? '',
            platforms: p.spec.platforms.join(','),
        })),
    };
}

;// CONCATENATED MODULE: ./packages/steps/src/index.ts









;// CONCATENATED MODULE: ./actions/build-push/src/inputs.ts


/** Every input build-push reads, with action.yml's defaults. */
const INPUTS = (0,kit_src.declareInputs)({
    image: kit_src.input.text(''),
    repository: kit_src.input.text(''),
    tag: kit_src.input.text(''),
    registry: kit_src.input.text(''),
    account: kit_src.input.text(''),
    region: kit_src.input.text(''),
    name: kit_src.input.parsed('', (n, v) => (v === '' ? '' : (0,src/* validateImageName */.He)(n, v))),
    ...kit_src.BUILD_INPUTS,
    ...kit_src.REPOSITORY_INPUTS,
    'skip-if-exists': kit_src.input.bool('true'),
    username: kit_src.input.text(''),
    password: kit_src.input.text(''),
});
/** The inputs, read and checked as a whole (before STS, a registry or docker is asked). */
function readInputs(env = process.env) {
    const v = (0,kit_src.readDeclared)(INPUTS, env);
    const creds = (0,kit_src.credentials)(v, kit_src.log);
    const image = (0,kit_src.imageInputs)(v);
    (0,src/* validateImageInputs */.Zk)(image, env);
    const ws = (0,kit_src.workspace)(env);
    const create = (0,kit_src.repositorySettings)(v);
    return {
        image,
        settings: (0,kit_src.buildSettings)(v, ws, env, kit_src.log),
        tags: v.tags,
        cache: v.cache,
        skipIfExists: v['skip-if-exists'],
        ...(creds ? { credentials: creds } : {}),
        runnerTemp: env.RUNNER_TEMP || '/tmp',
        act: (0,kit_src.isAct)(env),
        workspace: ws,
        name: v.name,
        ...(create ? { createRepository: create } : {}),
        missingRepository: v['missing-repository'],
    };
}

;// CONCATENATED MODULE: ./actions/build-push/src/main.ts









async function main() {
    const i = readInputs();
    // The revision label: the commit checked out (what resolve-tag tags by default), else GITHUB_SHA.
    const [image, head] = await Promise.all([
        target_resolveTarget(i.image, { ecr: loadSdkEcr, log: kit_src.log }, process.env),
        new GitCli().revParse(i.workspace, ['HEAD']).then(([sha]) => sha, () => process.env.GITHUB_SHA),
    ]);
    const plan = { ...(0,src/* withRevision */.kh)(i.settings, head), extraRefs: (0,src/* expandTags */.Cu)('tags', image.ref, i.tags) };
    const r = await buildPush({
        image,
        plan,
        cache: i.cache,
        skipIfExists: i.skipIfExists,
        runnerTemp: i.runnerTemp,
        act: i.act,
        ...(i.credentials ? { credentials: i.credentials } : {}),
        ...(i.name ? { name: i.name } : {}),
        ...(i.createRepository ? { createRepository: i.createRepository } : {}),
        missingRepository: i.missingRepository,
    }, { docker: new cli/* DockerCli */.V(), log: kit_src.log, ecr: loadSdkEcr, registry: new HttpRegistry(), cache: new ActionsDirCache() });
    (0,kit_src.setOutputs)({ built: r.built, digest: r.digest, image: r.image, 'image-digest': r.imageDigest, metadata: r.metadata });
    await (0,kit_src.writeSummary)('Build and push', [
        ['image', r.image],
        ['result', r.existed ? 'existed: build skipped' : r.built ? `built (${r.builder})` : 'pushed by another run'],
        ['digest', r.digest],
        ...(r.repointed.length ? [['re-pointed', r.repointed.join(', ')]] : []),
    ]);
}
/** The action (also what @github/local-action calls): failures end the step, never throw. */
const run = (0,kit_src.guarded)(main);


/***/ }),

/***/ 7515:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ MANIFEST_MEDIA_TYPES)
/* harmony export */ });
/** Every manifest and index media type, so registries answer with what is stored. */
const MANIFEST_MEDIA_TYPES = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.docker.distribution.manifest.v2+json',
];


/***/ })

};
