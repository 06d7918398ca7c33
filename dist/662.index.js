export const id = 662;
export const ids = [662];
export const modules = {

/***/ 2662:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  autoReads: () => (/* binding */ autoReads),
  checkPaths: () => (/* binding */ checkPaths)
});

// EXTERNAL MODULE: ./packages/conventions/src/index.ts + 17 modules
var src = __webpack_require__(7792);
// EXTERNAL MODULE: ./node_modules/.pnpm/dockerfile-ast@0.7.1/node_modules/dockerfile-ast/lib/main.js
var main = __webpack_require__(1208);
// EXTERNAL MODULE: ./packages/conventions/src/errors.ts
var errors = __webpack_require__(9308);
;// CONCATENATED MODULE: ./packages/conventions/src/dockerfile-vars.ts
// ARG/ENV substitution for reading a Dockerfile's inputs. The parser (dockerfile-ast) finds
// every variable with its range, modifier and word; this file only decides each one's value
// in the scope docker would use, and writes the values into the instruction's text, which is
// then parsed again. Nothing here reads Dockerfile syntax by hand.

/** Stands for a value that cannot be known here; it survives re-parsing as part of a word (the reason is URI-encoded: no spaces, quotes or `$`). */
const OPEN = '\u2045';
const CLOSE = '\u2046';
/** The automatic platform ARGs: their value depends on the platform being built. */
const PLATFORM_ARGS = new Set(['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT']);
/** A value whose source cannot be known: unset, platform-dependent, or an expansion we do not evaluate. */
function unknownValue(why) {
    return `${OPEN}${encodeURIComponent(why)}${CLOSE}`;
}
/** The first unknown value in a word, as its reason (`${CMD_TARGET} has no value`), or undefined. */
function unknownIn(word) {
    const at = word.indexOf(OPEN);
    if (at < 0)
        return undefined;
    const end = word.indexOf(CLOSE, at);
    return decodeURIComponent(word.slice(at + 1, end < 0 ? undefined : end));
}
function lookup(scope, name) {
    if (scope.env.has(name))
        return { set: true, value: scope.env.get(name) };
    if (scope.args.has(name)) {
        if (PLATFORM_ARGS.has(name))
            return { set: true, value: unknownValue(`\${${name}} depends on the platform`) };
        return { set: true, value: scope.args.get(name) };
    }
    return { set: false, value: undefined };
}
/** The value docker would expand a variable to, or an unknown marker saying why it cannot be known here. */
function expand(scope, name, modifier, word) {
    const { set, value } = lookup(scope, name);
    const known = value !== undefined;
    if (word !== null && (word.includes('$') || word.includes(OPEN)))
        return unknownValue(`\${${name}:${modifier ?? ''}...} nests a variable`);
    switch (modifier) {
        case null:
        case '':
            return known ? value : unknownValue(set ? `\${${name}} has no value (no default and no build-arg)` : `\${${name}} is not declared (no ARG or ENV)`);
        case '-':
            return known && value !== '' ? value : (word ?? '');
        case '+':
            return known && value !== '' ? (word ?? '') : known || !set ? '' : unknownValue(`\${${name}} has no value`);
        default:
            return known ? unknownValue(`\${${name}${modifier}...} is not evaluated here`) : unknownValue(`\${${name}} has no value`);
    }
}
/** Offsets of each line's start in `text`, to turn the parser's positions into string offsets. */
class Positions {
    text;
    starts = [0];
    constructor(text) {
        this.text = text;
        for (let i = 0; i < text.length; i++)
            if (text[i] === '\n')
                this.starts.push(i + 1);
    }
    offset(p) {
        return (this.starts[p.line] ?? this.text.length) + p.character;
    }
    slice(r) {
        return this.text.slice(this.offset(r.start), this.offset(r.end));
    }
}
/**
 * The instruction with every variable replaced by its value in `scope`, parsed again on its
 * own (with the file's escape character), so that its words, flags and properties are read by
 * the parser as docker reads them after expansion.
 */
