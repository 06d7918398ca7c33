export const id = 399;
export const ids = [399];
export const modules = {

/***/ 1399:
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
// EXTERNAL MODULE: ./packages/conventions/src/index.ts + 14 modules
var src = __webpack_require__(2541);
// EXTERNAL MODULE: ./packages/adapters/src/media-types.ts
var media_types = __webpack_require__(7515);
// EXTERNAL MODULE: ./packages/adapters/src/errors.ts
var errors = __webpack_require__(6716);
;// CONCATENATED MODULE: ./packages/adapters/src/aws/errors.ts

/**
 * Turn an AWS SDK error into one that says what to do. `iamAction` is the permission the
 * call needs, named in AccessDenied messages.
 */
function explainAwsError(e, iamAction, what) {
    const err = e;
    const name = err.name ?? err.Code ?? '';
    const message = err.message ?? String(e);
    if (/AccessDenied|UnauthorizedOperation|NotAuthorized/i.test(name)) {
        return new errors/* PermissionError */.i_(`AWS denied ${what}: the role needs ${iamAction}. (${name}: ${message})`);
    }
    if (name === 'RepositoryNotFoundException') {
        return new errors/* RepositoryNotFoundError */.wN(`${what}: the repository does not exist (${message})`);
    }
    if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(message)) {
        return new errors/* CredentialsError */.lE(`${what}: no AWS credentials found. Configure them first (aws-actions/configure-aws-credentials with OIDC, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY). (${message})`);
    }
    if (/ExpiredToken|InvalidClientTokenId|UnrecognizedClient|SignatureDoesNotMatch/.test(name)) {
        return new errors/* CredentialsError */.lE(`${what}: AWS rejected the credentials (${name}: ${message}). Refresh or reconfigure them.`);
    }
    const cause = (0,errors/* networkCause */.u6)(e);
    // Node's message names the address (`connect ECONNREFUSED 127.0.0.1:4566`, `getaddrinfo ENOTFOUND api.ecr...`).
    if (cause)
        return new errors/* NetworkError */.Dr(`${what}: cannot reach the AWS API: ${cause} (${message})`);
    return new Error(`${what} failed: ${name ? `${name}: ` : ''}${message}`);
}

// EXTERNAL MODULE: ./node_modules/.pnpm/@smithy+node-http-handler@4.14.2/node_modules/@smithy/node-http-handler/dist-cjs/index.js
var node_http_handler_dist_cjs = __webpack_require__(6858);
// EXTERNAL MODULE: ./node_modules/.pnpm/https-proxy-agent@9.1.0/node_modules/https-proxy-agent/dist/index.js + 1 modules
var dist = __webpack_require__(2886);
// EXTERNAL MODULE: ./node_modules/.pnpm/proxy-from-env@2.1.0/node_modules/proxy-from-env/index.js
var proxy_from_env = __webpack_require__(6197);
;// CONCATENATED MODULE: ./packages/adapters/src/aws/proxy.ts



/**
 * The SDK honours AWS_ENDPOINT_URL_* by itself but not HTTPS_PROXY: when a proxy applies to
 * the endpoint (NO_PROXY respected), route the client through it.
 */
function proxyHandler(endpoint) {
    const proxy = (0,proxy_from_env/* getProxyForUrl */.T)(endpoint);
    if (!proxy)
        return undefined;
    const agent = new dist/* HttpsProxyAgent */.b(proxy);
    return new node_http_handler_dist_cjs.NodeHttpHandler({ httpsAgent: agent, httpAgent: agent });
}
/** The URL a client of `service` will call (for the proxy decision only). */
function endpointFor(service, host, env = process.env) {
    return env[`AWS_ENDPOINT_URL_${service}`] || env.AWS_ENDPOINT_URL || `https://${host}`;
}

;// CONCATENATED MODULE: ./packages/adapters/src/aws/sdk.ts








