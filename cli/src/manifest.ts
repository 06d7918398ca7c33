// The images file and the options every manifest command shares, read and validated before
// git, AWS or docker runs.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { type ManifestImage, ValidationError, parseChoice, parseInteger, parseManifest, shown } from '@ensure-image/conventions';
import { type PlanInputs, type ResolveTagInputs, entryTagInputs as planEntryTagInputs } from '@ensure-image/steps';
import { parse as parseYaml } from 'yaml';

export interface ManifestOptions {
  manifest: string;
  source: 'commit' | 'tree';
  length: number;
  /** The workspace: manifest paths and the images' contexts are relative to it. */
  workspace: string;
}

/** Options shared by plan, cdk-args, ensure and tag (parseArgs form). */
export const MANIFEST_FLAGS = {
  manifest: { type: 'string', short: 'm', default: 'images.yml' },
  source: { type: 'string', default: 'commit' },
  length: { type: 'string', default: '7' },
  dir: { type: 'string', short: 'C' },
  verbose: { type: 'boolean', short: 'v', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export function manifestOptions(v: { manifest?: string; source?: string; length?: string; dir?: string }, cwd: string): ManifestOptions {
  return {
    manifest: v.manifest ?? 'images.yml',
    source: parseChoice('source', v.source ?? '', ['commit', 'tree'] as const, 'commit'),
    length: parseInteger('length', v.length ?? '', 7, 1, 64),
    workspace: path.resolve(cwd, v.dir ?? '.'),
  };
}

export async function loadManifest(o: ManifestOptions, env: NodeJS.ProcessEnv): Promise<ManifestImage[]> {
  const file = path.resolve(o.workspace, o.manifest);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new ValidationError('manifest', `cannot be read (relative to ${o.workspace}; --manifest names another file)`);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw new ValidationError('manifest', `is not valid YAML/JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  // `${VAR}` in manifest values comes from the environment, as in the plan action.
  return parseManifest(doc, { file: o.manifest, env, length: o.length });
}

export function planInputs(images: readonly ManifestImage[], o: ManifestOptions): PlanInputs {
  return { images, source: o.source, length: o.length, workspace: o.workspace };
}

/** The tag inputs of one manifest entry, as plan derives them. */
export function entryTagInputs(spec: ManifestImage, o: ManifestOptions): ResolveTagInputs {
  return planEntryTagInputs(spec, o);
}
