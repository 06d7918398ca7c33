export const id = 308;
export const ids = [308];
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
    const { HttpsProxyAgent } = await __webpack_require__.e(/* import() */ 886).then(__webpack_require__.bind(__webpack_require__, 2886));
    return new HttpsProxyAgent(proxy);
}


/***/ }),

/***/ 3308:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SdkEcr: () => (/* binding */ SdkEcr)
});

// EXTERNAL MODULE: ./node_modules/.pnpm/@aws-sdk+client-ecr@3.1169.0/node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var dist_cjs = __webpack_require__(9377);
// EXTERNAL MODULE: ./node_modules/.pnpm/@aws-sdk+client-ecr-public@3.1108.0/node_modules/@aws-sdk/client-ecr-public/dist-cjs/index.js
var client_ecr_public_dist_cjs = __webpack_require__(4688);
// EXTERNAL MODULE: ./node_modules/.pnpm/@aws-sdk+client-sts@3.1169.0/node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var client_sts_dist_cjs = __webpack_require__(1661);
// EXTERNAL MODULE: ./packages/conventions/src/index.ts + 13 modules
var src = __webpack_require__(3486);
// EXTERNAL MODULE: ./packages/adapters/src/media-types.ts
var media_types = __webpack_require__(7515);
// EXTERNAL MODULE: ./packages/adapters/src/aws/errors.ts
var errors = __webpack_require__(5570);
// EXTERNAL MODULE: ./packages/adapters/src/aws/hosts.ts
var hosts = __webpack_require__(5390);
// EXTERNAL MODULE: ./packages/adapters/src/aws/token.ts
var token = __webpack_require__(112);
// EXTERNAL MODULE: ./node_modules/.pnpm/@smithy+node-http-handler@4.14.2/node_modules/@smithy/node-http-handler/dist-cjs/index.js
var node_http_handler_dist_cjs = __webpack_require__(6858);
// EXTERNAL MODULE: ./node_modules/.pnpm/https-proxy-agent@9.1.0/node_modules/https-proxy-agent/dist/index.js + 1 modules
var dist = __webpack_require__(2886);
// EXTERNAL MODULE: ./packages/adapters/src/aws/proxy-agent.ts
var proxy_agent = __webpack_require__(6657);
;// CONCATENATED MODULE: ./packages/adapters/src/aws/proxy.ts



/**
 * The SDK honours AWS_ENDPOINT_URL_* by itself but not HTTPS_PROXY: when a proxy applies to
 * the endpoint (NO_PROXY respected), route the client through it.
 */
function proxyHandler(endpoint) {
    const proxy = (0,proxy_agent/* proxyFor */.i)(endpoint);
    if (!proxy)
        return undefined;
    const agent = new dist.HttpsProxyAgent(proxy);
    return new node_http_handler_dist_cjs.NodeHttpHandler({ httpsAgent: agent, httpAgent: agent });
}


// EXTERNAL MODULE: ./packages/adapters/src/errors.ts
var src_errors = __webpack_require__(6716);
;// CONCATENATED MODULE: ./packages/adapters/src/aws/sdk.ts