const BATCH = 100;
function decodeToken(token, what) {
    const raw = Buffer.from(token ?? '', 'base64').toString('utf8');
    const colon = raw.indexOf(':');
    if (colon <= 0)
        throw new Error(`${what}: the authorization token has an unexpected form`);
    return { username: raw.slice(0, colon), password: raw.slice(colon + 1) };
}
function apiHost(service, region) {
    return `${service}.${region}.${(0,src/* partitionOf */.iQ)(region).suffix}`;
}
/** ECR, ECR Public and STS through the AWS SDK's default credential chain and endpoint settings. */
class SdkEcr {
    ecr = new Map();
    sts = new Map();
    pub;
    client(region) {
        let c = this.ecr.get(region);
        if (!c) {
            c = new dist_cjs/* ECRClient */.S70({ region, requestHandler: proxyHandler(endpointFor('ECR', apiHost('api.ecr', region))) });
            this.ecr.set(region, c);
        }
        return c;
    }
    async privateTokens(region, accounts) {
        const what = `ecr:GetAuthorizationToken in ${region}`;
        try {
            const out = await this.client(region).send(new dist_cjs/* GetAuthorizationTokenCommand */.Eu6(accounts.length ? { registryIds: [...accounts] } : {}));
            return (out.authorizationData ?? []).map((d) => {
                const account = /^https?:\/\/(\d{12})\./.exec(d.proxyEndpoint ?? '')?.[1] ?? '';
                return { account, ...decodeToken(d.authorizationToken, what), ...(d.expiresAt ? { expiresAt: d.expiresAt } : {}) };
            });
        }
        catch (e) {
            throw explainAwsError(e, 'ecr:GetAuthorizationToken', what);
        }
    }
    publicClient() {
        this.pub ??= new client_ecr_public_dist_cjs/* ECRPUBLICClient */.Rr({
            region: src/* ECR_PUBLIC_REGION */.ug,
            requestHandler: proxyHandler(endpointFor('ECR_PUBLIC', apiHost('api.ecr-public', src/* ECR_PUBLIC_REGION */.ug))),
        });
        return this.pub;
    }
    async publicToken() {
        const what = 'ECR Public login';
        try {
            const out = await this.publicClient().send(new client_ecr_public_dist_cjs/* GetAuthorizationTokenCommand */.Eu({}));
            const d = out.authorizationData;
            return { ...decodeToken(d?.authorizationToken, what), ...(d?.expiresAt ? { expiresAt: d.expiresAt } : {}) };
        }
        catch (e) {
            throw explainAwsError(e, 'ecr-public:GetAuthorizationToken and sts:GetServiceBearerToken', what);
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
                throw explainAwsError(e, 'ecr:BatchGetImage', what);
            }
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
            // A missing tag is an ImageNotFound entry, not an error; any other failure is.
            const odd = (out.failures ?? []).find((f) => f.failureCode !== 'ImageNotFound');
            if (odd)
                throw new Error(`${what}: ${odd.failureCode}: ${odd.failureReason} (tag ${odd.imageId?.imageTag})`);
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
                c = new client_sts_dist_cjs/* STSClient */.iM({ region, requestHandler: proxyHandler(endpointFor('STS', apiHost('sts', region))) });
                this.sts.set(region, c);
            }
            const out = await c.send(new client_sts_dist_cjs/* GetCallerIdentityCommand */.zI({}));
            if (!out.Account)
                throw new Error('no Account in the answer');
            return out.Account;
        }
        catch (e) {
            throw explainAwsError(e, 'sts:GetCallerIdentity (or set the account or registry input)', what);
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
                throw new errors/* ImmutableTagError */.zF(`${what}: the tag exists and the repository's tags are immutable`);
            throw explainAwsError(e, 'ecr:PutImage', what);
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
            throw explainAwsError(e, 'ecr:CreateRepository', what);
        }
        if (r.lifecyclePolicy) {
            try {
                await this.client(r.region).send(new dist_cjs/* PutLifecyclePolicyCommand */.Rcn({ ...registryId, repositoryName: r.repository, lifecyclePolicyText: r.lifecyclePolicy }));
            }
            catch (e) {
                throw explainAwsError(e, 'ecr:PutLifecyclePolicy', `ecr:PutLifecyclePolicy on ${r.repository} (the repository was created)`);
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
            throw explainAwsError(e, 'ecr-public:CreateRepository', `ecr-public:CreateRepository ${name}`);
        }
    }
}


/***/ })

};