function substituted(ins, pos, scope, escape) {
    if (ins.getVariables().length === 0)
        return { ins, pos };
    const range = ins.getRange();
    const start = pos.offset(range.start);
    let text = pos.slice(range);
    const vars = ins
        .getVariables()
        .map((v) => ({ v, from: pos.offset(v.getRange().start) - start, to: pos.offset(v.getRange().end) - start }))
        .sort((a, b) => a.from - b.from)
        .filter((x, i, all) => i === 0 || x.from >= all[i - 1].to);
    for (const { v, from, to } of vars.reverse()) {
        text = text.slice(0, from) + expand(scope, v.getName(), v.getModifier(), v.getSubstitutionParameter()) + text.slice(to);
    }
    const doc = `${escape === '\\' ? '' : `# escape=${escape}\n`}${text}`;
    const again = main.DockerfileParser.parse(doc).getInstructions()[0];
    return again ? { ins: again, pos: new Positions(doc) } : { ins, pos };
}

;// CONCATENATED MODULE: ./packages/conventions/src/dockerfile-inputs.ts
// What a build reads from its context, read from its Dockerfile with a maintained parser
// (dockerfile-ast): COPY/ADD sources and RUN --mount=type=bind sources of the stages the
// target reaches, after ARG/ENV substitution with the image's build args.



const REMOTE = ['http://', 'https://', 'git://', 'git@', 'ssh://'];
/** A source as docker resolves it: relative to the context root, `..` clamped at the root. */
function cleanSource(source) {
    const out = [];
    for (const part of source.replace(/\\/g, '/').split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..')
            out.pop();
        else
            out.push(part);
    }
    return out.length ? out.join('/') : '.';
}
/** The words of a COPY/ADD: JSON form read as JSON strings, heredoc bodies left out. */
function words(ins, pos) {
    const json = ins.getJSONStrings();
    if (json.length && ins.getClosingBracket())
        return json.map((j) => JSON.parse(pos.slice(j.getRange())));
    const docs = ins.getHeredocs?.() ?? [];
    const bodyFrom = Math.min(...docs.map((h) => (h.getContentRange() ?? h.getStartRange()).start.line + (h.getContentRange() ? 0 : 1)));
    return ins
        .getArguments()
        .filter((a) => a.getRange().start.line < bodyFrom)
        .map((a) => a.getValue());
}
function flag(ins, name) {
    const f = ins.getFlags().find((x) => x.getName().toLowerCase() === name);
    return f ? (f.getValue() ?? '') : undefined;
}
/**
 * The context sources a Dockerfile's build reads, for one set of build args and target.
 * Unknowable sources (a variable with no value, a remote ADD, `COPY . .`) set `whole`, naming
 * the first such line. `--from` stages are followed; images and named contexts are not inputs.
 */