const BATCH = 100;
/** ECR, ECR Public and STS through the AWS SDK's default credential chain and endpoint settings. */
class SdkEcr {
    ecr = new Map();
    sts = new Map();
    pub;
    client(region) {
        let c = this.ecr.get(region);
        if (!c) {
            c = new dist_cjs/* ECRClient */.S70({ region, requestHandler: proxyHandler((0,hosts/* endpointFor */.L)('ECR', (0,hosts/* apiHost */.n)('api.ecr', region))) });
            this.ecr.set(region, c);
        }
        return c;
    }
    async privateTokens(region, accounts) {
        const what = `ecr:GetAuthorizationToken in ${region}`;
        try {
            const out = await this.client(region).send(new dist_cjs/* GetAuthorizationTokenCommand */.Eu6(accounts.length ? { registryIds: [...accounts] } : {}));
            return (out.authorizationData ?? []).map((d) => {
                const account = (0,token/* proxyEndpointAccount */.l0)(d.proxyEndpoint);
                return { account, ...(0,token/* decodeToken */.oL)(d.authorizationToken, what), ...(d.expiresAt ? { expiresAt: d.expiresAt } : {}) };
            });
        }
        catch (e) {
            throw (0,errors/* explainAwsError */.N)(e, 'ecr:GetAuthorizationToken', what);
        }
    }
    publicClient() {
        this.pub ??= new client_ecr_public_dist_cjs/* ECRPUBLICClient */.Rr({
            region: src/* ECR_PUBLIC_REGION */.ug,
            requestHandler: proxyHandler((0,hosts/* endpointFor */.L)('ECR_PUBLIC', (0,hosts/* apiHost */.n)('api.ecr-public', src/* ECR_PUBLIC_REGION */.ug))),
        });
        return this.pub;
    }
    async publicToken() {
        const what = 'ECR Public login';
        try {
            const out = await this.publicClient().send(new client_ecr_public_dist_cjs/* GetAuthorizationTokenCommand */.Eu({}));
            const d = out.authorizationData;
            return { ...(0,token/* decodeToken */.oL)(d?.authorizationToken, what), ...(d?.expiresAt ? { expiresAt: d.expiresAt } : {}) };
        }
        catch (e) {
            throw (0,errors/* explainAwsError */.N)(e, 'ecr-public:GetAuthorizationToken and sts:GetServiceBearerToken', what);
        }
    }
    async findImages(q) {
        const found = new Map();
        const what = `ecr:BatchGetImage on ${q.repository}`;
        for (let i = 0; i < q.tags.length; i += BATCH) {
            const tags = q.tags.slice(i, i + BATCH);
            let out;
            try {
                out = await this.client(q.region).send(new dist_cjs/* BatchGetImageCommand */.P8n({
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
    accounts = new Map();
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
            let c = this.sts.get(region);
            if (!c) {
                c = new client_sts_dist_cjs/* STSClient */.iM({ region, requestHandler: proxyHandler((0,hosts/* endpointFor */.L)('STS', (0,hosts/* apiHost */.n)('sts', region))) });
                this.sts.set(region, c);
            }
            const out = await c.send(new client_sts_dist_cjs/* GetCallerIdentityCommand */.zI({}));
            if (!out.Account)
                throw new Error('no Account in the answer');
            return out.Account;
        }
        catch (e) {
            throw (0,errors/* explainAwsError */.N)(e, 'sts:GetCallerIdentity (or set the account or registry input)', what);
        }
    }
    async putImage(r) {
        const what = `ecr:PutImage of ${r.repository}:${r.tag}`;
        try {
            await this.client(r.region).send(new dist_cjs/* PutImageCommand */.SUU({
                ...(r.account ? { registryId: r.account } : {}),
                repositoryName: r.repository,
                imageTag: r.tag,
                imageManifest: r.manifest,
                ...(r.mediaType ? { imageManifestMediaType: r.mediaType } : {}),
                imageDigest: r.digest,
            }));
        }
        catch (e) {
            const name = e.name;
            // The tag already names this very manifest: nothing to move.
            if (name === 'ImageAlreadyExistsException')
                return;
            if (name === 'ImageTagAlreadyExistsException')
                throw new src_errors/* ImmutableTagError */.zF(`${what}: the tag exists and the repository's tags are immutable`);
            throw (0,errors/* explainAwsError */.N)(e, 'ecr:PutImage', what);
        }
    }
    async createRepository(r) {
        const what = `ecr:CreateRepository ${r.repository}`;
        const registryId = r.account ? { registryId: r.account } : {};
        try {
            await this.client(r.region).send(new dist_cjs/* CreateRepositoryCommand */.WTe({
                ...registryId,
                repositoryName: r.repository,
                imageScanningConfiguration: { scanOnPush: r.scanOnPush },
                encryptionConfiguration: r.kmsKey ? { encryptionType: 'KMS', kmsKey: r.kmsKey } : { encryptionType: 'AES256' },
                imageTagMutability: r.mutability,
                ...(r.mutability === 'IMMUTABLE_WITH_EXCLUSION'
                    ? { imageTagMutabilityExclusionFilters: r.mutableTags.map((filter) => ({ filterType: 'WILDCARD', filter })) }
                    : {}),
            }));
        }
        catch (e) {
            if (e.name === 'RepositoryAlreadyExistsException')
                return 'exists';
            throw (0,errors/* explainAwsError */.N)(e, 'ecr:CreateRepository', what);
        }
        if (r.lifecyclePolicy) {
            try {
                await this.client(r.region).send(new dist_cjs/* PutLifecyclePolicyCommand */.Rcn({ ...registryId, repositoryName: r.repository, lifecyclePolicyText: r.lifecyclePolicy }));
            }
            catch (e) {
                throw (0,errors/* explainAwsError */.N)(e, 'ecr:PutLifecyclePolicy', `ecr:PutLifecyclePolicy on ${r.repository} (the repository was created)`);
            }
        }
        return 'created';
    }
    async createPublicRepository(name) {
        try {
            await this.publicClient().send(new client_ecr_public_dist_cjs/* CreateRepositoryCommand */.WT({ repositoryName: name }));
            return 'created';
        }
        catch (e) {
            if (e.name === 'RepositoryAlreadyExistsException')
                return 'exists';
            throw (0,errors/* explainAwsError */.N)(e, 'ecr-public:CreateRepository', `ecr-public:CreateRepository ${name}`);
        }
    }
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
