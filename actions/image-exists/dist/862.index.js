export const id = 862;
export const ids = [862];
export const modules = {

/***/ 6716:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dr: () => (/* binding */ NetworkError),
/* harmony export */   hc: () => (/* binding */ ToolMissingError),
/* harmony export */   hg: () => (/* binding */ asNetworkError),
/* harmony export */   i_: () => (/* binding */ PermissionError),
/* harmony export */   lE: () => (/* binding */ CredentialsError),
/* harmony export */   u6: () => (/* binding */ networkCause),
/* harmony export */   wN: () => (/* binding */ RepositoryNotFoundError),
/* harmony export */   zF: () => (/* binding */ ImmutableTagError)
/* harmony export */ });
/** AWS refused an action for lack of an IAM permission; the message names the permission. */
class PermissionError extends Error {
    name = 'PermissionError';
}
/** The ECR repository does not exist (not the same as a missing tag). */
class RepositoryNotFoundError extends Error {
    name = 'RepositoryNotFoundError';
}
/** No credentials could be found for AWS or a registry. */
class CredentialsError extends Error {
    name = 'CredentialsError';
}
/** A command-line tool the step needs is not installed. */
class ToolMissingError extends Error {
    name = 'ToolMissingError';
}
/** A registry refused to move a tag because the repository's tags are immutable. */
class ImmutableTagError extends Error {
    name = 'ImmutableTagError';
}
/** A host could not be reached; the message names the host and the cause. */
class NetworkError extends Error {
    name = 'NetworkError';
}
const CAUSES = [
    [/ECONNREFUSED/, 'connection refused'],
    [/ENOTFOUND|EAI_AGAIN/, 'name not found (DNS)'],
    [/ECONNRESET|EPIPE|socket hang up|UND_ERR_SOCKET/, 'connection reset'],
    [/ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|TimeoutError|timed? ?out|aborted due to timeout/i, 'timed out'],
    [/CERT|SSL|TLS|self[- ]signed|unable to verify|wrong version number|EPROTO/i, 'TLS failed'],
    [/EHOSTUNREACH|ENETUNREACH/, 'host unreachable'],
];
/** Name the cause of a failed connection (fetch's `cause`, node's `code`), or undefined when it is none. */
function networkCause(e) {
    const parts = [];
    for (let c = e, depth = 0; c && depth < 4; c = c.cause, depth++) {
        const x = c;
        parts.push([x.code, x.name, x.message].filter(Boolean).join(' '));
    }
    const text = parts.join(' | ');
    const hit = CAUSES.find(([re]) => re.test(text));
    if (!hit)
        return undefined;
    const detail = parts.slice(1).find((p) => p.trim() !== '') ?? parts[0] ?? '';
    return hit[1] === 'TLS failed' ? `TLS failed: ${detail.trim()}` : hit[1];
}
/** A NetworkError naming `host` and the cause, or undefined when `e` is no connection failure. */
function asNetworkError(e, host) {
    const cause = networkCause(e);
    return cause ? new NetworkError(`cannot reach ${host}: ${cause}`) : undefined;
}


/***/ }),

/***/ 3486:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _R: () => (/* reexport */ CACHE_MODES),
  ug: () => (/* reexport */ ECR_PUBLIC_REGION),
  yI: () => (/* reexport */ errors_ValidationError),
  Gv: () => (/* reexport */ tags_aliasTags),
  iR: () => (/* reexport */ distributionTarget),
  FH: () => (/* reexport */ formatReference),
  _3: () => (/* reexport */ tags_formatTag),
  Re: () => (/* reexport */ lifecyclePolicy),
  go: () => (/* reexport */ mutableTagFilters),
  x8: () => (/* reexport */ needsAccount),
  qb: () => (/* reexport */ tags_normalisePath),
  TT: () => (/* reexport */ ociLabels),
  yG: () => (/* reexport */ parseBoolean),
  HU: () => (/* reexport */ parseChoice),
  r8: () => (/* reexport */ parseExtraTags),
  cG: () => (/* reexport */ parseInteger),
  Hl: () => (/* reexport */ inputs_parseKeyValues),
  E1: () => (/* reexport */ parseList),
  qA: () => (/* reexport */ inputs_parsePlatforms),
  sV: () => (/* reexport */ parseSecretEnvs),
  Gi: () => (/* reexport */ parseTagMutability),
  iQ: () => (/* reexport */ partitionOf),
  ct: () => (/* reexport */ pinnedReference),
  AT: () => (/* reexport */ resolveImage),
  Zv: () => (/* reexport */ registry_resolveRegion),
  SP: () => (/* reexport */ errors_shown),
  Zk: () => (/* reexport */ validateImageInputs),
  by: () => (/* reexport */ validateKmsKey),
  jO: () => (/* reexport */ validateNetwork),
  Rt: () => (/* reexport */ validateSecretIds),
  Ps: () => (/* reexport */ inputs_validateStage)
});

// UNUSED EXPORTS: ACCOUNT_ID_RE, ECR_PUBLIC_HOSTS, IMAGE_NAME_RULE, ManifestError, TAG_MUTABILITIES, TAG_RE, buildxArgs, cacheFlags, cacheName, camelCase, cdkContext, classicBuildArgs, classicLimits, classifyRegistry, combineContentIds, contextKey, decidePrebuilt, defaultImagePaths, ecrHost, expandTags, expandVars, exportsCache, formatName, isAccountId, isFullSha, isValidRegistryHost, parseCdkImages, parseManifest, parseReference, planLogins, prefixOfTag, registryCacheRef, secretEnv, secretEnvName, shellQuote, shortId, validateAccount, validateContextKey, validateDigest, validateImageName, validatePrefix, validateRegion, validateRepository, validateSha, validateShaInput, validateTag, withRevision

;// CONCATENATED MODULE: ./packages/conventions/src/errors.ts
/**
 * A user-supplied value does not have the accepted form. The message names the input
 * and says what would have been accepted, so it can be shown to the user unchanged.
 * Transient failures (network, throttling) are never ValidationErrors.
 */
class errors_ValidationError extends Error {
    input;
    detail;
    name = 'ValidationError';
    constructor(input, detail) {
        super(`Input "${input}": ${detail}`);
        this.input = input;
        this.detail = detail;
    }
}
/** Show a user value in an error message: quoted, and cut when long. */
function errors_shown(value) {
    const cut = value.length > 80 ? `${value.slice(0, 77)}...` : value;
    return JSON.stringify(cut);
}
/**
 * A manifest value does not have the accepted form: the message names the file and the
 * field (`images.yml: images[0].repository: ...`). `input` is `manifest`, the plan input (and
 * CLI flag) that names the file.
 */
class errors_ManifestError extends errors_ValidationError {
    file;
    field;
    constructor(file, field, detail) {
        super('manifest', detail);
        this.file = file;
        this.field = field;
        this.message = field === '' ? `${file}: ${detail}` : `${file}: ${field}: ${detail}`;
    }
}

;// CONCATENATED MODULE: ./packages/conventions/src/reference.ts

