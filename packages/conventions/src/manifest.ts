import { ValidationError, shown } from './errors.js';
import { type KeyValue, parsePlatforms, validateStage } from './inputs.js';
import { validateTag } from './reference.js';
import { normalisePath, validatePrefix } from './tags.js';

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
}

const NAME_RE = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const KNOWN = new Set(['name', 'repository', 'registry', 'account', 'region', 'prefix', 'context', 'file', 'build-args', 'target', 'platforms', 'paths', 'aliases']);

type Raw = Record<string, unknown>;

function str(where: string, o: Raw, key: string, required = false): string | undefined {
  const v = o[key];
  if (v === undefined || v === null || v === '') {
    if (required) throw new ValidationError('manifest', `${where}.${key} is required`);
    return undefined;
  }
  if (typeof v !== 'string' && typeof v !== 'number') throw new ValidationError('manifest', `${where}.${key} must be a string`);
  return String(v);
}

function list(where: string, o: Raw, key: string): string[] {
  const v = o[key];
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return v.split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.map((s) => s.trim()).filter(Boolean);
  throw new ValidationError('manifest', `${where}.${key} must be a list of strings`);
}

function buildArgs(where: string, o: Raw): KeyValue[] {
  const v = o['build-args'];
  if (v === undefined || v === null) return [];
  if (typeof v !== 'object' || Array.isArray(v)) throw new ValidationError('manifest', `${where}.build-args must be a map of KEY: value`);
  return Object.entries(v as Raw).map(([key, value]) => {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new ValidationError('manifest', `${where}.build-args.${key} must be a string`);
    }
    return { key, value: String(value) };
  });
}

/**
 * Validate a parsed manifest: `{ images: [{ name, repository, ... }] }`. Names are unique
 * (they are CDK keys and matrix entries); paths are workspace-relative.
 */
export function parseManifest(doc: unknown): ManifestImage[] {
  const images = (doc as Raw | null)?.images;
  if (!Array.isArray(images) || images.length === 0) {
    throw new ValidationError('manifest', 'expected a top-level "images:" list with at least one image ({name, repository, ...})');
  }
  const seen = new Set<string>();
  return images.map((raw, n) => {
    const where = `images[${n}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ValidationError('manifest', `${where} must be a map`);
    const o = raw as Raw;
    const unknown = Object.keys(o).filter((k) => !KNOWN.has(k));
    if (unknown.length) throw new ValidationError('manifest', `${where} has unknown keys ${unknown.map(shown).join(', ')} (known: ${[...KNOWN].join(', ')})`);
    const name = str(where, o, 'name', true) as string;
    if (!NAME_RE.test(name)) throw new ValidationError('manifest', `${where}.name ${shown(name)} must start with a letter and hold letters, digits, . _ -`);
    if (seen.has(name)) throw new ValidationError('manifest', `${where}.name ${shown(name)} is used twice`);
    seen.add(name);
    const context = normalisePath('manifest', str(where, o, 'context') ?? '.');
    const file = str(where, o, 'file');
    const target = validateStage('manifest', str(where, o, 'target') ?? '');
    const registry = str(where, o, 'registry');
    const account = str(where, o, 'account');
    const region = str(where, o, 'region');
    return {
      name,
      repository: str(where, o, 'repository', true) as string,
      ...(registry ? { registry } : {}),
      ...(account ? { account } : {}),
      ...(region ? { region } : {}),
      prefix: validatePrefix('manifest', str(where, o, 'prefix') ?? name),
      context,
      file: file ? normalisePath('manifest', file) : '',
      buildArgs: buildArgs(where, o),
      ...(target ? { target } : {}),
      platforms: parsePlatforms('manifest', list(where, o, 'platforms').join(',')),
      paths: list(where, o, 'paths').map((p) => normalisePath('manifest', p)),
      aliases: list(where, o, 'aliases').map((a) => validateTag('manifest', a)),
    };
  });
}

/** The paths that make an image when none are listed: its context, and its Dockerfile when outside it. */
export function defaultImagePaths(context: string, file: string): string[] {
  if (file === '' || context === '.' || file.startsWith(`${context}/`)) return [context];
  return [context, file];
}