function dockerfileInputs(text, o) {
    const df = main.DockerfileParser.parse(text);
    const escape = df.getEscapeCharacter();
    const pos = new Positions(text);
    const passed = new Map(o.buildArgs.map((kv) => [kv.key, kv.value]));
    const globals = new Map();
    const stages = [];
    const stageOf = (ref, before) => {
        const n = /^\d+$/.test(ref) ? Number(ref) : stages.findIndex((s) => s.name === ref.toLowerCase());
        return n >= 0 && n < before ? n : undefined;
    };
    for (const raw of df.getInstructions()) {
        const keyword = raw.getKeyword();
        const stage = stages[stages.length - 1];
        const line = raw.getRange().start.line + 1;
        const first = pos.slice(raw.getRange()).split('\n')[0]?.trim() ?? '';
        const at = (source) => ({ source, line, text: first });
        if (keyword === 'FROM') {
            const { ins } = substituted(raw, pos, { env: new Map(), args: globals }, escape);
            const from = ins;
            const index = stages.length;
            const parent = stageOf(from.getImage() ?? '', index);
            const name = from.getBuildStage()?.toLowerCase();
            stages.push({
                index,
                name,
                deps: new Set(parent === undefined ? [] : [parent]),
                env: new Map(parent === undefined ? [] : stages[parent].env),
                args: new Map(),
                sources: [],
                whole: undefined,
            });
            continue;
        }
        if (keyword === 'ARG' && !stage) {
            for (const p of props(substituted(raw, pos, { env: new Map(), args: globals }, escape).ins)) {
                globals.set(p.getName(), passed.has(p.getName()) ? passed.get(p.getName()) : (p.getValue() ?? undefined));
            }
            continue;
        }
        if (!stage)
            continue;
        const scope = { env: stage.env, args: stage.args };
        if (keyword === 'ARG' || keyword === 'ENV') {
            for (const p of props(substituted(raw, pos, scope, escape).ins)) {
                const name = p.getName();
                if (keyword === 'ENV')
                    stage.env.set(name, p.getValue() ?? '');
                else
                    stage.args.set(name, passed.has(name) ? passed.get(name) : (p.getValue() ?? globals.get(name)));
            }
        }
        else if (keyword === 'COPY' || keyword === 'ADD') {
            const { ins, pos: own } = substituted(raw, pos, scope, escape);
            const j = ins;
            const fromRef = flag(j, 'from');
            if (fromRef !== undefined) {
                const dep = stageOf(fromRef, stage.index);
                if (dep !== undefined)
                    stage.deps.add(dep);
                else if (unknownIn(fromRef))
                    stage.whole ??= { ...at('.'), reason: `--from=${unknownIn(fromRef)}` };
                continue;
            }
            for (const w of words(j, own).slice(0, -1)) {
                if (w.startsWith('<<'))
                    continue;
                const why = unknownIn(w);
                if (why)
                    stage.whole ??= { ...at('.'), reason: why };
                else if (keyword === 'ADD' && REMOTE.some((r) => w.startsWith(r)))
                    stage.whole ??= { ...at('.'), reason: `ADD of a remote source (${w}) cannot be followed` };
                else if (cleanSource(w) === '.')
                    stage.whole ??= { ...at('.'), reason: `${keyword} ${w} copies the whole context` };
                else
                    stage.sources.push(at(cleanSource(w)));
            }
        }
        else if (keyword === 'RUN') {
            const { ins } = substituted(raw, pos, scope, escape);
            for (const f of ins.getFlags().filter((x) => x.getName().toLowerCase() === 'mount')) {
                const opt = (k) => f.getOption(k)?.getValue() ?? undefined;
                if ((opt('type') ?? 'bind') !== 'bind')
                    continue;
                const fromRef = opt('from');
                const source = opt('source') ?? opt('src') ?? '.';
                if (fromRef !== undefined) {
                    const dep = stageOf(fromRef, stage.index);
                    if (dep !== undefined)
                        stage.deps.add(dep);
                }
                else if (unknownIn(source))
                    stage.whole ??= { ...at('.'), reason: unknownIn(source) };
                else
                    stage.sources.push(at(cleanSource(source)));
            }
        }
    }
    if (stages.length === 0)
        return { sources: [], stages: [] };
    let target = stages.length - 1;
    if (o.target) {
        target = stages.findIndex((s) => s.name === o.target.toLowerCase());
        if (target < 0) {
            const named = stages.map((s) => s.name).filter(Boolean);
            throw new errors/* ValidationError */.yI('target', `${(0,errors/* shown */.SP)(o.target)} is not a stage of the Dockerfile (${named.length ? `stages: ${named.join(', ')}` : 'it names no stage'})`);
        }
    }
    const reached = new Set();
    const visit = (n) => {
        if (reached.has(n))
            return;
        reached.add(n);
        for (const d of stages[n].deps)
            visit(d);
    };
    visit(target);
    const used = stages.filter((s) => reached.has(s.index));
    const whole = used.map((s) => s.whole).filter((w) => w !== undefined).sort((a, b) => a.line - b.line)[0];
    return {
        sources: used.flatMap((s) => s.sources).sort((a, b) => a.line - b.line),
        ...(whole ? { whole } : {}),
        stages: used.map((s) => s.name ?? `#${s.index}`),
    };
}
function props(ins) {
    return ins.getProperties?.() ?? [];
}

// EXTERNAL MODULE: ./node_modules/.pnpm/@balena+dockerignore@1.0.2/node_modules/@balena/dockerignore/ignore.js
var ignore = __webpack_require__(5274);
var ignore_default = /*#__PURE__*/__webpack_require__.n(ignore);
;// CONCATENATED MODULE: ./packages/conventions/src/dockerignore.ts
// Docker's path matching, from @balena/dockerignore (a port of moby's fileutils): used for
// .dockerignore files and for COPY/ADD sources, which follow the same wildcard rules (Go's
// filepath.Match, `**`, and a directory matching everything under it).

