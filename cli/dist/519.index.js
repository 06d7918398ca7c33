export const id = 519;
export const ids = [519];
export const modules = {

/***/ 5570:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ explainAwsError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6716);

/**
 * Turn an AWS SDK error into one that says what to do. `iamAction` is the permission the
 * call needs, named in AccessDenied messages.
 */
function explainAwsError(e, iamAction, what) {
    const err = e;
    const name = err.name ?? err.Code ?? '';
    const message = err.message ?? String(e);
    if (/AccessDenied|UnauthorizedOperation|NotAuthorized/i.test(name)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PermissionError */ .i_(`AWS denied ${what}: the role needs ${iamAction}. (${name}: ${message})`);
    }
    if (name === 'RepositoryNotFoundException') {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RepositoryNotFoundError */ .wN(`${what}: the repository does not exist (${message})`);
    }
    if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(message)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CredentialsError */ .lE(`${what}: no AWS credentials found. Configure them first (aws-actions/configure-aws-credentials with OIDC, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY). (${message})`);
    }
    if (/ExpiredToken|InvalidClientTokenId|UnrecognizedClient|SignatureDoesNotMatch/.test(name)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CredentialsError */ .lE(`${what}: AWS rejected the credentials (${name}: ${message}). Refresh or reconfigure them.`);
    }
    const cause = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .networkCause */ .u6)(e);
    // Node's message names the address (`connect ECONNREFUSED 127.0.0.1:4566`, `getaddrinfo ENOTFOUND api.ecr...`).
    if (cause)
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NetworkError */ .Dr(`${what}: cannot reach the AWS API: ${cause} (${message})`);
    return new Error(`${what} failed: ${name ? `${name}: ` : ''}${message}`);
}


/***/ }),

/***/ 6519:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FastEcr: () => (/* binding */ FastEcr)
});

// UNUSED EXPORTS: jsonError, queryError, sanitizeErrorCode

// EXTERNAL MODULE: ./packages/adapters/src/media-types.ts
var media_types = __webpack_require__(7515);
// EXTERNAL MODULE: ./packages/adapters/src/aws/errors.ts
var errors = __webpack_require__(5570);
// EXTERNAL MODULE: ./packages/adapters/src/aws/hosts.ts
var hosts = __webpack_require__(5390);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: ./node_modules/.pnpm/@smithy+core@3.41.0/node_modules/@smithy/core/dist-cjs/submodules/retry/index.js
var retry = __webpack_require__(5200);
// EXTERNAL MODULE: ./node_modules/.pnpm/@smithy+signature-v4@5.7.5/node_modules/@smithy/signature-v4/dist-cjs/index.js
var dist_cjs = __webpack_require__(1596);
// EXTERNAL MODULE: ./packages/adapters/src/aws/proxy-agent.ts
var proxy_agent = __webpack_require__(6657);
;// CONCATENATED MODULE: ./packages/adapters/src/aws/signed-call.ts
// One AWS API call without the SDK's client: signed with the SDK's own SigV4 signer
// (@smithy/signature-v4), sent with node:http(s) through the same proxy decision as the SDK
// path, retried by the SDK's own standard retry strategy and error classification.