const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_RE = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`);
const PATH_RE = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const TAG_RE = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const DIGEST_RE = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const NAME_MAX = 255;
function reference_validateTag(input, tag) {
    if (!TAG_RE.test(tag)) {
        throw new errors_ValidationError(input, `${errors_shown(tag)} is not a valid tag (letters, digits, _ . -; at most 128; not starting with . or -)`);
    }
    return tag;
}
function validateDigest(input, digest) {
    const ok = DIGEST_RE.test(digest) &&
        (!digest.startsWith('sha256:') || /^sha256:[a-f0-9]{64}$/.test(digest)) &&
        (!digest.startsWith('sha512:') || /^sha512:[a-f0-9]{128}$/.test(digest));
    if (!ok)
        throw new errors_ValidationError(input, `${errors_shown(digest)} is not a valid digest (expected sha256:<64 lower-case hex>)`);
    return digest;
}
/** Whether a registry host (with optional port) has the distribution grammar's form. */
function reference_isValidRegistryHost(host) {
    return DOMAIN_RE.test(host);
}
/**
 * Repository name as a registry path: lower-case components separated by `/`.
 * With `ecr`, also ECR's 2-256 length rule.
 */
function reference_validateRepository(input, name, ecr = false) {
    const tooLong = name.length > (ecr ? 256 : NAME_MAX);
    if (!PATH_RE.test(name) || tooLong || (ecr && name.length < 2)) {
        const form = ecr ? '2-256 characters, ' : '';
        throw new errors_ValidationError(input, `${errors_shown(name)} is not a valid repository name (${form}lower-case letters, digits and . _ - separated components joined by /)`);
    }
    return name;
}
/** Whether the first path component of a name is a registry host. */
function looksLikeRegistry(first) {
    return first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase();
}
function parseReference(input, value) {
    const bad = (why) => {
        throw new errors_ValidationError(input, `${errors_shown(value)} is not an image reference [registry[:port]/]repository[:tag][@digest]: ${why}`);
    };
    if (value === '' || value.trim() !== value)
        bad('it is empty or has surrounding spaces');
    let rest = value;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST_RE.test(digest))
            bad(`bad digest ${errors_shown(digest)}`);
        validateDigest(input, digest);
    }
    let tag;
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG_RE.test(tag))
            bad(`bad tag ${errors_shown(tag)}`);
    }
    let registry;
    const slash = rest.indexOf('/');
    if (slash > 0 && looksLikeRegistry(rest.slice(0, slash))) {
        registry = rest.slice(0, slash);
        if (!DOMAIN_RE.test(registry))
            bad(`bad registry host ${errors_shown(registry)}`);
    }
    const repository = registry === undefined ? rest : rest.slice(slash + 1);
    if (!PATH_RE.test(repository))
        bad('the repository must be lower-case components of letters, digits and . _ - joined by /');
    if (rest.length > NAME_MAX)
        bad(`the name is longer than ${NAME_MAX} characters`);
    const ref = { repository };
    if (registry !== undefined)
        ref.registry = registry;
    if (tag !== undefined)
        ref.tag = tag;
    if (digest !== undefined)
        ref.digest = digest;
    return ref;
}
function formatReference(ref) {
    let s = ref.registry === undefined ? ref.repository : `${ref.registry}/${ref.repository}`;
    if (ref.tag !== undefined)
        s += `:${ref.tag}`;
    if (ref.digest !== undefined)
        s += `@${ref.digest}`;
    return s;
}
/** `registry/repository` without tag or digest. */
function formatName(ref) {
    return formatReference({ ...(ref.registry === undefined ? {} : { registry: ref.registry }), repository: ref.repository });
}
/** `registry/repository@digest`, the immutable form for deploys that pin by digest. */
function pinnedReference(ref, digest) {
    return `${formatName(ref)}@${digest}`;
}
/**
 * Where the distribution API for this reference lives: Docker Hub's short names
 * (`nginx`, `docker.io/user/app`) go to `registry-1.docker.io` with `library/` added
 * for official images.
 */
function distributionTarget(ref) {
    const host = ref.registry ?? 'docker.io';
    if (host === 'docker.io' || host === 'index.docker.io' || host === 'registry-1.docker.io') {
        const name = ref.repository.includes('/') ? ref.repository : `library/${ref.repository}`;
        return { host: 'registry-1.docker.io', name };
    }
    return { host, name: ref.repository };
}
/**
 * Extra tags for an image: bare tags (`api-latest`) name the same repository; full
 * references (with a `/` or `:`) are taken as they are.
 */
function expandTags(input, ref, entries) {
    return entries.map((e) => (e.includes('/') || e.includes(':') ? formatReference(parseReference(input, e)) : `${formatName(ref)}:${reference_validateTag(input, e)}`));
}

;// CONCATENATED MODULE: ./packages/conventions/src/inputs.ts


/** Strict boolean: `true` or `false` in any case; empty takes the default. */
function parseBoolean(input, value, fallback) {
    const v = value.trim().toLowerCase();
    if (v === 'true')
        return true;
    if (v === 'false')
        return false;
    if (v === '' && fallback !== undefined)
        return fallback;
    throw new errors_ValidationError(input, `expected true or false, got ${errors_shown(value)}`);
}
/** A list of names separated by newlines or commas; trimmed, empties dropped. */
function parseList(value) {
    return value
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
}
const KEY_RE = /^[A-Za-z0-9_.:@/-][A-Za-z0-9_.:@/ -]*$/;
/**
 * `key=value` pairs, one per line (values may hold commas and `=`: split at the first `=`).
 * Blank lines and lines starting with `#` are skipped. Keys must be unique.
 */
function inputs_parseKeyValues(input, value) {
    const out = [];
    const seen = new Set();
    value.split(/\r?\n/).forEach((raw, i) => {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            return;
        const eq = line.indexOf('=');
        const key = eq < 0 ? '' : line.slice(0, eq).trim();
        if (eq <= 0 || !KEY_RE.test(key)) {
            throw new errors_ValidationError(input, `line ${i + 1} must be key=value (one pair per line), got ${errors_shown(line)}`);
        }
        if (seen.has(key))
            throw new errors_ValidationError(input, `key ${errors_shown(key)} is given twice`);
        seen.add(key);
        out.push({ key, value: line.slice(eq + 1).trim() });
    });
    return out;
}
/** An integer within [min, max]; empty takes the default. */
function parseInteger(input, value, fallback, min, max) {
    const v = value.trim();
    if (v === '')
        return fallback;
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
        throw new errors_ValidationError(input, `expected a whole number from ${min} to ${max}, got ${errors_shown(value)}`);
    }
    return Number(v);
}
/** One of a fixed set of words (case-insensitive); empty takes the default. */
function parseChoice(input, value, choices, fallback) {
    const v = value.trim().toLowerCase();
    if (v === '')
        return fallback;
    const hit = choices.find((c) => c === v);
    if (hit === undefined)
        throw new errors_ValidationError(input, `expected one of ${choices.join(', ')}, got ${errors_shown(value)}`);
    return hit;
}
const PLATFORM_RE = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;
const STAGE_RE = /^[A-Za-z][A-Za-z0-9_.-]*$/;
/** Build platforms, `os/arch[/variant]`, comma- or newline-separated. */
function inputs_parsePlatforms(input, value) {
    return parseList(value).map((p) => {
        if (!PLATFORM_RE.test(p))
            throw new errors_ValidationError(input, `${errors_shown(p)} is not a platform (os/arch[/variant], like linux/amd64 or linux/arm64/v8)`);
        return p;
    });
}
/** A Dockerfile stage name (`--target`); empty means the last stage. */
function inputs_validateStage(input, value) {
    if (value !== '' && !STAGE_RE.test(value))
        throw new errors_ValidationError(input, `${errors_shown(value)} is not a Dockerfile stage name (a letter, then letters, digits, _ . -)`);
    return value;
}
/**
 * More tags for an image (`tags` inputs), comma- or newline-separated: bare tags (`api-latest`)
 * for the same repository, or full references (with a `/` or `:`). Checked now, expanded
 * against the image once it is known (`expandTags`).
 */
function parseExtraTags(input, value) {
    const entries = parseList(value);
    for (const e of entries) {
        if (e.includes('/') || e.includes(':'))
            parseReference(input, e);
        else
            reference_validateTag(input, e);
    }
    return entries;
}

;// CONCATENATED MODULE: ./packages/conventions/src/account.ts
/** An AWS account id: 12 digits (the one pattern; validateAccount gives the message). */
const ACCOUNT_ID_RE = /^\d{12}$/;
function account_isAccountId(value) {
    return ACCOUNT_ID_RE.test(value);
}

;// CONCATENATED MODULE: ./packages/conventions/src/registry.ts


/** AWS partitions by region prefix; the first match wins, so `aws` comes last. */
const PARTITIONS = [
    { name: 'aws-cn', matches: (r) => r.startsWith('cn-'), suffix: 'amazonaws.com.cn', dualStackSuffix: 'on.amazonwebservices.com.cn' },
    { name: 'aws-iso', matches: (r) => r.startsWith('us-iso-'), suffix: 'c2s.ic.gov' },
    { name: 'aws-iso-b', matches: (r) => r.startsWith('us-isob-'), suffix: 'sc2s.sgov.gov' },
    { name: 'aws-iso-e', matches: (r) => r.startsWith('eu-isoe-'), suffix: 'cloud.adc-e.uk' },
    { name: 'aws-iso-f', matches: (r) => r.startsWith('us-isof-'), suffix: 'csp.hci.ic.gov' },
    { name: 'aws-eusc', matches: (r) => r.startsWith('eusc-'), suffix: 'amazonaws.eu' },
    { name: 'aws-us-gov', matches: (r) => r.startsWith('us-gov-'), suffix: 'amazonaws.com', dualStackSuffix: 'on.aws' },
    { name: 'aws', matches: () => true, suffix: 'amazonaws.com', dualStackSuffix: 'on.aws' },
];
const ECR_PUBLIC_HOSTS = ['public.ecr.aws', 'ecr-public.aws.com'];
const ECR_PUBLIC_REGION = 'us-east-1';
const REGION_RE = /^[a-z]{2,4}(?:-[a-z]+)+-\d{1,2}$/;
const ECR_HOST_RE = /^(\d{12})\.(dkr\.ecr|dkr-ecr)(-fips)?\.([a-z0-9-]+)\.([a-z0-9.-]+)$/;
function partitionOf(region) {
    return PARTITIONS.find((p) => p.matches(region));
}
function registry_validateRegion(input, region) {
    if (!REGION_RE.test(region)) {
        throw new errors_ValidationError(input, `${errors_shown(region)} is not an AWS region (like us-east-1, eu-central-1, us-gov-west-1, cn-north-1)`);
    }
    return region;
}
function registry_validateAccount(input, account) {
    if (!account_isAccountId(account))
        throw new errors_ValidationError(input, `${errors_shown(account)} is not an AWS account id (12 digits)`);
    return account;
}
function stripPort(host) {
    return host.replace(/:\d+$/, '').toLowerCase();
}
/** Classify a registry host (a port, if any, is kept in `host` and ignored for the kind). */
function registry_classifyRegistry(host) {
    const bare = stripPort(host);
    if (ECR_PUBLIC_HOSTS.includes(bare))
        return { kind: 'ecr-public', host, region: ECR_PUBLIC_REGION };
    const m = ECR_HOST_RE.exec(bare);
    if (m) {
        const [, account, form, fips, region, suffix] = m;
        const partition = partitionOf(region);
        const dualStack = form === 'dkr-ecr';
        const expected = dualStack ? partition.dualStackSuffix : partition.suffix;
        if (REGION_RE.test(region) && suffix === expected) {
            return { kind: 'ecr', host, account, region, partition: partition.name, fips: fips !== undefined, dualStack };
        }
    }
    return { kind: 'oci', host };
}
/** The private ECR registry host for an account in a region, in the region's partition. */
function registry_ecrHost(opts) {
    registry_validateAccount('account', opts.account);
    registry_validateRegion('region', opts.region);
    const p = partitionOf(opts.region);
    const fips = opts.fips ? '-fips' : '';
    if (opts.dualStack) {
        if (p.dualStackSuffix === undefined) {
            throw new errors_ValidationError('region', `ECR has no dual-stack endpoint in ${errors_shown(opts.region)} (partition ${p.name})`);
        }
        return `${opts.account}.dkr-ecr${fips}.${opts.region}.${p.dualStackSuffix}`;
    }
    return `${opts.account}.dkr.ecr${fips}.${opts.region}.${p.suffix}`;
}
/**
 * Region precedence: explicit input > region in the registry host > AWS_REGION >
 * AWS_DEFAULT_REGION > an error naming the input.
 */