/**
 * The .dockerignore files docker would use for a build, most specific first: BuildKit takes
 * `<Dockerfile>.dockerignore` beside the Dockerfile when it exists, else `<context>/.dockerignore`.
 * Workspace-relative.
 */
function dockerignoreCandidates(context, file) {
    return [`${file}.dockerignore`, context === '.' ? '.dockerignore' : `${context}/.dockerignore`];
}
/** A test of context-relative paths against a .dockerignore's text: true when the path is sent to the build. */
function dockerignoreFilter(text) {
    if (text === undefined || text.trim() === '')
        return () => true;
    const ig = ignore_default()({ ignorecase: false }).add(text);
    return (p) => !ig.ignores(p);
}
/**
 * Whether a COPY/ADD source reads a context-relative file: the source names the file, a
 * directory above it, or matches either as a wildcard. `.` reads everything.
 */
function sourceMatcher(source) {
    if (source === '.')
        return () => true;
    // A leading `!` or `#` means something else to an ignore file: such names are taken literally.
    if (source.startsWith('!') || source.startsWith('#'))
        return (p) => p === source || p.startsWith(`${source}/`);
    const ig = ignore_default()({ ignorecase: false }).add([source]);
    return (p) => ig.ignores(p);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./packages/conventions/src/build-reads.ts
// From what a Dockerfile reads (dockerfile-inputs.ts) and the committed files of its context
// to the files a build reads, the id that covers them, and what hand-listed paths miss.


function relative(context, path) {
    return context === '.' ? path : path.slice(context.length + 1);
}
function under(path, root) {
    return root === '.' || path === root || path.startsWith(`${root}/`);
}
/** For each source, the files it reads (workspace-relative), after .dockerignore. */
function readsBy(inputs, l) {
    const sent = dockerignoreFilter(l.dockerignore);
    const files = l.files.filter((f) => under(f.path, l.context) && sent(relative(l.context, f.path)));
    const out = new Map();
    for (const s of inputs.whole ? [inputs.whole] : inputs.sources) {
        const match = sourceMatcher(s.source);
        out.set(s, files.filter((f) => match(relative(l.context, f.path))));
    }
    return out;
}
/** The context files a build reads: those its sources name (all of them for `whole`), less what .dockerignore leaves out. Sorted, unique. */
function filesRead(inputs, l) {
    const byPath = new Map();
    for (const files of readsBy(inputs, l).values())
        for (const f of files)
            byPath.set(f.path, f);
    return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
/**
 * The content id of a build with `paths: auto`: the sha1 of its sorted `file <path> <id>` lines,
 * `arg K=V` lines and its target. Platforms are left out: one tag holds every platform's image.
 */
function buildReadsId(r) {
    const files = [r.dockerfile, ...r.files.filter((f) => f.path !== r.dockerfile.path)].map((f) => `file ${f.path} ${f.id}\n`).sort();
    const args = [...new Map(r.buildArgs.map((kv) => [kv.key, kv.value])).entries()].map(([k, v]) => `arg ${JSON.stringify(k)}=${JSON.stringify(v)}\n`).sort();
    const lines = ['ensure-image build reads v1\n', ...files, ...args, `target ${JSON.stringify(r.target ?? '')}\n`];
    return (0,external_node_crypto_.createHash)('sha1').update(lines.join('')).digest('hex');
}
/** The sources whose files hand-listed `paths` do not cover: the image is not rebuilt when they change. */
function missedSources(inputs, l, paths) {
    const out = [];
    for (const [source, files] of readsBy(inputs, l)) {
        if (files.some((f) => !paths.some((p) => under(f.path, p)))) {
            out.push({ source, path: l.context === '.' ? source.source : source.source === '.' ? l.context : `${l.context}/${source.source}` });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./packages/conventions/src/dockerfile.ts
// What a build reads, from its Dockerfile and .dockerignore: a subpath of its own
// (`@ensure-image/conventions/dockerfile`) so that only bundles that tag by it carry the parser.




;// CONCATENATED MODULE: ./packages/steps/src/build-reads.ts


async function readBuild(b, commit, workspace, git) {
    if (!git.readFile || !git.listFiles)
        throw new Error('paths: auto needs a git that can read committed files');
    const text = await git.readFile(workspace, commit, b.file);
    if (text === undefined)
        return undefined;
    const inputs = dockerfileInputs(text, { buildArgs: b.buildArgs, ...(b.target ? { target: b.target } : {}) });
    let dockerignore;
    let ignoreText;
    for (const candidate of dockerignoreCandidates(b.context, b.file)) {
        ignoreText = await git.readFile(workspace, commit, candidate);
        if (ignoreText !== undefined) {
            dockerignore = candidate;
            break;
        }
    }
    const files = await git.listFiles(workspace, commit, b.context);
    return { inputs, listing: { context: b.context, files, ...(ignoreText !== undefined ? { dockerignore: ignoreText } : {}) }, dockerignore };
}
const who = (b) => (b.name ? `image ${(0,src/* shown */.SP)(b.name)}` : 'the image');
/**
 * The id of a build with `paths: auto` (the Dockerfile, every committed file it reads, its build
 * args and target) and what it was taken from. A source that cannot be known makes it read the
 * whole context, said once in a notice naming the Dockerfile line.
 */
async function autoReads(b, commit, workspace, deps) {
    const r = await readBuild(b, commit, workspace, deps.git);
    if (!r) {
        throw new Error(`paths: auto reads the committed Dockerfile, and ${(0,src/* shown */.SP)(b.file)} is not in commit ${commit.slice(0, 7)} (commit it, set file/context, or list paths by hand)`);
    }
    const [dockerfileId] = await deps.git.revParse(workspace, [`${commit}:./${b.file}`]);
    const files = filesRead(r.inputs, r.listing);
    const id = buildReadsId({ dockerfile: { path: b.file, id: dockerfileId }, files, buildArgs: b.buildArgs, ...(b.target ? { target: b.target } : {}) });
    const { whole } = r.inputs;
    if (whole) {
        const say = deps.log.notice?.bind(deps.log) ?? deps.log.info.bind(deps.log);
        say(`${b.file} line ${whole.line} (${whole.text}): ${whole.reason}, so ${who(b)} is tagged by its whole context ${(0,src/* shown */.SP)(b.context)} (less .dockerignore).`);
    }
    return {
        id,
        reads: {
            dockerfile: b.file,
            ...(r.dockerignore ? { dockerignore: r.dockerignore } : {}),
            stages: r.inputs.stages,
            sources: r.inputs.sources,
            ...(whole ? { whole: { line: whole.line, text: whole.text, reason: whole.reason } } : {}),
            files: files.map((f) => f.path).filter((p) => p !== b.file),
        },
    };
}
/**
 * Warn when hand-written `paths` miss a source the Dockerfile reads: a change there would not
 * rebuild the image. Advice only: any failure to read is left to debug, the tag is unchanged.
 */
async function checkPaths(b, paths, commit, workspace, deps) {
    try {
        const r = await readBuild(b, commit, workspace, deps.git);
        if (!r)
            return;
        const uncovered = [...(paths.some((p) => p === '.' || p === b.file || b.file.startsWith(`${p}/`)) ? [] : [{ line: 0, text: '', path: b.file }])];
        for (const m of missedSources(r.inputs, r.listing, paths))
            uncovered.push({ line: m.source.line, text: m.source.text, path: m.path });
        for (const u of uncovered) {
            const where = u.line ? `${b.file} line ${u.line} (${u.text}) reads ${(0,src/* shown */.SP)(u.path)}` : `the Dockerfile ${(0,src/* shown */.SP)(u.path)} itself`;
            deps.log.warning(`${who(b)}: ${where}, which its paths (${paths.join(', ')}) do not cover: a change there will not rebuild it. Add the path, or use paths: auto.`);
        }
    }
    catch (e) {
        deps.log.debug(`paths not checked against ${b.file}: ${e.message}`);
    }
}


/***/ })

};
