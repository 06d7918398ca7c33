export const id = 628;
export const ids = [628];
export const modules = {

/***/ 4628:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  post: () => (/* binding */ post),
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
const loadSdk = () => (sdkEcr ??= Promise.all(/* import() */[__webpack_require__.e(635), __webpack_require__.e(735), __webpack_require__.e(660), __webpack_require__.e(308)]).then(__webpack_require__.bind(__webpack_require__, 3308)).then(({ SdkEcr }) => new SdkEcr()));
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

// EXTERNAL MODULE: ./packages/adapters/src/docker/cli.ts + 1 modules
var cli = __webpack_require__(175);
// EXTERNAL MODULE: ./packages/kit/src/index.ts + 13 modules
var src = __webpack_require__(6644);
// EXTERNAL MODULE: ./packages/conventions/src/index.ts + 13 modules
var conventions_src = __webpack_require__(3486);
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
        const targets = accounts.length === 0 ? tokens.map((t) => ({ host: (0,conventions_src/* ecrHost */.Fd)({ account: t.account, region }), account: t.account })) : logins;
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
    return { hosts, credentials, registry: hosts.find((h) => !conventions_src/* ECR_PUBLIC_HOSTS */.BB.includes(h.toLowerCase())) ?? '' };
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
            if (!(e instanceof RepositoryNotFoundError))
                throw e;
            if (o.create) {
                await createRepository(ecr, where, group, o.create, deps.log);
            }
            else if (o.missingRepository !== 'absent') {
                throw new RepositoryNotFoundError(`${e.message}.${missingRepositoryHint(o.repositoryInputs ?? ['missing-repository'])}`);
            }
            found = new Map();
        }
        for (const img of group) {
            const hit = found.get(lookupRef(img));
            results.set(img, { image: formatReference(img.ref), exists: hit !== undefined, digest: hit?.digest ?? '', ...(hit ? { found: hit } : {}) });
        }
    };
    if (groups.size > 0) {
        const ecr = await deps.ecr();
        await Promise.all([...groups.values()].map((g) => checkGroup(ecr, g)));
    }
    await Promise.all(images
        .filter((img) => img.registry.kind !== 'ecr')
        .map(async (img) => {
        const { host, name } = distributionTarget(img.ref);
        const info = await deps.registry.headManifest({ host, name, reference: lookupRef(img) }, o.credentials);
        results.set(img, { image: formatReference(img.ref), exists: info !== undefined, digest: info?.digest ?? '' });
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
        mutableTags = [...new Set(aliases.flatMap((t) => mutableTagFilters(named.find((p) => p && t.startsWith(`${p}-`)) ?? '', [t])))];
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
        ...(s.lifecycleKeep ? { lifecyclePolicy: JSON.stringify(lifecyclePolicy(prefixes, s.lifecycleKeep)) } : {}),
    });
    log?.info(made === 'created'
        ? `Created ECR repository ${where.repository} (${mutability}${mutableTags.length ? ` except ${mutableTags.join(', ')}` : ''}, scan on push ${s.scanOnPush}, ${s.kmsKey ? `KMS ${s.kmsKey}` : 'AES256'}${s.lifecycleKeep ? `, keeps ${s.lifecycleKeep} per image` : ''})`
        : `ECR repository ${where.repository} was created meanwhile by another run`);
}

;// CONCATENATED MODULE: ./packages/steps/src/aliases.ts



/** The aliases (full references) as images; those in other repositories are only reported. */
function aliases_aliasImages(refs, env) {
    return refs.map((r) => resolveImage({ image: r }, env));
}
/** Look the image and its aliases up in one go. */
async function aliases_readTags(main, aliases, deps, o) {
    const [m, ...rest] = await checkImages([main, ...aliases], { ...deps }, o);
    return { main: m, aliases: aliases.map((image, n) => ({ image, result: rest[n] })) };
}
const sameRepository = (a, b) => formatName(a.ref) === formatName(b.ref);
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
            if (!(e instanceof ImmutableTagError))
                throw e;
            throw new Error(`${a.result.image} names ${a.result.digest || 'another image'} and ${formatName(main.ref)} keeps its tags immutable, so the alias cannot move to ${digest}. ` +
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
            throw new Error(`${formatReference(main.ref)}: ECR returned no manifest for ${digest}, so its aliases cannot be re-pointed`);
        const m = manifest;
        return (tag) => ecr.putImage({ region, account, repository: main.ref.repository, tag, manifest: m.manifest, ...(m.mediaType ? { mediaType: m.mediaType } : {}), digest });
    }
    const { host, name } = distributionTarget(main.ref);
    const body = await deps.registry.getManifest({ host, name, reference: digest }, credentials);
    if (!body)
        throw new Error(`${formatName(main.ref)}@${digest} is not in the registry, so its aliases cannot be re-pointed`);
    return (tag) => deps.registry.putManifest({ host, name, reference: tag }, body, credentials);
}

;// CONCATENATED MODULE: ./packages/steps/src/cache.ts

const SETUP_HINT = 'docker/setup-buildx-action (the docker-container driver) enables cache export';
function cache_chooseCache(r, deps) {
    const canExport = exportsCache(r.builder);
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
                    return { mode: 'gha', flags: cacheFlags('gha', r.scope) };
                return r.push ? { mode: 'registry', flags: cacheFlags('registry', r.scope) } : none;
            }
            if (!r.push)
                return none;
            (deps.log.notice ?? deps.log.info)(`Build cache: ${driver} exports no cache, so this build only reads an existing registry cache; ${SETUP_HINT}.`);
            return { mode: 'registry', flags: cacheFlags('registry', r.scope, true) };
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
            return { mode: r.mode, flags: cacheFlags(r.mode, r.scope) };
        case 'registry':
            if (!canExport) {
                deps.log.warning(`cache: registry: ${driver} cannot export a cache; reading the existing registry cache only (${SETUP_HINT}).`);
                return { mode: 'registry', flags: cacheFlags('registry', r.scope, true) };
            }
            return { mode: 'registry', flags: cacheFlags('registry', r.scope) };
    }
}

