// Where images come from besides images.yml: the targets of a bake file (as `docker buildx bake
// --print` resolves them: never parsed here) and the services of a compose file. Each becomes a
// raw manifest entry that parseManifest then checks like any other.
import * as path from 'node:path';
import { ManifestError, ValidationError, shown } from './errors.js';
import { type ManifestImage, type ManifestOptions, expandVars, parseManifest } from './manifest.js';
import { parseReference } from './reference.js';
import { KEEP_TAG, takeKeepTag } from './keep-tag.js';

/** The files docker looks for, in its order (compose, then bake); `images.yml` comes before them all. */
export const COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
export const BAKE_FILES = ['docker-bake.json', 'docker-bake.hcl'];
export const AUTO_MANIFESTS = ['images.yml', 'images.yaml', ...COMPOSE_FILES, ...BAKE_FILES];

export type ManifestKind = 'images' | 'compose' | 'bake';

/** What a manifest file is, by its name: `docker-bake.*` / `*.hcl` is bake, `compose*` / `docker-compose*` is compose, else images.yml. */
export function manifestKind(file: string): ManifestKind {
  const base = path.posix.basename(file.replace(/\\/g, '/')).toLowerCase();
  if (base.endsWith('.hcl') || base.startsWith('docker-bake')) return 'bake';
  if (base.startsWith('compose.') || base.startsWith('docker-compose')) return 'compose';
  return 'images';
}

/** The override files docker reads beside a bake or compose file (`docker-bake.override.hcl`, `compose.override.yaml`). */
export function overrideOf(file: string): string {
  const ext = path.posix.extname(file);
  return `${file.slice(0, file.length - ext.length)}.override${ext}`;
}

/** ensure-image's own settings on a bake target, as labels (bake has no extensions): `ensure-image.prefix`, ... */
export const BAKE_LABEL = 'ensure-image.';
/** What bake and compose cannot say, and ensure-image reads from `x-ensure-image` or the labels. */
const EXTRA = ['name', 'prefix', 'aliases', 'paths', 'account', 'region', 'registry', 'repository', KEEP_TAG];

type Raw = Record<string, unknown>;
const isMap = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A literal `${` from an already-resolved value must stay literal through parseManifest's `${VAR}`. */
const literal = (v: string): string => v.split('${').join('$${');

/** The image's registry and repository from its first tag (the tag itself is ensure-image's to set). */
function fromTag(file: string, where: string, tag: unknown): Raw {
  if (typeof tag !== 'string' || tag === '') return {};
  let ref;
  try {
    ref = parseReference('tags', tag);
  } catch (e) {
    throw new ManifestError(file, where, e instanceof ValidationError ? e.detail : String(e));
  }
  return { repository: ref.repository, ...(ref.registry && ref.registry !== 'docker.io' ? { registry: ref.registry } : {}) };
}

function extras(file: string, where: string, v: unknown): Raw {
  if (v === undefined) return {};
  if (!isMap(v)) throw new ManifestError(file, where, 'must be a map of ensure-image settings ({prefix, aliases, paths, name, ...})');
  const unknown = Object.keys(v).filter((k) => !EXTRA.includes(k));
  if (unknown.length) throw new ManifestError(file, where, `has unknown keys ${unknown.map(shown).join(', ')} (known: ${EXTRA.join(', ')})`);
  return { ...v };
}

/** A workspace-relative build file of a context: docker reads `dockerfile` relative to the context. */
function fileOf(context: string, dockerfile: unknown): string | undefined {
  if (typeof dockerfile !== 'string' || dockerfile === '' || dockerfile === 'Dockerfile') return undefined;
  return path.posix.normalize(path.posix.join(context, dockerfile));
}

export interface SourcedManifest {
  /** A manifest document for parseManifest: `{ images: [...] }`. */
  doc: { images: Raw[] };
  /** Where each entry came from, for messages (`target "api"`, `services.api`). */
  origins: string[];
  /** Per entry: the tag it keeps as written (`keep-tag`), instead of `<prefix>-<id>`. */
  fixed?: (string | undefined)[];
}

/**
 * The images of `docker buildx bake --print`'s JSON: each target (of the selected ones, or the
 * default group) with its context, dockerfile, args, target and platforms; registry and
 * repository from its first tag. `ensure-image.<key>` labels give what bake cannot say.
 */
export function bakeManifest(json: unknown, file: string, workspaceOf: (p: string) => string = (p) => p): SourcedManifest {
  const targets = isMap(json) && isMap(json.target) ? json.target : undefined;
  if (!targets || Object.keys(targets).length === 0) throw new ManifestError(file, '', 'docker buildx bake --print found no targets');
  const images: Raw[] = [];
  const origins: string[] = [];
  const fixed: (string | undefined)[] = [];
  for (const name of bakeOrder(json as Raw, Object.keys(targets))) {
    const t = targets[name];
    if (!isMap(t)) continue;
    const where = `target ${shown(name)}`;
    const labels = isMap(t.labels) ? t.labels : {};
    const own: Raw = {};
    for (const [k, v] of Object.entries(labels)) {
      if (!k.startsWith(BAKE_LABEL) || typeof v !== 'string') continue;
      const key = k.slice(BAKE_LABEL.length);
      own[key] = ['aliases', 'paths'].includes(key)
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : v;
    }
    const context = workspaceOf(typeof t.context === 'string' ? t.context : '.');
    const first: unknown = Array.isArray(t.tags) ? t.tags[0] : undefined;
    const mine = extras(file, `${where}.labels`, own);
    fixed.push(takeKeepTag(file, `${where}.labels`, mine, first, `${where}.tags`));
    images.push(
      named(
        file,
        where,
        entry(name, context, t, mine, fromTag(file, `${where}.tags`, first)),
        'a tag (tags = ["<registry>/<repository>:x"]) or an ensure-image.repository label',
      ),
    );
    origins.push(where);
  }
  return { doc: { images }, origins, fixed };
}

