// Images from the files teams already keep: a bake file (resolved by `docker buildx bake
// --print`), a compose file (read directly), or `manifest: auto` (images.yml first, then
// docker's lookup order). The loader (manifest.ts) calls this for anything but images.yml.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { type BakeRequest, BuildxMissingError, bakePrint } from '@ensure-image/adapters/bake';
import {
  AUTO_MANIFESTS,
  type ManifestImage,
  ManifestError,
  ValidationError,
  bakeManifest,
  composeManifest,
  manifestKind,
  normalisePath,
  overrideOf,
  shown,
  sourcedImages,
} from '@ensure-image/core';
import { readYamlFile } from './yaml-file.js';

export interface SourceOptions {
  file: string;
  workspace: string;
  env: NodeJS.ProcessEnv;
  length: number;
  /** Bake targets or groups, or compose services, to take (all, or bake's default group, when empty). */
  targets?: readonly string[];
  /** `docker buildx bake --print` (injected in tests). */
  bake?: (r: BakeRequest) => Promise<unknown>;
}

/** `manifest: auto`: images.yml, then docker's lookup order (compose files, then bake files). */
export function findManifest(workspace: string): string {
  const found = AUTO_MANIFESTS.find((f) => existsSync(path.join(workspace, f)));
  if (!found) throw new ValidationError('manifest', `auto found none of ${AUTO_MANIFESTS.join(', ')} in the workspace (${workspace}); name the file`);
  return found;
}

/** The images of a bake or compose file, checked as images.yml entries are (errors name the target or service). */
export async function loadSourced(o: SourceOptions): Promise<ManifestImage[]> {
  const kind = manifestKind(o.file);
  const opts = { file: o.file, env: o.env, length: o.length };
  const targets = o.targets ?? [];
  if (kind === 'bake') {
    const files = [o.file, overrideOf(o.file)].filter((f) => existsSync(path.join(o.workspace, f)));
    if (files.length === 0) throw new ValidationError('manifest', `${shown(o.file)} cannot be read (paths are relative to the workspace, ${o.workspace})`);
    let json: unknown;
    try {
      json = await (o.bake ?? bakePrint)({ cwd: o.workspace, files, targets, env: o.env as Record<string, string> });
    } catch (e) {
      if (e instanceof BuildxMissingError) {
        throw new ValidationError(
          'manifest',
          `${shown(o.file)} is a bake file, read with docker buildx bake --print, and buildx is not installed (${e.message}): add docker/setup-buildx-action, or install the docker-buildx plugin; or name an images.yml or compose file`,
        );
      }
      throw new ManifestError(o.file, '', (e as Error).message);
    }
    const inWs = (p: string): string => normalisePath('context', path.isAbsolute(p) ? path.relative(o.workspace, p) : p);
    return sourcedImages(bakeManifest(json, o.file, inWs), opts);
  }
  const doc = await readYamlFile(o.file, o.workspace);
  const m = composeManifest(doc, o.file, o.env);
  if (targets.length) {
    const keep = m.origins.map((w, n) => ({ w, n })).filter(({ w }) => targets.includes(w.slice('services.'.length)));
    const unknown = targets.filter((t) => !m.origins.includes(`services.${t}`));
    if (unknown.length) throw new ValidationError('targets', `${unknown.map(shown).join(', ')} is not a service with a build in ${o.file}`);
    return sourcedImages(
      {
        doc: { images: keep.map(({ n }) => m.doc.images[n] as Record<string, unknown>) },
        origins: keep.map(({ w }) => w),
        fixed: keep.map(({ n }) => m.fixed?.[n]),
      },
      opts,
    );
  }
  return sourcedImages(m, opts);
}
