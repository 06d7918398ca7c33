import { camelCase, validateImageName } from './cdk.js';
import { ManifestError, ValidationError, shown } from './errors.js';
import { type KeyValue, parsePlatforms, validateStage } from './inputs.js';
import { isValidRegistryHost, validateRepository } from './reference.js';
import { isAccountId } from './account.js';
import { classifyRegistry, resolveRegion, validateAccount, validateRegion } from './registry.js';
import { aliasTags, formatTag, normalisePath, validatePrefix } from './tags.js';

/** One image of a multi-image manifest (the `plan` action's `manifest` file). */
export interface ManifestImage {
  name: string;
  repository: string;
  registry?: string;
  account?: string;
  region?: string;
  prefix: string;
  context: string;
  /** Workspace-relative; empty = `<context>/Dockerfile`. */
  file: string;
  buildArgs: KeyValue[];
  target?: string;
  platforms: string[];
  /** For tag source `tree`: what makes the image. Default: context (and file when outside it). */
  paths: string[];
  aliases: string[];
  /** A compose/bake entry's own tag kept as written (`keep-tag`), checked and skipped instead of `<prefix>-<id>`. */
  fixedTag?: string;
}

export interface ManifestOptions {
  /** The file's name as the user wrote it, for messages (default `manifest`). */
  file?: string;
  /**
   * `${VAR}` values, and AWS_REGION / AWS_DEFAULT_REGION for images that need a region
   * (checked only when env is given: without it, the region is left to resolution).
   */
  env?: Record<string, string | undefined>;
  /** Hex characters of the id each tag will get: the prefix must leave room for them. */
  length?: number;
}

const KNOWN = ['name', 'repository', 'registry', 'account', 'region', 'prefix', 'context', 'file', 'build-args', 'target', 'platforms', 'paths', 'aliases'];
const VAR_RE = /\$\$\{|\$\{([^}]*)\}?/g;
const VAR_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

type Raw = Record<string, unknown>;

/**
 * `${VAR}` in a manifest value, taken from `env`; `$${` is a literal `${`. An unset
 * variable, or a `${` that is no variable, is an error naming the variable and the field.
 */
export function expandVars(value: string, env: Record<string, string | undefined>, fail: (detail: string) => never): string {
  return value.replace(VAR_RE, (m, name: string | undefined) => {
    if (m === '$${') return '${';
    if (!m.endsWith('}') || name === undefined || !VAR_NAME_RE.test(name)) {
      fail(`${shown(m)} is not a variable: write \${NAME} (letters, digits, _), or $\${ for a literal \${`);
    }
    const v = env[name];
    if (v === undefined) fail(`\${${name}} is not set in the environment (set it in the job's env, or write $\${ for a literal \${)`);
    return v;
  });
}

class Reader {
  constructor(
    private readonly file: string,
    private readonly env: Record<string, string | undefined>,
  ) {}

  fail(field: string, detail: string): never {
    throw new ManifestError(this.file, field, detail);
  }