/**
 * The images of a compose file: each service with a `build` (a context, or a map with context,
 * dockerfile, args, target, platforms); registry and repository from its `image`, or from
 * `build.tags`. `x-ensure-image` on the service gives what compose cannot say.
 */
export function composeManifest(doc: unknown, file: string, env: Record<string, string | undefined> = {}): SourcedManifest {
  const services = isMap(doc) && isMap(doc.services) ? doc.services : undefined;
  if (!services) throw new ManifestError(file, '', 'expected a top-level "services:" map (a compose file)');
  const dir = path.posix.dirname(file.replace(/\\/g, '/'));
  const images: Raw[] = [];
  const origins: string[] = [];
  const fixed: (string | undefined)[] = [];
  for (const [name, raw] of Object.entries(services)) {
    if (!isMap(raw) || raw.build === undefined) continue;
    const where = `services.${name}`;
    // Compose interpolates `${VAR}` in the whole file: do it first, as compose would.
    const s = interpolate(raw, env, (d) => {
      throw new ManifestError(file, where, d);
    }) as Raw;
    const build: Raw = typeof s.build === 'string' ? { context: s.build } : isMap(s.build) ? s.build : {};
    const context = path.posix.normalize(path.posix.join(dir, typeof build.context === 'string' ? build.context : '.'));
    const args: Raw | undefined = isMap(build.args)
      ? build.args
      : Array.isArray(build.args)
        ? Object.fromEntries((build.args as string[]).map((a): [string, string] => [a.split('=')[0] ?? '', a.split('=').slice(1).join('=')]))
        : undefined;
    const tag = typeof s.image === 'string' ? s.image : Array.isArray(build.tags) ? (build.tags as unknown[])[0] : undefined;
    const t: Raw = { ...build, ...(args ? { args } : {}) };
    const tagField = typeof s.image === 'string' ? `${where}.image` : `${where}.build.tags`;
    const mine = extras(file, `${where}.x-ensure-image`, s['x-ensure-image']);
    fixed.push(takeKeepTag(file, `${where}.x-ensure-image`, mine, tag, tagField));
    const e = entry(name, context, t, mine, fromTag(file, tagField, tag));
    images.push(named(file, where, e, 'an image: (<registry>/<repository>) or x-ensure-image.repository'));
    origins.push(where);
  }
  if (images.length === 0) throw new ManifestError(file, 'services', 'no service has a build: section, so there is no image to ensure');
  return { doc: { images }, origins, fixed };
}

/** Targets in the default group's order (groups expanded), as the file lists them; --print sorts its map. */
function bakeOrder(json: Raw, names: string[]): string[] {
  const groups = isMap(json.group) ? json.group : {};
  const out: string[] = [];
  const visit = (n: string, seen: Set<string>): void => {
    const g = groups[n];
    if (isMap(g) && Array.isArray(g.targets) && !seen.has(n)) {
      for (const t of g.targets) if (typeof t === 'string') visit(t, new Set([...seen, n]));
    } else if (names.includes(n) && !out.includes(n)) out.push(n);
  };
  visit('default', new Set());
  return [...out, ...names.filter((n) => !out.includes(n)).sort()];
}

function named(file: string, where: string, e: Raw, how: string): Raw {
  if (e.repository === undefined) throw new ManifestError(file, where, `names no repository to push to: give it ${how}`);
  return e;
}

/** Check the images of a bake or compose file as parseManifest checks images.yml, errors naming the target or service. */
export function sourcedImages(m: SourcedManifest, o: ManifestOptions & { file: string }): ManifestImage[] {
  const file = o.file;
  try {
    return parseManifest(m.doc, o).map((img, n) => (m.fixed?.[n] ? { ...img, fixedTag: m.fixed[n] } : img));
  } catch (e) {
    if (!(e instanceof ManifestError)) throw e;
    const at = /^images\[(\d+)\]/.exec(e.field);
    const origin = at ? m.origins[Number(at[1])] : undefined;
    throw origin ? new ManifestError(file, `${origin}${e.field.slice((at as RegExpExecArray)[0].length)}`, e.detail) : e;
  }
}

function interpolate(v: unknown, env: Record<string, string | undefined>, fail: (d: string) => never): unknown {
  if (typeof v === 'string') return expandVars(v, env, fail);
  if (Array.isArray(v)) return v.map((x) => interpolate(x, env, fail));
  if (isMap(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, interpolate(x, env, fail)]));
  return v;
}

/** Values already resolved: every string keeps a literal `${` through parseManifest. */
function literals(v: unknown): unknown {
  if (typeof v === 'string') return literal(v);
  if (Array.isArray(v)) return v.map(literals);
  if (isMap(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, literals(x)]));
  return v;
}

function entry(name: string, context: string, t: Raw, own: Raw, repo: Raw): Raw {
  const text = literal;
  const args = isMap(t.args)
    ? Object.fromEntries(
        Object.entries(t.args)
          .filter(([, v]) => v !== null && v !== undefined)
          .map(([k, v]) => [k, text(String(v))]),
      )
    : undefined;
  const file = fileOf(context, t.dockerfile);
  return {
    name,
    ...repo,
    context,
    ...(file ? { file } : {}),
    ...(args && Object.keys(args).length ? { 'build-args': args } : {}),
    ...(typeof t.target === 'string' && t.target ? { target: t.target } : {}),
    ...(Array.isArray(t.platforms) && t.platforms.length ? { platforms: t.platforms } : {}),
    ...(literals(own) as Raw),
  };
}