const bytes = (d) => typeof d === 'string' ? Buffer.from(d, 'utf8') : ArrayBuffer.isView(d) ? Buffer.from(d.buffer, d.byteOffset, d.byteLength) : Buffer.from(d);
/** SHA-256 (HMAC with a secret) as the signer asks for it, over node:crypto (what @smithy/hash-node does). */
class Sha256 {
    secret;
    hash;
    constructor(secret) {
        this.secret = secret;
        this.hash = this.fresh();
    }
    fresh() {
        return this.secret === undefined ? (0,external_node_crypto_.createHash)('sha256') : (0,external_node_crypto_.createHmac)('sha256', bytes(this.secret));
    }
    update(data) {
        this.hash.update(bytes(data));
    }
    async digest() {
        return new Uint8Array(this.hash.digest());
    }
    reset() {
        this.hash = this.fresh();
    }
}
/** The request as the SDK would sign it: host, the call's headers, content-length, then SigV4. */
async function signRequest(call, signingDate) {
    const url = new URL(call.endpoint);
    const request = {
        method: 'POST',
        protocol: url.protocol,
        hostname: url.hostname,
        ...(url.port ? { port: Number(url.port) } : {}),
        path: url.pathname || '/',
        query: {},
        headers: { ...call.headers, host: url.host, 'content-length': String(Buffer.byteLength(call.body)) },
        body: call.body,
    };
    const signer = new dist_cjs.SignatureV4({ credentials: call.credentials, region: call.region, service: call.service, sha256: Sha256, uriEscapePath: true });
    return (await signer.sign(request, signingDate ? { signingDate } : {}));
}
/** An error answer, shaped as the SDK shapes it (name = the error code, $metadata, $response headers) so explainAwsError and the retry classification read it alike. */
class AwsApiError extends Error {
    $metadata;
    $fault;
    constructor(code, message, status) {
        super(message);
        this.name = code;
        this.$metadata = { httpStatusCode: status };
        this.$fault = status >= 500 ? 'server' : 'client';
    }
}
function send(req, agent) {
    const request = req.protocol === 'http:' ? external_node_http_.request : external_node_https_.request;
    return new Promise((resolve, reject) => {
        const r = request({ method: req.method, hostname: req.hostname, port: req.port, path: req.path, headers: req.headers, ...(agent ? { agent } : {}) }, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
            res.on('error', reject);
        });
        r.on('error', reject);
        r.end(req.body);
    });
}
/** The SDK's retry classification (middleware-retry's getRetryErrorType). */
function errorType(e) {
    const err = e;
    if ((0,retry.isThrottlingError)(err))
        return 'THROTTLING';
    if ((0,retry.isTransientError)(err))
        return 'TRANSIENT';
    if ((0,retry.isServerError)(err))
        return 'SERVER_ERROR';
    return 'CLIENT_ERROR';
}
/** Make the call: the answer's body on 2xx; otherwise, after the SDK's retries, the last error (AwsApiError, or node's network error). */
async function awsCall(call) {
    const agent = await (0,proxy_agent/* proxyAgent */.Q)(call.endpoint);
    const strategy = new retry.StandardRetryStrategy(call.maxAttempts);
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
        }
        catch (e) {
            try {
                token = await strategy.refreshRetryTokenForRetry(token, { errorType: errorType(e) });
            }
            catch {
                throw e;
            }
        }
    }
}

// EXTERNAL MODULE: ./packages/adapters/src/aws/token.ts
var token = __webpack_require__(112);
;// CONCATENATED MODULE: ./packages/adapters/src/aws/fast-ecr.ts





