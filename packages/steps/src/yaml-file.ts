import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { ManifestError, ValidationError, shown, yamlErrorDetail } from '@ensure-image/core';
import { parse as parseYaml } from 'yaml';

/** A workspace-relative YAML (or JSON) file the `manifest` input names, parsed; errors name the input or the file with line and column. */
export async function readYamlFile(file: string, workspace: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path.resolve(workspace, file), 'utf8');
  } catch {
    throw new ValidationError('manifest', `${shown(file)} cannot be read (paths are relative to the workspace, ${workspace})`);
  }
  try {
    return parseYaml(text);
  } catch (e) {
    throw new ManifestError(file, '', yamlErrorDetail(e, text));
  }
}