;// CONCATENATED MODULE: ./packages/steps/src/target.ts

/**
 * Resolve the image the inputs name. Only when nothing names the registry is STS asked for
 * the caller's account (account: explicit > registry host > GetCallerIdentity).
 */
async function target_resolveTarget(i, deps, env) {
    let inputs = i;
    if (needsAccount(i) && i.repository) {
        const region = resolveRegion({ explicit: i.region, env });
        const account = await (await deps.ecr()).accountId(region);
        deps.log.info(`Account ${account} (from sts:GetCallerIdentity)`);
        inputs = { ...i, account, region };
    }
    const resolved = resolveImage(inputs, env);
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
    const image = formatReference(i.image.ref);
    const refs = [...new Set([image, ...i.plan.extraRefs])];
    const aliases = aliasImages(refs.slice(1), {});
    const target = { ...i.image, prefix: prefixOfTag(i.image.ref.tag) };
    const opts = {
        ...(i.credentials ? { credentials: i.credentials } : {}),
        ...(i.missingRepository ? { missingRepository: i.missingRepository } : {}),
        ...(i.createRepository ? { create: i.createRepository } : {}),
        repositoryInputs: i.repositoryInputs ?? ['create-repository', 'missing-repository'],
    };
    const read = () => readTags(target, aliases, deps, opts);
    const settle = async (state, r) => {
        const repointed = r.digest && i.plan.push ? await pointAliases(i.image, r.digest, state, deps, i.credentials) : [];
        return { ...r, image, imageDigest: r.digest ? pinnedReference(i.image.ref, r.digest) : '', repointed };
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
        if (!(e instanceof ImmutableTagError))
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
    const name = i.name ?? cacheName(i.image.ref.repository, i.image.ref.tag);
    const localDir = path.join(i.runnerTemp, 'ensure-image-cache', `${i.image.ref.repository.replace(/\//g, '_')}-${name}`);
    const builder = await deps.docker.builderInfo(plan.builder);
    const cache = chooseCache({
        mode: i.cache,
        scope: { name, repository: formatName(i.image.ref), ecr: i.image.registry.kind === 'ecr', localDir },
        builder,
        push: plan.push,
        act: i.act,
        ...(plan.cacheFrom ? { rawFrom: plan.cacheFrom } : {}),
        ...(plan.cacheTo ? { rawTo: plan.cacheTo } : {}),
    }, deps);
    const key = `ensure-image-${i.image.ref.repository}-${name}-${i.image.ref.tag ?? 'digest'}`;
    if (cache.mode === 'local')
        await deps.cache.restore(localDir, key, [`ensure-image-${i.image.ref.repository}-${name}-`]).catch((e) => deps.log.warning(`Cache restore failed: ${e.message}`));
    const meta = await deps.docker.buildx(buildxArgs(plan, cache.flags), secretEnv(plan.secrets));
    const digest = plan.push ? String(meta['containerimage.digest'] ?? '') : '';
    if (cache.mode === 'local')
        await deps.cache.save(localDir, key, `${localDir}-new`).catch((e) => deps.log.warning(`Cache save failed: ${e.message}`));
    return { digest, metadata: JSON.stringify(meta), built: true };
}
async function buildClassic(plan, i, deps, clientVersion, recheck) {
    const needs = classicLimits(plan);
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
    await deps.docker.build(classicBuildArgs(plan), { DOCKER_BUILDKIT: buildkit });
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









;// CONCATENATED MODULE: ./actions/ecr-login/src/inputs.ts


/** Every input ecr-login reads, with action.yml's defaults. */
const INPUTS = (0,src.declareInputs)({
    registries: src.input.list(''),
    region: src.input.text(''),
    'mask-password': src.input.bool('true'),
    'skip-logout': src.input.bool('false'),
    'output-credentials': src.input.bool('false'),
});
/** The inputs, read and checked (before any token is asked for). */
function readInputs(env = process.env) {
    const v = (0,src.readDeclared)(INPUTS, env);
    return {
        plan: (0,conventions_src/* planLogins */.IB)(v.registries, v.region || undefined, env),
        mask: v['mask-password'] || !v['output-credentials'],
        skipLogout: v['skip-logout'],
        outputCredentials: v['output-credentials'],
    };
}

;// CONCATENATED MODULE: ./actions/ecr-login/src/main.ts





async function main() {
    const i = readInputs();
    const result = await login(i.plan, { ecr: loadSdkEcr, docker: new cli/* DockerCli */.V(), log: src.log }, { mask: i.mask, onLogin: (0,src.trackLogins)(!i.skipLogout) });
    const first = i.outputCredentials ? result.credentials[0] : undefined;
    (0,src.setOutputs)({
        registry: result.registry,
        registries: result.hosts.join(','),
        'docker-username': first?.username,
        'docker-password': first?.password,
    });
    await (0,src.writeSummary)('ECR login', result.hosts.map((h) => ['logged in', h]));
}
/** The action (also what @github/local-action calls): failures end the step, never throw. */
const run = (0,src.guarded)(main);
/** The post step: log out of what the main step logged in to. */
const post = (0,src.guarded)(() => (0,src.logoutSaved)(logout));


/***/ })

};