const BATCH = 100;
const ECR_TARGET = 'AmazonEC2ContainerRegistry_V20150921';
/** The query protocol's XML (STS), read by fast-xml-parser, loaded only when STS is called (an ECR login never is). */
async function readXml(body) {
    const { XMLParser } = await __webpack_require__.e(/* import() */ 266).then(__webpack_require__.bind(__webpack_require__, 3266));
    return new XMLParser({ parseTagValue: false }).parse(body);
}
/** The SDK's JSON error code: x-amzn-ErrorType, else `code`, else `__type`, cut at `:` and after `#`. */
function sanitizeErrorCode(raw) {
    let code = raw.split(',')[0] ?? '';
    code = code.split(':')[0] ?? '';
    return code.includes('#') ? (code.split('#')[1] ?? '') : code;
}
function jsonError(status, headers, body) {
    let parsed = {};
    try {
        parsed = body.trim() ? JSON.parse(body) : {};
    }
    catch (e) {
        return { code: 'SyntaxError', message: `${e.message} (an HTTP ${status} answer that is not the API's JSON)` };
    }
    const header = headers['x-amzn-errortype'];
    const raw = (Array.isArray(header) ? header[0] : header) ?? parsed.code ?? parsed.__type;
    return { code: raw ? sanitizeErrorCode(String(raw)) : String(status), message: parsed.message ?? parsed.Message ?? 'UnknownError' };
}
async function queryError(status, _headers, body) {
    try {
        const e = (await readXml(body)).ErrorResponse?.Error;
        if (e?.Code)
            return { code: e.Code, message: e.Message ?? 'UnknownError' };
    }
    catch {
        // not XML: named by its status below
    }
    return { code: String(status), message: `an HTTP ${status} answer that is not the API's XML` };
}
class FastEcr {
    settings;
    sdk;
    env;
    accounts = new Map();
    constructor(settings, 
    /** The SDK adapter, loaded on first use, for every call the fast path does not make. */
    sdk, env = process.env) {
        this.settings = settings;
        this.sdk = sdk;
        this.env = env;
    }
    async ecr(region, op, input) {
        const body = await awsCall({
            service: 'ecr',
            region,
            endpoint: (0,hosts/* endpointFor */.L)('ECR', (0,hosts/* apiHost */.n)('api.ecr', region), this.env),
            headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${ECR_TARGET}.${op}` },
            body: JSON.stringify(input),
            credentials: this.settings.credentials,
            maxAttempts: this.settings.maxAttempts,
            parseError: jsonError,
        });
        return JSON.parse(body);
    }
    async privateTokens(region, accounts) {
        const what = `ecr:GetAuthorizationToken in ${region}`;
        try {
            const out = (await this.ecr(region, 'GetAuthorizationToken', accounts.length ? { registryIds: [...accounts] } : {}));
            return (out.authorizationData ?? []).map((d) => ({
                account: (0,token/* proxyEndpointAccount */.l0)(d.proxyEndpoint),
                ...(0,token/* decodeToken */.oL)(d.authorizationToken, what),
                ...(d.expiresAt ? { expiresAt: new Date(d.expiresAt * 1000) } : {}),
            }));
        }
        catch (e) {
            throw (0,errors/* explainAwsError */.N)(e, 'ecr:GetAuthorizationToken', what);
        }
    }
    async findImages(q) {
        const found = new Map();
        const what = `ecr:BatchGetImage on ${q.repository}`;
        for (let i = 0; i < q.tags.length; i += BATCH) {
            const tags = q.tags.slice(i, i + BATCH);
            let out;
            try {
                out = (await this.ecr(q.region, 'BatchGetImage', {
                    ...(q.account ? { registryId: q.account } : {}),
                    repositoryName: q.repository,
                    imageIds: tags.map((ref) => (ref.startsWith('sha256:') ? { imageDigest: ref } : { imageTag: ref })),
                    acceptedMediaTypes: media_types/* MANIFEST_MEDIA_TYPES */.$,
                }));
            }
            catch (e) {
                throw (0,errors/* explainAwsError */.N)(e, 'ecr:BatchGetImage', what);
            }
            (0,token/* collectImages */.F1)(out, found, what);
        }
        return found;
    }
    /** Asked once per region per process, however many images need it. */
    accountId(region) {
        let a = this.accounts.get(region);
        if (!a) {
            a = this.callerAccount(region);
            this.accounts.set(region, a);
        }
        return a;
    }
    async callerAccount(region) {
        const what = 'sts:GetCallerIdentity (to find the account for the registry)';
        try {
            const body = await awsCall({
                service: 'sts',
                region,
                endpoint: (0,hosts/* endpointFor */.L)('STS', (0,hosts/* apiHost */.n)('sts', region), this.env),
                headers: { 'content-type': 'application/x-www-form-urlencoded' },
                body: 'Action=GetCallerIdentity&Version=2011-06-15',
                credentials: this.settings.credentials,
                maxAttempts: this.settings.maxAttempts,
                parseError: queryError,
            });
            const out = (await readXml(body));
            const account = out.GetCallerIdentityResponse?.GetCallerIdentityResult?.Account;
            if (!account)
                throw new Error('no Account in the answer');
            return String(account);
        }
        catch (e) {
            throw (0,errors/* explainAwsError */.N)(e, 'sts:GetCallerIdentity (or set the account or registry input)', what);
        }
    }
    async publicToken() {
        return (await this.sdk()).publicToken();
    }
    async putImage(r) {
        return (await this.sdk()).putImage(r);
    }
    async createRepository(r) {
        return (await this.sdk()).createRepository(r);
    }
    async createPublicRepository(name) {
        return (await this.sdk()).createPublicRepository(name);
    }
}


/***/ }),

/***/ 5390:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ endpointFor),
/* harmony export */   n: () => (/* binding */ apiHost)
/* harmony export */ });
/* harmony import */ var _ensure_image_conventions__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3486);

/** The default API host of an AWS service in a region (`api.ecr.eu-west-1.amazonaws.com`), as the SDK's endpoint rules give it. */
function apiHost(service, region) {
    return `${service}.${region}.${(0,_ensure_image_conventions__WEBPACK_IMPORTED_MODULE_0__/* .partitionOf */ .iQ)(region).suffix}`;
}
/** The URL a client of `service` calls: AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL, then the default host. */
function endpointFor(service, host, env = process.env) {
    return env[`AWS_ENDPOINT_URL_${service}`] || env.AWS_ENDPOINT_URL || `https://${host}`;
}


/***/ }),

/***/ 6657:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ proxyAgent),
/* harmony export */   i: () => (/* binding */ proxyFor)
/* harmony export */ });
/* harmony import */ var proxy_from_env__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6197);