function registry_resolveRegion(opts) {
    const input = opts.input ?? 'region';
    if (opts.explicit)
        return registry_validateRegion(input, opts.explicit);
    if (opts.host) {
        const info = registry_classifyRegistry(opts.host);
        if (info.kind !== 'oci')
            return info.region;
    }
    if (opts.env.AWS_REGION)
        return registry_validateRegion('AWS_REGION', opts.env.AWS_REGION);
    if (opts.env.AWS_DEFAULT_REGION)
        return registry_validateRegion('AWS_DEFAULT_REGION', opts.env.AWS_DEFAULT_REGION);
    throw new errors_ValidationError(input, 'no AWS region: set the input, use a registry host that names one, or set AWS_REGION (aws-actions/configure-aws-credentials does)');
}

;// CONCATENATED MODULE: ./packages/conventions/src/uri.ts




/** True when only STS can tell the account (no image, no registry, no account). */
function needsAccount(i) {
    return !i.image && !i.registry && !i.account;
}
function registryFrom(i, env) {
    if (i.registry && account_isAccountId(i.registry)) {
        return registry_ecrHost({ account: i.registry, region: registry_resolveRegion({ explicit: i.region, env }) });
    }
    if (i.registry) {
        if (!reference_isValidRegistryHost(i.registry)) {
            throw new errors_ValidationError('registry', `${errors_shown(i.registry)} is not a registry host (host[:port]) or a 12-digit account id`);
        }
        return i.registry;
    }
    if (!i.account) {
        throw new errors_ValidationError('account', 'no registry: give registry, account (12 digits) or a full image reference');
    }
    registry_validateAccount('account', i.account);
    return registry_ecrHost({ account: i.account, region: registry_resolveRegion({ explicit: i.region, env }) });
}
function unpinnedWarnings(ref) {
    if (ref.digest !== undefined || ref.tag === undefined)
        return [];
    if (ref.tag === 'latest' || ref.tag.endsWith('-latest')) {
        return [`Tag "${ref.tag}" is not pinned: it moves with every push, so a deploy cannot tell versions apart. Prefer a tag derived from the source (resolve-tag).`];
    }
    return [];
}
/**
 * Resolve an image from the user's inputs. The convention is
 * `{account}.dkr.ecr.{region}.amazonaws.com/{repository}:{tag}` (partition-aware),
 * with every part overridable; `image` bypasses it.
 */
function resolveImage(i, env) {
    let ref;
    if (i.image) {
        if (i.repository)
            throw new errors_ValidationError('image', 'give either image (a full reference) or repository, not both');
        ref = parseReference('image', i.image);
        if (ref.tag === undefined && i.tag)
            ref.tag = reference_validateTag('tag', i.tag);
    }
    else {
        if (!i.repository)
            throw new errors_ValidationError('repository', 'required unless image is given (like my-app or team/my-app)');
        const registry = registryFrom(i, env);
        const ecr = registry_classifyRegistry(registry).kind !== 'oci';
        ref = { registry, repository: reference_validateRepository('repository', i.repository, ecr) };
        if (i.tag)
            ref.tag = reference_validateTag('tag', i.tag);
    }
    const registry = ref.registry ?? 'docker.io';
    const info = registry_classifyRegistry(registry);
    if (info.kind === 'ecr' || info.kind === 'ecr-public')
        reference_validateRepository(i.image ? 'image' : 'repository', ref.repository, true);
    const warnings = [];
    if (ref.tag === undefined && ref.digest === undefined) {
        warnings.push('No tag given: using "latest".');
        ref.tag = 'latest';
    }
    warnings.push(...unpinnedWarnings(ref));
    return { ref: { ...ref, registry }, registry: info, warnings };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./packages/conventions/src/tags.ts



const SHA_RE = /^(?:[a-f0-9]{40}|[a-f0-9]{64})$/;
const ABBREV_RE = /^[a-f0-9]{4,64}$/;
const PREFIX_RE = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,100}$/;
/** A full git object id (40 or 64 hex characters), lower-cased. */
function validateSha(input, sha) {
    const s = sha.trim().toLowerCase();
    if (!SHA_RE.test(s))
        throw new ValidationError(input, `${shown(sha)} is not a full git object id (40 or 64 hex characters)`);
    return s;
}
/** A commit as a user types it: a full SHA or an abbreviation of at least 4 hex characters (git resolves it). */
function validateShaInput(input, sha) {
    const s = sha.trim().toLowerCase();
    if (!ABBREV_RE.test(s))
        throw new ValidationError(input, `${shown(sha)} is not a commit SHA (4 to 64 hex characters: a full SHA or an abbreviation like abc1234)`);
    return s;
}
/** Whether a validated SHA is whole (not an abbreviation). */
function isFullSha(sha) {
    return SHA_RE.test(sha);
}
/** The first `length` characters of a hex id (length 0 or >= the id's length keeps it whole). */
function shortId(id, length) {
    return length <= 0 || length >= id.length ? id : id.slice(0, length);
}
/** A tag prefix; one trailing `-` is dropped, as `<prefix>-<id>` adds it (`cloudtak-` -> `cloudtak-abc1234`). */
function tags_validatePrefix(input, value) {
    const prefix = value.endsWith('-') && !value.endsWith('--') ? value.slice(0, -1) : value;
    if (prefix !== '' && !PREFIX_RE.test(prefix)) {
        throw new ValidationError(input, `${shown(value)} is not a tag prefix (letters, digits, _ . -, at most 101, not starting with . or -)`);
    }
    return prefix;
}
/** `<prefix>-<id>`, or the bare id without a prefix. */
function tags_formatTag(prefix, id) {
    return reference_validateTag('prefix', prefix === '' ? id : `${prefix}-${id}`);
}
/** Alias tags: `latest` with prefix `api` is `api-latest`; without a prefix, `latest`. */
function tags_aliasTags(prefix, aliases) {
    return aliases.map((a) => reference_validateTag('aliases', prefix === '' ? a : `${prefix}-${a}`));
}
/**
 * One id for the content of several paths. A single path keeps its own git id (so it can
 * be checked with `git rev-parse HEAD:<path>`); several are combined as the sha1 of their
 * sorted `path id` lines, so the order the user wrote them in does not matter.
 */
function combineContentIds(entries) {
    if (entries.length === 0)
        throw new ValidationError('paths', 'at least one path is needed');
    if (entries.length === 1)
        return entries[0].id;
    const lines = [...entries]
        .map((e) => `${e.path} ${e.id}\n`)
        .sort()
        .join('');
    return createHash('sha1').update(lines).digest('hex');
}
/** Normalise a workspace-relative path for git (`./a/` -> `a`, `.` stays). */
function tags_normalisePath(input, p) {
    const parts = p.replace(/\\/g, '/').split('/').filter((s) => s !== '' && s !== '.');
    if (p.startsWith('/') || parts.includes('..')) {
        throw new errors_ValidationError(input, `${errors_shown(p)} must be a path inside the workspace, relative to it (no leading / or ..)`);
    }
    return parts.length === 0 ? '.' : parts.join('/');
}

;// CONCATENATED MODULE: ./packages/conventions/src/cdk.ts



/** camelCase of a name: `media-lambda` -> `mediaLambda`, `cloud_tak` -> `cloudTak`. */
function cdk_camelCase(name) {
    const words = name.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
    return words
        .map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1)))
        .join('');
}
const IMAGE_NAME_RE = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const IMAGE_NAME_RULE = 'an image name starts with a letter and holds letters, digits, - _ . (its CDK key is camelCase(name) + key-suffix: media-lambda -> mediaLambdaImageTag)';
/** An image name that forms a CDK context key a stack would read (`media mtx` would not). */
function cdk_validateImageName(input, name) {
    if (!IMAGE_NAME_RE.test(name))
        throw new ValidationError(input, `${shown(name)} cannot form a CDK context key: ${IMAGE_NAME_RULE}`);
    return name;
}
/**
 * `name=tag` per line (the cdk-context `images` input); an empty tag means "no pre-built
 * image". Pairs joined by commas on one line get the hint that they go one per line.
 */
