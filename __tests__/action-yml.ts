// What an action.yml declares, read as the runner reads it: the inputs with their defaults, and
// the INPUT_* variables the runner sets from them. Shared by the unit and integration projects.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const ROOT = new URL('..', import.meta.url).pathname;

export interface YmlInput {
  description?: string;
  required?: boolean;
  /** YAML scalars: the runner passes them as their text. */
  default?: string | number | boolean;
}

export function ymlInputs(dir: string): Record<string, YmlInput> {
  return (parse(readFileSync(join(ROOT, dir, 'action.yml'), 'utf8')) as { inputs?: Record<string, YmlInput> }).inputs ?? {};
}

/** The runner's text for an input's default ('' when none is declared). */
export const defaultText = (y: YmlInput | undefined): string => (y?.default === undefined ? '' : String(y.default));

/** What the runner passes for inputs a workflow leaves out: action.yml's defaults. */
export function runnerDefaults(dir: string): Record<string, string> {
  return Object.fromEntries(Object.entries(ymlInputs(dir)).map(([k, v]) => [k, defaultText(v)]));
}

/** Inputs as the runner's INPUT_* environment variables. */
export function inputEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]));
}