/** Whether HTTP(S)_PROXY applies to `endpoint` (NO_PROXY respected): the proxy URL, or undefined. */
const proxyFor = (endpoint) => (0,proxy_from_env__WEBPACK_IMPORTED_MODULE_0__/* .getProxyForUrl */ .T)(endpoint) || undefined;
/** The agent that routes a request to `endpoint` through the proxy, or undefined when none applies; the agent's module (a large one) is loaded only then. */
async function proxyAgent(endpoint) {
    const proxy = proxyFor(endpoint);
    if (!proxy)
        return undefined;
    const { HttpsProxyAgent } = await __webpack_require__.e(/* import() */ 735).then(__webpack_require__.bind(__webpack_require__, 1735));
    return new HttpsProxyAgent(proxy);
}


/***/ }),

/***/ 112:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F1: () => (/* binding */ collectImages),
/* harmony export */   l0: () => (/* binding */ proxyEndpointAccount),
/* harmony export */   oL: () => (/* binding */ decodeToken)
/* harmony export */ });
/** GetAuthorizationToken's token: base64 of `user:password`. */
function decodeToken(token, what) {
    const raw = Buffer.from(token ?? '', 'base64').toString('utf8');
    const colon = raw.indexOf(':');
    if (colon <= 0)
        throw new Error(`${what}: the authorization token has an unexpected form`);
    return { username: raw.slice(0, colon), password: raw.slice(colon + 1) };
}
/** The account of a private registry's proxyEndpoint (`https://123456789012.dkr.ecr...`). */
const proxyEndpointAccount = (endpoint) => /^https?:\/\/(\d{12})\./.exec(endpoint ?? '')?.[1] ?? '';
/** Add BatchGetImage's images to `found` (by digest and by tag); a missing tag is an ImageNotFound entry, not an error, any other failure is. */
function collectImages(out, found, what) {
    for (const img of out.images ?? []) {
        const digest = img.imageId?.imageDigest;
        if (!digest)
            continue;
        const image = {
            digest,
            ...(img.imageManifest ? { manifest: img.imageManifest } : {}),
            ...(img.imageManifestMediaType ? { mediaType: img.imageManifestMediaType } : {}),
        };
        found.set(digest, image);
        if (img.imageId?.imageTag)
            found.set(img.imageId.imageTag, image);
    }
    const odd = (out.failures ?? []).find((f) => f.failureCode !== 'ImageNotFound');
    if (odd)
        throw new Error(`${what}: ${odd.failureCode}: ${odd.failureReason} (tag ${odd.imageId?.imageTag})`);
}


/***/ })

};
