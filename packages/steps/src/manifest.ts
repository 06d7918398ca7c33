// The images file, read once for every entry point (the plan action, the CLI): read, parse,
// validate as a whole, and check that each image's context and Dockerfile exist, all before
// git, STS or any registry is asked.
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { type ManifestImage, ManifestError, dockerfilePath, manifestKind, parseManifest, shown } from '@ensure-image/core';
import { readYamlFile } from './yaml-file.js';
import { type SourceOptions, findManifest, loadSourced } from './sources.js';

export interface LoadManifestOptions {
  /** The file as the user wrote it (workspace-relative), for reading and for messages. */
  file: string;
  workspace: string;
  /** `${VAR}` values, and the region for ECR entries without one. */
  env: NodeJS.ProcessEnv;
  /** Hex characters of each tag's id (a prefix must leave room for them). */
  length: number;
  /** Bake targets or groups, or compose services, to take from a bake or compose file. */
  targets?: readonly string[];
  /** `docker buildx bake --print` (injected in tests). */
  bake?: SourceOptions['bake'];
}

export async function loadManifest(o: LoadManifestOptions): Promise<ManifestImage[]> {
  // A bake or compose file (or `auto`): its own reader, then the same checks.
  const file = o.file === 'auto' ? findManifest(o.workspace) : o.file;
  if (manifestKind(file) !== 'images') {
    const images = await loadSourced({ ...o, file });
    images.forEach((image, n) => checkBuildFiles(image, n, { ...o, file }));
    return images;
  }
  if (file !== o.file) return loadManifest({ ...o, file });
  const doc = await readYamlFile(o.file, o.workspace);
  const images = parseManifest(doc, { file: o.file, env: o.env, length: o.length });
  images.forEach((image, n) => checkBuildFiles(image, n, o));
  return images;
}

/** The context is a directory and the Dockerfile a file of the workspace, or a manifest error naming the field. */
function checkBuildFiles(image: ManifestImage, n: number, o: LoadManifestOptions): void {
  const isDir = (p: string): boolean => existsSync(p) && statSync(p).isDirectory();
  if (!isDir(path.resolve(o.workspace, image.context))) {
    throw new ManifestError(o.file, `images[${n}].context`, `${shown(image.context)} is not a directory of the workspace (${o.workspace})`);
  }
  const file = dockerfilePath(image.context, image.file);
  if (!existsSync(path.resolve(o.workspace, file))) {
    const what = image.file ? shown(file) : `${shown(file)} (the default: <context>/Dockerfile; set file to name another)`;
    throw new ManifestError(o.file, `images[${n}].file`, `${what} does not exist in the workspace (${o.workspace})`);
  }
}
