import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { type ManifestImage, ManifestError, ValidationError, parseManifest, shown } from '@ensure-image/conventions';
import { parse as parseYaml } from 'yaml';

/** Read, parse and validate the images file (workspace-relative) as a whole: no network involved. */
export async function loadManifestFile(rel: string, ws: string, env: NodeJS.ProcessEnv, length: number): Promise<ManifestImage[]> {
  let text: string;
  try {
    text = await readFile(path.resolve(ws, rel), 'utf8');
  } catch {
    throw new ValidationError('manifest', `${shown(rel)} cannot be read (paths are relative to the workspace, ${ws})`);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw new ManifestError(rel, '', `not valid YAML/JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  return parseManifest(doc, { file: rel, env, length });
}