  /** Run a core validator, re-pointing its error at the field. */
  at<T>(field: string, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof ValidationError && !(e instanceof ManifestError)) this.fail(field, e.detail);
      throw e;
    }
  }

  expand(field: string, value: string): string {
    return expandVars(value, this.env, (d) => this.fail(field, d));
  }

  str(where: string, o: Raw, key: string, required = false): string | undefined {
    const v = o[key];
    const field = `${where}.${key}`;
    if (v === undefined || v === null || v === '') {
      if (required) this.fail(field, 'required');
      return undefined;
    }
    if (typeof v !== 'string' && typeof v !== 'number') this.fail(field, `must be a string, got ${Array.isArray(v) ? 'a list' : typeof v}`);
    const s = this.expand(field, String(v)).trim();
    if (s === '' && required) this.fail(field, `required (${shown(String(v))} is empty once expanded)`);
    return s === '' ? undefined : s;
  }

  list(where: string, o: Raw, key: string): string[] {
    const v = o[key];
    const field = `${where}.${key}`;
    if (v === undefined || v === null) return [];
    const items =
      typeof v === 'string' ? v.split(/[\n,]/) : Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : this.fail(field, 'must be a list of strings');
    return items.map((s, i) => this.expand(`${field}[${i}]`, s).trim()).filter(Boolean);
  }

  buildArgs(where: string, o: Raw): KeyValue[] {
    const v = o['build-args'];
    const field = `${where}.build-args`;
    if (v === undefined || v === null) return [];
    if (typeof v !== 'object' || Array.isArray(v)) this.fail(field, 'must be a map of KEY: value');
    return Object.entries(v as Raw).map(([key, value]) => {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') this.fail(`${field}.${key}`, 'must be a string');
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
export function parseManifest(doc: unknown, o: ManifestOptions = {}): ManifestImage[] {
  const file = o.file ?? 'manifest';
  const env = o.env ?? {};
  const r: Reader = new Reader(file, env);
  const images = (doc as Raw | null)?.images;
  if (!Array.isArray(images) || images.length === 0) {
    r.fail('', 'expected a top-level "images:" list with at least one image ({name, repository, ...})');
  }
  const names = new Map<string, number>();
  const keys = new Map<string, number>();
  return images.map((raw, n) => {
    const where = `images[${n}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) r.fail(where, 'must be a map ({name, repository, ...})');
    const img = raw as Raw;
    const unknown = Object.keys(img).filter((k) => !KNOWN.includes(k));
    if (unknown.length) r.fail(where, `has unknown keys ${unknown.map(shown).join(', ')} (known: ${KNOWN.join(', ')})`);

    const name = r.str(where, img, 'name', true) as string;
    r.at(`${where}.name`, () => validateImageName('name', name));
    if (names.has(name)) r.fail(`${where}.name`, `${shown(name)} is used twice (also images[${names.get(name)}])`);
    names.set(name, n);
    const key = camelCase(name);
    if (keys.has(key)) r.fail(`${where}.name`, `${shown(name)} gives the same CDK key as images[${keys.get(key)}] (${key}...)`);
    keys.set(key, n);

    const registry = r.str(where, img, 'registry');
    const account = r.str(where, img, 'account');
    const region = r.str(where, img, 'region');
    if (registry !== undefined && !isAccountId(registry) && !isValidRegistryHost(registry)) {
      r.fail(`${where}.registry`, `${shown(registry)} is not a registry host (host[:port]) or a 12-digit account id`);
    }
    if (account !== undefined) r.at(`${where}.account`, () => validateAccount('account', account));
    if (region !== undefined) r.at(`${where}.region`, () => validateRegion('region', region));
    const host = registry === undefined || isAccountId(registry) ? undefined : registry;
    const ecr = host === undefined || classifyRegistry(host).kind !== 'oci';
    // The ECR convention (no host, or an account id) needs a region now, not after STS.
    if (host === undefined && region === undefined && o.env !== undefined) {
      r.at(`${where}.region`, () => {
        if (!env.AWS_REGION && !env.AWS_DEFAULT_REGION)
          throw new ValidationError(
            'region',
            'no AWS region for the ECR convention: set region here, use a registry host that names one, or set AWS_REGION (aws-actions/configure-aws-credentials does)',
          );
        return resolveRegion({ env: env });
      });
    }
    const repository = r.str(where, img, 'repository', true) as string;
    r.at(`${where}.repository`, () => validateRepository('repository', repository, ecr));

    const prefix = r.at(`${where}.prefix`, () => validatePrefix('prefix', r.str(where, img, 'prefix') ?? name));
    if (o.length !== undefined) r.at(`${where}.prefix`, () => formatTag(prefix, '0'.repeat(o.length as number)));
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
      // `paths: auto` (or none): what the Dockerfile reads, for `source: tree`.
      paths: isAutoPaths(img.paths) ? [] : r.list(where, img, 'paths').map((p, i) => r.at(`${where}.paths[${i}]`, () => normalisePath('paths', p))),
      aliases,
    };
  });
}

/** The paths that make an image when none are listed: its context, and its Dockerfile when outside it. */
export function defaultImagePaths(context: string, file: string): string[] {
  if (file === '' || context === '.' || file.startsWith(`${context}/`)) return [context];
  return [context, file];
}

/** `auto` as a paths value (a string or a one-item list): the inputs read from the Dockerfile. */
export function isAutoPaths(v: unknown): boolean {
  const one: unknown = Array.isArray(v) && v.length === 1 ? v[0] : v;
  return typeof one === 'string' && one.trim() === 'auto';
}

/** The Dockerfile an image builds from, workspace-relative: `file`, else `<context>/Dockerfile`. */
export function dockerfilePath(context: string, file: string): string {
  if (file) return file;
  return context === '.' ? 'Dockerfile' : `${context}/Dockerfile`;
}

/**
 * A YAML parser's error as a reader wants it: the reason with line and column, then the
 * offending line (and the one before it) with a caret under the column.
 */
export function yamlErrorDetail(e: unknown, text: string): string {
  const err = e as { message?: string; linePos?: { line: number; col: number }[] };
  const reason = (err.message ?? String(e)).split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'unreadable';
  const at = err.linePos?.[0];
  if (!at) return `not valid YAML: ${reason}`;
  const lines = text.split(/\r?\n/);
  const width = String(at.line).length;
  const show = (n: number): string => `${String(n).padStart(width)} | ${lines[n - 1] ?? ''}`;
  const context = at.line > 1 ? [show(at.line - 1), show(at.line)] : [show(at.line)];
  return [`not valid YAML at line ${at.line}, column ${at.col}: ${reason}`, ...context, `${' '.repeat(width)} | ${' '.repeat(Math.max(0, at.col - 1))}^`].join(
    '\n',
  );
}