function parseCdkImages(input, value) {
    return parseKeyValues(input, value).map(({ key, value: tag }) => {
        cdk_validateImageName(input, key);
        if (tag.includes(',')) {
            throw new ValidationError(input, `${shown(`${key}=${tag}`)} is not one name=tag: a tag holds no commas, and pairs go one per line (a YAML block, \`images: |\`)`);
        }
        return { name: key, tag: tag === '' ? '' : validateTag(input, tag) };
    });
}
function contextKey(name, suffix, input = 'images') {
    const key = cdk_camelCase(name) + suffix;
    if (key === '')
        throw new ValidationError(input, `${shown(name)} gives an empty context key`);
    return key;
}
/** A context key (or part of one: `flag`, `key-suffix`): no `=`, no spaces, not `aws:`. Empty passes (it means "none"). */
function validateContextKey(input, key) {
    if (key !== '')
        checkKey(input, key);
    return key;
}
function checkKey(input, key) {
    if (key.toLowerCase().startsWith('aws:')) {
        throw new ValidationError(input, `context key ${shown(key)} starts with "aws:", which the CDK CLI reserves and rejects`);
    }
    if (key.includes('=') || /\s/.test(key) || key === '') {
        throw new ValidationError(input, `context key ${shown(key)} must be non-empty with no "=" or spaces`);
    }
}
/** Quote one word for a POSIX shell so that it reaches argv unchanged. */
function shellQuote(word) {
    if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word))
        return word;
    return `'${word.replace(/'/g, `'\\''`)}'`;
}
/**
 * CDK `--context` arguments. The CDK CLI takes each value as a raw string split at the
 * first `=`. Image tags are passed only when pre-built images are used; with the flag
 * false CDK builds the images itself.
 */
function cdkContext(o) {
    const json = {};
    const put = (input, key, value) => {
        checkKey(input, key);
        if (key in json)
            throw new ValidationError(input, `context key ${shown(key)} is given twice`);
        json[key] = value;
    };
    const name = { images: 'images', flag: 'flag', extra: 'extra', ...o.inputs };
    if (o.flag !== '')
        put(name.flag, o.flag, String(o.usePrebuilt));
    if (o.usePrebuilt)
        for (const img of o.images)
            put(name.images, contextKey(img.name, o.keySuffix, name.images), img.tag);
    for (const kv of o.extra)
        put(name.extra, kv.key, kv.value);
    const argv = Object.entries(json).flatMap(([k, v]) => ['--context', `${k}=${v}`]);
    return { argv, shell: argv.map(shellQuote).join(' '), json };
}
/**
 * `use-prebuilt` decided, with why `auto` said false (for a warning), and `true` with an
 * untagged image refused (`input` names the images input).
 */
function decidePrebuilt(mode, images, input = 'images') {
    const untagged = images.filter((i) => i.tag === '').map((i) => i.name);
    if (mode === 'true' && untagged.length > 0) {
        throw new ValidationError(input, `use-prebuilt is true but ${untagged.map((n) => shown(n)).join(', ')} has no tag (give name=tag)`);
    }
    if (mode !== 'auto')
        return { value: mode === 'true' };
    if (images.length === 0)
        return { value: false };
    if (untagged.length > 0)
        return { value: false, reason: `use-prebuilt auto: ${untagged.map((n) => shown(n)).join(', ')} has no tag, so CDK builds the images itself` };
    return { value: true };
}

;// CONCATENATED MODULE: ./packages/conventions/src/login.ts



/**
 * What `registries` asks for: 12-digit account ids (in `region`), ECR hosts of any form
 * (their own region), and ECR Public. Empty asks for the caller's default private registry.
 */
function planLogins(entries, explicitRegion, env) {
    if (explicitRegion)
        validateRegion('region', explicitRegion);
    const plan = { private: [] };
    const seen = new Set();
    const region = () => resolveRegion({ explicit: explicitRegion, env });
    if (entries.length === 0)
        return { private: [{ host: '', account: '', region: region() }] };
    for (const entry of entries) {
        let login;
        if (isAccountId(entry)) {
            const r = region();
            login = { host: ecrHost({ account: entry, region: r }), account: entry, region: r };
        }
        else {
            const info = classifyRegistry(entry);
            if (info.kind === 'ecr-public') {
                plan.public = entry;
                continue;
            }
            if (info.kind === 'oci') {
                throw new ValidationError('registries', `${shown(entry)} is not an ECR registry: give 12-digit account ids, ECR hosts (<account>.dkr.ecr.<region>.amazonaws.com) or public.ecr.aws`);
            }
            login = { host: entry, account: info.account, region: info.region };
        }
        if (!seen.has(login.host))
            plan.private.push(login);
        seen.add(login.host);
    }
    return plan;
}

;// CONCATENATED MODULE: ./packages/conventions/src/manifest.ts







const KNOWN = (/* unused pure expression or super */ null && (['name', 'repository', 'registry', 'account', 'region', 'prefix', 'context', 'file', 'build-args', 'target', 'platforms', 'paths', 'aliases']));
const VAR_RE = /\$\$\{|\$\{([^}]*)\}?/g;
const VAR_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * `${VAR}` in a manifest value, taken from `env`; `$${` is a literal `${`. An unset
 * variable, or a `${` that is no variable, is an error naming the variable and the field.
 */
function expandVars(value, env, fail) {
    return value.replace(VAR_RE, (m, name) => {
        if (m === '$${')
            return '${';
        if (!m.endsWith('}') || name === undefined || !VAR_NAME_RE.test(name)) {
            fail(`${shown(m)} is not a variable: write \${NAME} (letters, digits, _), or $\${ for a literal \${`);
        }
        const v = env[name];
        if (v === undefined)
            fail(`\${${name}} is not set in the environment (set it in the job's env, or write $\${ for a literal \${)`);
        return v;
    });
}
class Reader {
    file;
    env;
    constructor(file, env) {
        this.file = file;
        this.env = env;
    }
    fail(field, detail) {
        throw new ManifestError(this.file, field, detail);
    }
    /** Run a conventions validator, re-pointing its error at the field. */
    at(field, fn) {
        try {
            return fn();
        }
        catch (e) {
            if (e instanceof ValidationError && !(e instanceof ManifestError))
                this.fail(field, e.detail);
            throw e;
        }
    }
    expand(field, value) {
        return expandVars(value, this.env, (d) => this.fail(field, d));
    }
    str(where, o, key, required = false) {
        const v = o[key];
        const field = `${where}.${key}`;
        if (v === undefined || v === null || v === '') {
            if (required)
                this.fail(field, 'required');
            return undefined;
        }
        if (typeof v !== 'string' && typeof v !== 'number')
            this.fail(field, `must be a string, got ${Array.isArray(v) ? 'a list' : typeof v}`);
        const s = this.expand(field, String(v)).trim();
        if (s === '' && required)
            this.fail(field, `required (${shown(String(v))} is empty once expanded)`);
        return s === '' ? undefined : s;
    }
    list(where, o, key) {
        const v = o[key];
        const field = `${where}.${key}`;
        if (v === undefined || v === null)
            return [];
        const items = typeof v === 'string' ? v.split(/[\n,]/) : Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : this.fail(field, 'must be a list of strings');
        return items.map((s, i) => this.expand(`${field}[${i}]`, s).trim()).filter(Boolean);
    }
    buildArgs(where, o) {
        const v = o['build-args'];
        const field = `${where}.build-args`;
        if (v === undefined || v === null)
            return [];
        if (typeof v !== 'object' || Array.isArray(v))
            this.fail(field, 'must be a map of KEY: value');
        return Object.entries(v).map(([key, value]) => {
            if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
                this.fail(`${field}.${key}`, 'must be a string');
            return { key, value: this.expand(`${field}.${key}`, String(value)) };
        });
    }
}
/**
 * Validate a parsed manifest, `{ images: [{ name, repository, ... }] }`, as a whole and before
 * anything runs: every field's form, `${VAR}` values from `env`, unique names and CDK keys,
 * and a region for every ECR image that has none in its registry. Errors name the file and
 * the field (`images.yml: images[0].repository: ...`). Paths are workspace-relative.
 */
function parseManifest(doc, o = {}) {
    const file = o.file ?? 'manifest';
    const env = o.env ?? {};
    const r = new Reader(file, env);
    const images = doc?.images;
    if (!Array.isArray(images) || images.length === 0) {
        r.fail('', 'expected a top-level "images:" list with at least one image ({name, repository, ...})');
    }
    const names = new Map();
    const keys = new Map();
    return images.map((raw, n) => {
        const where = `images[${n}]`;
        if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
            r.fail(where, 'must be a map ({name, repository, ...})');
        const img = raw;
        const unknown = Object.keys(img).filter((k) => !KNOWN.includes(k));
        if (unknown.length)
            r.fail(where, `has unknown keys ${unknown.map(shown).join(', ')} (known: ${KNOWN.join(', ')})`);
        const name = r.str(where, img, 'name', true);
        r.at(`${where}.name`, () => validateImageName('name', name));
        if (names.has(name))
            r.fail(`${where}.name`, `${shown(name)} is used twice (also images[${names.get(name)}])`);
        names.set(name, n);
        const key = camelCase(name);
        if (keys.has(key))
            r.fail(`${where}.name`, `${shown(name)} gives the same CDK key as images[${keys.get(key)}] (${key}...)`);
        keys.set(key, n);
        const registry = r.str(where, img, 'registry');
        const account = r.str(where, img, 'account');
        const region = r.str(where, img, 'region');
        if (registry !== undefined && !isAccountId(registry) && !isValidRegistryHost(registry)) {
            r.fail(`${where}.registry`, `${shown(registry)} is not a registry host (host[:port]) or a 12-digit account id`);
        }
        if (account !== undefined)
            r.at(`${where}.account`, () => validateAccount('account', account));
        if (region !== undefined)
            r.at(`${where}.region`, () => validateRegion('region', region));
        const host = registry === undefined || isAccountId(registry) ? undefined : registry;
        const ecr = host === undefined || classifyRegistry(host).kind !== 'oci';
        // The ECR convention (no host, or an account id) needs a region now, not after STS.
        if (host === undefined && region === undefined && o.env !== undefined) {
            r.at(`${where}.region`, () => {
                if (!env.AWS_REGION && !env.AWS_DEFAULT_REGION)
                    throw new ValidationError('region', 'no AWS region for the ECR convention: set region here, use a registry host that names one, or set AWS_REGION (aws-actions/configure-aws-credentials does)');
                return resolveRegion({ env: env });
            });
        }
        const repository = r.str(where, img, 'repository', true);
        r.at(`${where}.repository`, () => validateRepository('repository', repository, ecr));
        const prefix = r.at(`${where}.prefix`, () => validatePrefix('prefix', r.str(where, img, 'prefix') ?? name));
        if (o.length !== undefined)
            r.at(`${where}.prefix`, () => formatTag(prefix, '0'.repeat(o.length)));
        const context = r.at(`${where}.context`, () => normalisePath('context', r.str(where, img, 'context') ?? '.'));
        const fileValue = r.str(where, img, 'file');
        const target = r.at(`${where}.target`, () => validateStage('target', r.str(where, img, 'target') ?? ''));
        const aliases = r.list(where, img, 'aliases');
        r.at(`${where}.aliases`, () => aliasTags(prefix, aliases));
        return {
            name,
            repository,
            ...(registry ? { registry } : {}),
            ...(account ? { account } : {}),
            ...(region ? { region } : {}),
            prefix,
            context,
            file: fileValue ? r.at(`${where}.file`, () => normalisePath('file', fileValue)) : '',
            buildArgs: r.buildArgs(where, img),
            ...(target ? { target } : {}),
            platforms: r.at(`${where}.platforms`, () => parsePlatforms('platforms', r.list(where, img, 'platforms').join(','))),
            paths: r.list(where, img, 'paths').map((p, i) => r.at(`${where}.paths[${i}]`, () => normalisePath('paths', p))),
            aliases,
        };
    });
}
/** The paths that make an image when none are listed: its context, and its Dockerfile when outside it. */
function defaultImagePaths(context, file) {
    if (file === '' || context === '.' || file.startsWith(`${context}/`))
        return [context];
    return [context, file];
}

;// CONCATENATED MODULE: ./packages/conventions/src/image-inputs.ts

/** A stand-in account: only its form matters, to check the other inputs before STS tells the real one. */
const ANY_ACCOUNT = '000000000000';
/**
 * Check image inputs as a whole before any network call: the reference or repository, tag,
 * registry, account, region (present where the convention needs one). `resolveImage` runs
 * again once STS has told the account, and gives the same answer for everything but it.
 */
function validateImageInputs(i, env) {
    resolveImage(needsAccount(i) && i.repository ? { ...i, account: ANY_ACCOUNT } : i, env);
}

;// CONCATENATED MODULE: ./packages/conventions/src/build.ts
// What a build is, decided from inputs, and the argv that carries it out. Pure: the docker
// adapter runs these argv arrays; nothing here touches a process or a file.

const CACHE_MODES = ['auto', 'gha', 'registry', 'local', 'none'];
/** The variable a value secret reaches buildx through (set on the buildx process alone). */
const secretEnvName = (id) => `ENSURE_IMAGE_SECRET_${[...id].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('')}`;
/** The environment the buildx process needs for the value secrets. */
function secretEnv(secrets = []) {
    return Object.fromEntries(secrets.flatMap((s) => ('value' in s ? [[secretEnvName(s.id), s.value]] : [])));
}
const pairs = (flag, kvs) => kvs.flatMap((kv) => [flag, `${kv.key}=${kv.value}`]);
const secretFlag = (s) => ('file' in s ? `id=${s.id},src=${s.file}` : `id=${s.id},env=${'env' in s ? s.env : secretEnvName(s.id)}`);
/**
 * argv for `docker buildx build` (the adapter adds `--metadata-file`; value secrets need
 * secretEnv() in the process's environment). Provenance is off unless
 * asked: an attestation turns a single-platform push into an index, which AWS Lambda rejects.
 */
function buildxArgs(p, cache) {
    return [
        'buildx',
        'build',
        ...(p.builder ? ['--builder', p.builder] : []),
        '--file',
        p.file,
        ...p.refs.flatMap((r) => ['--tag', r]),
        ...pairs('--build-arg', p.buildArgs),
        ...pairs('--label', p.labels),
        ...(p.platforms.length ? ['--platform', p.platforms.join(',')] : []),
        ...(p.target ? ['--target', p.target] : []),
        ...(p.secrets ?? []).flatMap((s) => ['--secret', secretFlag(s)]),
        ...(p.ssh ?? []).flatMap((s) => ['--ssh', s]),
        ...(p.noCache ? ['--no-cache'] : []),
        ...(p.pull ? ['--pull'] : []),
        ...(p.network ? ['--network', p.network] : []),
        `--provenance=${p.provenance}`,
        ...cache.from.flatMap((c) => ['--cache-from', c]),
        ...cache.to.flatMap((c) => ['--cache-to', c]),
        // A multi-platform result cannot be loaded into the docker image store.
        ...(p.push ? ['--push'] : p.platforms.length > 1 ? [] : ['--load']),
        p.context,
    ];
}
/** What the classic `docker build` cannot do, by the input that asks for it. */
function classicLimits(p) {
    const out = [];
    if (p.platforms.length > 1)
        out.push(`platforms (${p.platforms.join(',')}: more than one)`);
    if (p.secrets?.length)
        out.push('secrets');
    if (p.ssh?.length)
        out.push('ssh');
    if (p.cacheFrom?.length || p.cacheTo?.length)
        out.push('cache-from/cache-to');
    return out;
}
/** argv for the classic `docker build` (no buildx): one platform at most, no cache export. */
function classicBuildArgs(p) {
    return [
        'build',
        '--file',
        p.file,
        ...p.refs.flatMap((r) => ['--tag', r]),
        ...pairs('--build-arg', p.buildArgs),
        ...pairs('--label', p.labels),
        ...(p.platforms.length === 1 ? ['--platform', p.platforms[0]] : []),
        ...(p.target ? ['--target', p.target] : []),
        ...(p.noCache ? ['--no-cache'] : []),
        ...(p.pull ? ['--pull'] : []),
        ...(p.network ? ['--network', p.network] : []),
        p.context,
    ];
}
function exportsCache(b) {
    return b.driver !== 'docker' || b.containerdStore;
}
/** The registry cache reference of an image: `<repository>:buildcache-<name>`. */
function registryCacheRef(s) {
    return `${s.repository}:buildcache-${s.name}`.slice(0, s.repository.length + 1 + 128);
}
/**
 * Cache flags for a mode. `gha` needs the runner's cache service; `registry` keeps
 * `<repository>:buildcache-<name>` beside the image (ECR needs image-manifest=true,
 * oci-mediatypes=true); `local` is a directory saved with @actions/cache. With `importOnly`
 * (a builder that cannot export) only the `--cache-from` half is kept.
 */
function cacheFlags(mode, s, importOnly = false) {
    const f = (() => {
        switch (mode) {
            case 'gha':
                return { from: [`type=gha,scope=${s.name}`], to: [`type=gha,scope=${s.name},mode=max`] };
            case 'registry': {
                const ref = registryCacheRef(s);
                const ecrOpts = s.ecr ? ',image-manifest=true,oci-mediatypes=true' : '';
                return { from: [`type=registry,ref=${ref}`], to: [`type=registry,ref=${ref},mode=max${ecrOpts}`] };
            }
            case 'local':
                return { from: [`type=local,src=${s.localDir}`], to: [`type=local,dest=${s.localDir}-new,mode=max`] };
            case 'none':
                return { from: [], to: [] };
        }
    })();
    return importOnly ? { from: f.from, to: [] } : f;
}
/**
 * The image's name for its cache scope: the tag's prefix when the tag is `<prefix>-<hex id>`
 * (`events-abc1234` -> `events`), else the repository's last segment.
 */
function cacheName(repository, tag) {
    return (prefixOfTag(tag) || (repository.split('/').pop() ?? repository)).replace(/[^A-Za-z0-9_.-]/g, '-');
}
/** The prefix of a `<prefix>-<hex id>` tag (`events-abc1234` -> `events`); empty for any other tag. */
function prefixOfTag(tag) {
    return (tag ? /^(.+)-[0-9a-f]{4,64}$/.exec(tag)?.[1] : undefined) ?? '';
}
/** The OCI labels every build gets (user labels win). */
function ociLabels(user, revision, source) {
    const have = new Set(user.map((l) => l.key));
    const extra = [];
    if (revision && !have.has('org.opencontainers.image.revision'))
        extra.push({ key: 'org.opencontainers.image.revision', value: revision });
    if (source && !have.has('org.opencontainers.image.source'))
        extra.push({ key: 'org.opencontainers.image.source', value: source });
    return [...user, ...extra];
}
/** The settings with `org.opencontainers.image.revision` = the commit the tag was taken from (unless the user's labels set it). */
function withRevision(settings, revision) {
    return { ...settings, labels: ociLabels(settings.labels, revision, undefined) };
}
const SECRET_ID_RE = /^[A-Za-z0-9_.-]+$/;
const ENV_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** `secret-envs` lines (`id=ENV_VAR`): buildx reads the variable itself; no value is handled. */
function parseSecretEnvs(input, pairs) {
    return pairs.map(({ key, value }) => {
        if (!SECRET_ID_RE.test(key))
            throw new errors_ValidationError(input, `${errors_shown(key)} is not a secret id (letters, digits, _ . -)`);
        if (!ENV_NAME_RE.test(value))
            throw new errors_ValidationError(input, `${key}: ${errors_shown(value)} is not an environment variable name (id=ENV_VAR, one per line)`);
        return { id: key, env: value };
    });
}
const NETWORK_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
/** `--network` for RUN steps: `default`, `none`, `host`, or a network's name. */
function validateNetwork(input, value) {
    if (value !== '' && !NETWORK_RE.test(value))
        throw new errors_ValidationError(input, `${errors_shown(value)} is not a network (default, none, host, or a network name)`);
    return value;
}
/** Secret ids must be unique over `secrets`, `secret-envs` and `secret-files`. */
function validateSecretIds(input, ids) {
    const seen = new Set();
    for (const id of ids) {
        if (!SECRET_ID_RE.test(id))
            throw new errors_ValidationError(input, `${errors_shown(id)} is not a secret id (letters, digits, _ . -)`);
        if (seen.has(id))
            throw new errors_ValidationError(input, `secret id ${errors_shown(id)} is given twice`);
        seen.add(id);
    }
}

;// CONCATENATED MODULE: ./packages/conventions/src/repository.ts
// How a missing ECR repository is created: settings from inputs, and the lifecycle policy.

const TAG_MUTABILITIES = ['MUTABLE', 'IMMUTABLE', 'IMMUTABLE_WITH_EXCLUSION'];
/** `tag-mutability`: MUTABLE, IMMUTABLE or IMMUTABLE_WITH_EXCLUSION, any case. */
function parseTagMutability(input, value) {
    const v = value.trim().toUpperCase().replace(/-/g, '_');
    if (v === '')
        return 'MUTABLE';
    const hit = TAG_MUTABILITIES.find((m) => m === v);
    if (!hit)
        throw new errors_ValidationError(input, `expected MUTABLE, IMMUTABLE or IMMUTABLE_WITH_EXCLUSION (immutable, the aliases excluded), got ${errors_shown(value)}`);
    return hit;
}
const KMS_RE = /^(arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/[A-Za-z0-9/_-]+|alias\/[A-Za-z0-9/_-]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
/** A KMS key id, alias or ARN; empty: AES256. */
function validateKmsKey(input, value) {
    if (value !== '' && !KMS_RE.test(value))
        throw new errors_ValidationError(input, `${errors_shown(value)} is not a KMS key id, alias/<name> or key ARN`);
    return value;
}
/**
 * The tags that stay mutable in an IMMUTABLE_WITH_EXCLUSION repository: each alias of the
 * image (`api-latest`), written as the wildcard every sibling shares (`*-latest`).
 */
function mutableTagFilters(prefix, aliasTags) {
    const lead = prefix === '' ? '' : `${prefix}-`;
    return [...new Set(aliasTags.map((t) => (lead && t.startsWith(lead) ? `*-${t.slice(lead.length)}` : t)))];
}
/**
 * A lifecycle policy keeping the newest `keep` images of each image prefix sharing the
 * repository (`api-*`, `enhance-*`: one rule each), and expiring untagged images after a day.
 * Prefixes are matched as `<prefix>-`; an empty prefix (bare ids) keeps the newest `keep` tagged
 * images overall (`*`). With prefixes, registry cache tags (`buildcache-*`) match no rule and stay.
 */
function lifecyclePolicy(prefixes, keep) {
    if (!Number.isInteger(keep) || keep < 1)
        throw new RangeError(`keep must be a whole number of at least 1, got ${keep}`);
    const unique = [...new Set(prefixes)].sort();
    const rules = [
        {
            rulePriority: 1,
            description: 'Expire untagged images after a day',
            selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 1 },
            action: { type: 'expire' },
        },
    ];
    for (const prefix of unique) {
        rules.push({
            rulePriority: rules.length + 1,
            description: prefix ? `Keep the newest ${keep} ${prefix}-* images` : `Keep the newest ${keep} images`,
            selection: {
                tagStatus: 'tagged',
                ...(prefix ? { tagPrefixList: [`${prefix}-`] } : { tagPatternList: ['*'] }),
                countType: 'imageCountMoreThan',
                countNumber: keep,
            },
            action: { type: 'expire' },
        });
    }
    return { rules };
}

;// CONCATENATED MODULE: ./packages/conventions/src/index.ts
















/***/ }),

/***/ 8862:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BUILD_INPUTS: () => (/* reexport */ BUILD_INPUTS),
  REPOSITORY_INPUTS: () => (/* reexport */ REPOSITORY_INPUTS),
  buildSettings: () => (/* reexport */ buildSettings),
  credentials: () => (/* reexport */ credentials),
  declareInputs: () => (/* reexport */ declareInputs),
  guarded: () => (/* reexport */ guarded),
  imageInputs: () => (/* reexport */ imageInputs),
  input: () => (/* reexport */ input),
  isAct: () => (/* reexport */ isAct),
  log: () => (/* reexport */ log),
  logoutSaved: () => (/* reexport */ logoutSaved),
  rawDeclared: () => (/* reexport */ rawDeclared),
  readDeclared: () => (/* reexport */ readDeclared),
  repositorySettings: () => (/* reexport */ repositorySettings),
  runAction: () => (/* reexport */ runAction),
  setOutputs: () => (/* reexport */ setOutputs),
  tagInputs: () => (/* reexport */ tagInputs),
  trackLogins: () => (/* reexport */ trackLogins),
  workspace: () => (/* reexport */ workspace),
  writeSummary: () => (/* reexport */ writeSummary)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./packages/kit/src/runner.ts
// The runner's side of the protocol, written out: inputs from INPUT_* variables, outputs and
// state appended to the GITHUB_OUTPUT / GITHUB_STATE files as heredocs, workflow commands on
// stdout (::add-mask::, ::warning::, ...), the job summary appended to GITHUB_STEP_SUMMARY.
//
// Why not @actions/core: v3 bundles @actions/http-client and undici for OIDC, which no action
// here uses; loading them was 70 of the 100 ms each action spent before doing anything
// (bench/README.md). The formats below are the runner's documented ones.



/** Escape a workflow command's message (`%`, CR and LF). */
function escapeData(s) {
    return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function command(name, message) {
    process.stdout.write(`::${name}::${escapeData(message)}${external_node_os_.EOL}`);
}
/** `INPUT_<NAME>`: upper-cased, spaces to `_`, hyphens kept. Empty when unset. */
function rawInput(name, env = process.env) {
    return env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
}
/** Append `name<<delimiter` / value / delimiter to a file command (GITHUB_OUTPUT, GITHUB_STATE). */
function fileCommand(variable, name, value) {
    const file = process.env[variable];
    if (!file) {
        // Outside a runner (a plain `node dist/index.js`), show what would have been set.
        process.stdout.write(`${variable === 'GITHUB_OUTPUT' ? 'output' : 'state'} ${name}=${value}${external_node_os_.EOL}`);
        return;
    }
    const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
    if (name.includes(delimiter) || value.includes(delimiter))
        throw new Error(`${name}: value contains the delimiter`);
    (0,external_node_fs_.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_.EOL}${value}${external_node_os_.EOL}${delimiter}${external_node_os_.EOL}`, 'utf8');
}
function setOutput(name, value) {
    fileCommand('GITHUB_OUTPUT', name, value);
}
function saveState(name, value) {
    fileCommand('GITHUB_STATE', name, value);
}
/** The post step sees the main step's state as `STATE_<name>`. */
function getState(name) {
    return process.env[`STATE_${name}`] ?? '';
}
/** Mask a secret in every later log line (each line of a multi-line secret too). */
function setSecret(value) {
    if (value === '')
        return;
    command('add-mask', value);
    for (const line of value.split(/\r?\n/))
        if (line !== '' && line !== value)
            command('add-mask', line);
}
const info = (message) => void process.stdout.write(`${message}${external_node_os_.EOL}`);
const warning = (message) => command('warning', message);
const notice = (message) => command('notice', message);
const error = (message) => command('error', message);
const debug = (message) => command('debug', message);
/** Fail the step: an error annotation and (unless told otherwise) exit code 1. */
function setFailed(message, exitCode = true) {
    if (exitCode)
        process.exitCode = 1;
    error(message);
}
/** Append markdown/HTML to the job summary; false outside a runner. */
function appendSummary(text) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
        return false;
    (0,external_node_fs_.appendFileSync)(file, text, 'utf8');
    return true;
}

;// CONCATENATED MODULE: ./packages/kit/src/state.ts

/** The one place that reads and writes step state (GITHUB_STATE / STATE_*). */
const IS_POST = 'isPost';
function state_saveState(name, value) {
    saveState(name, JSON.stringify(value));
}
function state_getState(name) {
    const raw = getState(name);
    return raw === '' ? undefined : JSON.parse(raw);
}
/** The runner gives the post step the state the main step saved; the main step sees none. */
function isPost() {
    return getState(IS_POST) === 'true';
}
function markMainRan() {
    saveState(IS_POST, 'true');
}

;// CONCATENATED MODULE: ./packages/kit/src/run.ts


/** Step debug logging is on (a re-run with debug logging, or ACTIONS_STEP_DEBUG=true). */
function stepDebug(env = process.env) {
    return env.ACTIONS_STEP_DEBUG === 'true' || env.RUNNER_DEBUG === '1';
}
/**
 * Under `@github/local-action`, whose wrapper sets TARGET_ACTION_PATH for the run and prints
 * a stack trace of its own when the run exits non-zero. Its @actions/core stub records a
 * failure without an exit code, so here too the failure is the error line alone.
 */
function underLocalAction(env = process.env) {
    return (env.TARGET_ACTION_PATH ?? '') !== '' && env.GITHUB_ACTIONS !== 'true';
}
/** One clear failed-step message; the stack only as a debug line, and only with step debug on. */
function fail(e) {
    if (e instanceof Error && e.stack && stepDebug())
        debug(e.stack);
    setFailed(e instanceof Error ? e.message : String(e), !underLocalAction());
}
/**
 * `main` made safe to call directly: every error ends as a failed step, never as a throw.
 * `@github/local-action` calls main.ts's `run()` itself, so it sees no stack trace either.
 */
function guarded(main) {
    return async () => {
        try {
            await main();
        }
        catch (e) {
            fail(e);
        }
    };
}
/**
 * The one entry point of every action: runs `main`, or `post` when the runner calls the
 * action again after the job, and turns any error into one clear failed-step message.
 */
async function runAction(main, post) {
    const inPost = post !== undefined && isPost();
    if (!inPost && post !== undefined)
        markMainRan();
    await guarded(inPost ? post : main)();
}

// EXTERNAL MODULE: ./packages/conventions/src/index.ts + 13 modules
var src = __webpack_require__(3486);
;// CONCATENATED MODULE: ./packages/kit/src/declare.ts
// Every action declares the inputs it reads once, here in kit's terms: name, parser, default
// (the same default as its action.yml, which a unit test holds it to). The runner passes
// action.yml's defaults as INPUT_* variables; local-action, act or a bundle run by hand may
// not, so the declared default stands in for an unset input and every run behaves alike.


function spec(def, parse, o = {}) {
    return { default: def, required: o.required ?? false, multiline: o.multiline ?? false, keepEmpty: o.keepEmpty ?? false, hint: o.hint ?? '', parse };
}
/** The parsers a declaration is made of; each takes action.yml's default as a string. */
const input = {
    /** Free text (trimmed). */
    text: (def = '', o = {}) => spec(def, (_n, v) => v, o),
    /** `true`/`false`, any case. */
    bool: (def) => spec(def, (n, v) => (0,src/* parseBoolean */.yG)(n, v)),
    /** One of fixed words, any case. */
    choice: (choices, def) => spec(def, (n, v) => (0,src/* parseChoice */.HU)(n, v, choices, def)),
    /** A whole number in [min, max]. */
    int: (min, max, def) => spec(def, (n, v) => (0,src/* parseInteger */.cG)(n, v, Number(def), min, max)),
    /** Names separated by newlines or commas. */
    list: (def = '') => spec(def, (_n, v) => (0,src/* parseList */.E1)(v)),
    /** `key=value`, one per line. */
    pairs: (def = '') => spec(def, (n, v) => (0,src/* parseKeyValues */.Hl)(n, v), { multiline: true }),
    /** Any parser of conventions, `(input, value) => T`. */
    parsed: (def, parse, o = {}) => spec(def, parse, o),
};
/** A declaration, kept as written (the identity, for its type). */
function declareInputs(d) {
    return d;
}
/** The raw string of a declared input: the runner's value, or the declared default when unset (or empty). */
function rawDeclared(declared, name, env = process.env) {
    const s = declared[name];
    if (s === undefined)
        throw new Error(`Input "${name}" is not declared by this action (a bug: declare it in src/inputs.ts and action.yml)`);
    const key = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
    const given = key in env ? rawInput(name, env) : undefined;
    const value = given === undefined ? s.default : s.multiline ? given.replace(/^\s*\n|\n\s*$/g, '') : given.trim();
    if (value === '' && s.required)
        throw new src/* ValidationError */.yI(name, `required${s.hint ? `: ${s.hint}` : ''}`);
    return value === '' && !s.keepEmpty ? s.default : value;
}
/** Read and parse every declared input (all validation of single inputs happens here, before anything runs). */
function readDeclared(declared, env = process.env) {
    const out = {};
    for (const [name, s] of Object.entries(declared))
        out[name] = s.parse(name, rawDeclared(declared, name, env));
    return out;
}

;// CONCATENATED MODULE: ./packages/kit/src/outputs.ts

/** Set every output at once; `undefined` becomes the empty string so each output always exists. */
function setOutputs(outputs) {
    for (const [name, value] of Object.entries(outputs))
        setOutput(name, value === undefined ? '' : String(value));
}

;// CONCATENATED MODULE: ./packages/kit/src/summary.ts

/** A heading and a two-column table in the job summary; skipped quietly outside a runner. */
async function writeSummary(title, rows) {
    const cell = (v) => (v === '' ? '-' : `<code>${escapeHtml(v)}</code>`);
    const html = [
        `<h3>${escapeHtml(title)}</h3>`,
        '<table><tr><th>Item</th><th>Value</th></tr>',
        ...rows.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td>${cell(v)}</td></tr>`),
        '</table>',
        '',
    ].join('\n');
    try {
        appendSummary(html);
    }
    catch (e) {
        warning(`Could not write the job summary: ${e.message}`);
    }
}
function escapeHtml(s) {
    return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./packages/kit/src/env.ts

/** Running under nektos/act (`ACT=true`): no cache service, no OIDC. */
function isAct(env = process.env) {
    return env.ACT === 'true';
}
/** GITHUB_WORKSPACE, or the current directory outside a runner. */
function workspace(env = process.env) {
    return external_node_path_.resolve(env.GITHUB_WORKSPACE || process.cwd());
}

;// CONCATENATED MODULE: ./packages/kit/src/log.ts

/** The runner's log, as step functions see it. */
const log = {
    info: info,
    warning: warning,
    debug: debug,
    notice: notice,
    secret: setSecret,
};

;// CONCATENATED MODULE: ./packages/kit/src/image-inputs.ts

/** The image-naming inputs (image, or repository + registry parts) as conventions take them; empty ones left out. */
const IMAGE_KEYS = ['image', 'repository', 'tag', 'registry', 'account', 'region'];
function imageInputs(v) {
    return Object.fromEntries(IMAGE_KEYS.map((k) => [k, v[k]]).filter(([, value]) => value !== undefined && value !== ''));
}
/** `username` + `password` for non-ECR registries; the password is masked at once. */
function credentials(v, log) {
    if (v.password)
        log.secret(v.password);
    if (!v.username && !v.password)
        return undefined;
    if (!v.username || !v.password)
        throw new src/* ValidationError */.yI(v.username ? 'password' : 'username', 'username and password go together: give both or neither');
    return { username: v.username, password: v.password };
}

;// CONCATENATED MODULE: ./packages/kit/src/build-inputs.ts




/** Lines of raw buildx values (cache-from/cache-to hold commas, so only newlines separate them). */
const lines = (_name, v) => v.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
/** The build inputs build-push and the all-in-one action both declare (same names, same defaults). */
const BUILD_INPUTS = {
    tags: input.parsed('', src/* parseExtraTags */.r8),
    context: input.text('.'),
    file: input.text(''),
    'build-args': input.pairs(''),
    platforms: input.parsed('', src/* parsePlatforms */.qA),
    target: input.parsed('', src/* validateStage */.Ps),
    labels: input.pairs(''),
    cache: input.choice(src/* CACHE_MODES */._R, 'auto'),
    provenance: input.bool('false'),
    push: input.bool('true'),
    builder: input.text(''),
    secrets: input.pairs(''),
    'secret-envs': input.pairs(''),
    'secret-files': input.pairs(''),
    ssh: input.parsed('', lines, { multiline: true }),
    'no-cache': input.bool('false'),
    pull: input.bool('false'),
    network: input.parsed('', src/* validateNetwork */.jO),
    'cache-from': input.parsed('', lines, { multiline: true }),
    'cache-to': input.parsed('', lines, { multiline: true }),
};
/** A workspace-relative path input, resolved and checked to exist. */
function workspacePath(name, value, ws) {
    const abs = external_node_path_.resolve(ws, value);
    if (!(0,external_node_fs_.existsSync)(abs))
        throw new src/* ValidationError */.yI(name, `${(0,src/* shown */.SP)(value)} does not exist (paths are relative to the workspace, ${ws})`);
    return abs;
}
/** Context and Dockerfile, relative to the workspace; `file` defaults to `<context>/Dockerfile`. */
function contextAndFile(v, ws) {
    const context = workspacePath('context', v.context, ws);
    const file = v.file ? workspacePath('file', v.file, ws) : workspacePath('file', external_node_path_.join(context, 'Dockerfile'), ws);
    return { context, file };
}
/** Build secrets from `secrets` (values, masked at once), `secret-envs` and `secret-files`. */
function buildSecrets(v, ws, log) {
    (0,src/* validateSecretIds */.Rt)('secrets', [...v.secrets, ...v['secret-envs'], ...v['secret-files']].map((kv) => kv.key));
    for (const s of v.secrets)
        log.secret(s.value);
    return [
        ...v.secrets.map(({ key, value }) => ({ id: key, value })),
        ...(0,src/* parseSecretEnvs */.sV)('secret-envs', v['secret-envs']),
        ...v['secret-files'].map(({ key, value }) => ({ id: key, file: workspacePath('secret-files', value, ws) })),
    ];
}
/**
 * The build settings, paths checked, secret values masked; the OCI source label from the
 * workflow run. The revision label is added once git has run (withRevision): it is the commit
 * the tag was taken from.
 */
function buildSettings(v, ws, env, log) {
    const source = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}` : undefined;
    const secrets = buildSecrets(v, ws, log);
    return {
        ...contextAndFile(v, ws),
        buildArgs: v['build-args'],
        labels: (0,src/* ociLabels */.TT)(v.labels, undefined, source),
        ...(secrets.length ? { secrets } : {}),
        ...(v.ssh.length ? { ssh: v.ssh } : {}),
        ...(v['no-cache'] ? { noCache: true } : {}),
        ...(v.pull ? { pull: true } : {}),
        ...(v.network ? { network: v.network } : {}),
        ...(v['cache-from'].length ? { cacheFrom: v['cache-from'] } : {}),
        ...(v['cache-to'].length ? { cacheTo: v['cache-to'] } : {}),
        platforms: v.platforms,
        provenance: v.provenance,
        push: v.push,
        ...(v.target ? { target: v.target } : {}),
        ...(v.builder ? { builder: v.builder } : {}),
    };
}

;// CONCATENATED MODULE: ./packages/kit/src/repository-inputs.ts
// The inputs about a missing ECR repository, shared by build-push, the root action and plan.


/** What a step does with a missing ECR repository: build-push, the root action and plan share these. */
const REPOSITORY_INPUTS = {
    'create-repository': input.bool('false'),
    'scan-on-push': input.bool('true'),
    'kms-key': input.parsed('', src/* validateKmsKey */.by),
    'tag-mutability': input.parsed('MUTABLE', src/* parseTagMutability */.Gi),
    'lifecycle-keep': input.parsed('', (n, v) => (v === '' ? 0 : (0,src/* parseInteger */.cG)(n, v, 0, 1, 1000))),
    'missing-repository': input.choice(['error', 'absent'], 'error'),
};
/** The settings of a repository to create, or undefined without create-repository. */
function repositorySettings(v) {
    if (!v['create-repository']) {
        for (const name of ['kms-key', 'lifecycle-keep']) {
            if (v[name])
                throw new src/* ValidationError */.yI(name, 'applies to repositories this step creates: set create-repository: true as well');
        }
        return undefined;
    }
    return {
        scanOnPush: v['scan-on-push'],
        ...(v['kms-key'] ? { kmsKey: v['kms-key'] } : {}),
        mutability: v['tag-mutability'],
        ...(v['lifecycle-keep'] ? { lifecycleKeep: v['lifecycle-keep'] } : {}),
    };
}

;// CONCATENATED MODULE: ./packages/kit/src/tag-inputs.ts

/** The tag inputs resolve-tag and the all-in-one action share, as the tag step takes them, checked as far as they can be without git. */
function tagInputs(v, ws, defaultPaths, env = process.env) {
    // The tag's form is known before git runs: check it (and the aliases') now.
    (0,src/* formatTag */._3)(v.prefix, '0'.repeat(v.length));
    (0,src/* aliasTags */.Gv)(v.prefix, v.aliases);
    return {
        prefix: v.prefix,
        source: v.source,
        paths: (v.paths.length ? v.paths : defaultPaths).map((p) => (0,src/* normalisePath */.qb)('paths', p)),
        length: v.length,
        ...(v.sha ? { sha: v.sha } : {}),
        aliases: v.aliases,
        workspace: ws,
        ...(env.GITHUB_SHA ? { githubSha: env.GITHUB_SHA } : {}),
    };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/.pnpm/@actions+exec@3.0.0/node_modules/@actions/exec/lib/exec.js + 3 modules
var exec = __webpack_require__(296);
// EXTERNAL MODULE: ./packages/adapters/src/errors.ts
var errors = __webpack_require__(6716);
;// CONCATENATED MODULE: ./packages/adapters/src/docker/output.ts
/** The last lines of a command's output, for error messages. */
function tail(r, lines = 25) {
    return (r.stderr || r.stdout).trim().split('\n').slice(-lines).join('\n');
}
/** The digest `docker push` prints: `<tag>: digest: sha256:... size: N`. */
function digestFromPush(output) {
    return /digest: (sha256:[a-f0-9]{64})/.exec(output)?.[1];
}
/** Whether a push failed because the tag exists in an immutable repository (ECR's TAG_INVALID). */
function isImmutableTagRefusal(output) {
    return /already exists.*cannot be overwritten|tag invalid.*immutable|ImageTagAlreadyExistsException/i.test(output);
}
/**
 * `docker buildx inspect` (its `Driver:` line) and `docker info --format '{{json .DriverStatus}}'`
 * (`[["driver-type","io.containerd.snapshotter.v1"]]` when images live in containerd).
 */
function parseBuilderInfo(inspect, driverStatus) {
    const driver = /^Driver:\s*(\S+)/m.exec(inspect)?.[1] ?? 'docker';
    return { driver, containerdStore: /io\.containerd\.snapshotter/.test(driverStatus) };
}

;// CONCATENATED MODULE: ./packages/adapters/src/docker/cli.ts






class DockerCli {
    bin;
    tempRoot;
    constructor(bin = 'docker', tempRoot = process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)()) {
        this.bin = bin;
        this.tempRoot = tempRoot;
    }
    async run(args, opts = {}) {
        try {
            return await exec/* getExecOutput */.H(this.bin, [...args], {
                ignoreReturnCode: true,
                silent: opts.quiet ?? false,
                ...(opts.input !== undefined ? { input: Buffer.from(opts.input) } : {}),
                env: { ...process.env, ...(opts.env ?? {}) },
            });
        }
        catch (e) {
            if (/Unable to locate executable/i.test(e.message)) {
                throw new errors/* ToolMissingError */.hc(`docker is not installed or not on PATH: this step needs the docker CLI (${e.message})`);
            }
            throw e;
        }
    }
    async login(host, username, password) {
        const r = await this.run(['login', '--username', username, '--password-stdin', host], { input: password, quiet: true });
        if (r.exitCode !== 0)
            throw new Error(`docker login ${host} failed: ${(r.stderr || r.stdout).trim()}`);
    }
    async logout(host) {
        const r = await this.run(['logout', host], { quiet: true });
        if (r.exitCode !== 0)
            throw new Error(`docker logout ${host} failed: ${(r.stderr || r.stdout).trim()}`);
    }
    async hasBuildx() {
        const r = await this.run(['buildx', 'version'], { quiet: true });
        return r.exitCode === 0;
    }
    async clientVersion() {
        const r = await this.run(['--version'], { quiet: true });
        return /version\s+(\d+\.\d+\.\d+)/.exec(r.stdout)?.[1] ?? '0.0.0';
    }
    async builderInfo(builder) {
        const [inspect, info] = await Promise.all([
            this.run(['buildx', 'inspect', ...(builder ? [builder] : [])], { quiet: true }),
            this.run(['info', '--format', '{{json .DriverStatus}}'], { quiet: true }),
        ]);
        if (inspect.exitCode !== 0)
            throw new Error(`docker buildx inspect${builder ? ` ${builder}` : ''} failed: ${tail(inspect, 3)}`);
        return parseBuilderInfo(inspect.stdout, info.exitCode === 0 ? info.stdout : '');
    }
    async buildx(args, env = {}) {
        const dir = await (0,promises_.mkdtemp)(external_node_path_.join(this.tempRoot, 'ensure-image-'));
        try {
            const file = external_node_path_.join(dir, 'metadata.json');
            const r = await this.run([...args.slice(0, 2), '--metadata-file', file, ...args.slice(2)], { env });
            if (r.exitCode !== 0) {
                if (isImmutableTagRefusal(r.stderr))
                    throw new errors/* ImmutableTagError */.zF(tail(r, 3));
                throw new Error(`docker buildx build failed (exit ${r.exitCode}):\n${tail(r)}`);
            }
            const text = await (0,promises_.readFile)(file, 'utf8').catch(() => '{}');
            return JSON.parse(text || '{}');
        }
        finally {
            await (0,promises_.rm)(dir, { recursive: true, force: true });
        }
    }
    async build(args, env) {
        const r = await this.run(args, { env });
        if (r.exitCode !== 0)
            throw new Error(`docker build failed (exit ${r.exitCode}):\n${tail(r)}`);
    }
    async push(ref) {
        const r = await this.run(['push', ref]);
        if (r.exitCode !== 0) {
            if (isImmutableTagRefusal(`${r.stderr}\n${r.stdout}`))
                throw new errors/* ImmutableTagError */.zF(tail(r, 3));
            throw new Error(`docker push ${ref} failed (exit ${r.exitCode}):\n${tail(r)}`);
        }
        const digest = digestFromPush(r.stdout);
        if (!digest)
            throw new Error(`docker push ${ref} printed no digest`);
        return digest;
    }
}

;// CONCATENATED MODULE: ./packages/kit/src/logins.ts
// The hosts docker was logged in to, kept in the step state for the post step; one post
// step (log out of each) for ecr-login and the all-in-one action.



const LOGGED_IN = 'registries';
/** A callback for each host docker now holds a login for; saved at once, so a later failure still logs out. `save: false` keeps nothing (skip-logout). */
function trackLogins(save = true) {
    const hosts = [];
    return (host) => {
        hosts.push(host);
        if (save)
            state_saveState(LOGGED_IN, hosts);
    };
}
/** The post step: log out of every host the main step logged in to (nothing saved: nothing to do). */
async function logoutSaved(logout, docker = new DockerCli()) {
    const hosts = state_getState(LOGGED_IN) ?? [];
    if (hosts.length > 0)
        await logout(hosts, { docker, log: log });
}

;// CONCATENATED MODULE: ./packages/kit/src/index.ts













/***/ })

};
