// The options every manifest command shares, read and validated before git, AWS or docker
// runs. The images file itself is read by the steps' loader, as the plan action reads it.
import * as path from 'node:path';
import { type ManifestImage, parseChoice, parseInteger, parseList } from '@ensure-image/core';
import { type PlanInputs, loadManifest as loadImagesFile } from '@ensure-image/steps';

export interface ManifestOptions {
  manifest: string;
  source: 'commit' | 'tree';
  length: number;
  /** The workspace: manifest paths and the images' contexts are relative to it. */
  workspace: string;
  /** Bake targets/groups or compose services (`--targets`). */
  targets?: string[];
}

/** Options shared by plan, cdk-args, ensure and tag (parseArgs form). */
export const MANIFEST_FLAGS = {
  manifest: { type: 'string', short: 'm', default: 'images.yml' },
  source: { type: 'string', default: 'commit' },
  length: { type: 'string', default: '7' },
  dir: { type: 'string', short: 'C' },
  targets: { type: 'string' },
  verbose: { type: 'boolean', short: 'v', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export function manifestOptions(v: { manifest?: string; source?: string; length?: string; dir?: string; targets?: string }, cwd: string): ManifestOptions {
  return {
    ...(v.targets ? { targets: parseList(v.targets) } : {}),
    manifest: v.manifest ?? 'images.yml',
    source: parseChoice('source', v.source ?? '', ['commit', 'tree'] as const, 'commit'),
    length: parseInteger('length', v.length ?? '', 7, 1, 64),
    workspace: path.resolve(cwd, v.dir ?? '.'),
  };
}

/** The manifest, with `${VAR}` values from the environment, as the plan action reads it. */
export function loadManifest(o: ManifestOptions, env: NodeJS.ProcessEnv): Promise<ManifestImage[]> {
  return loadImagesFile({ file: o.manifest, workspace: o.workspace, env, length: o.length, ...(o.targets ? { targets: o.targets } : {}) });
}

export function planInputs(images: readonly ManifestImage[], o: ManifestOptions): PlanInputs {
  return { images, source: o.source, length: o.length, workspace: o.workspace, manifest: o.manifest };
}
