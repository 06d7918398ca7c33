import { ValidationError, shown } from './errors.js';
import type { KeyValue } from './inputs.js';

export interface CdkImage {
  name: string;
  tag: string;
}

export interface CdkContextOptions {
  /** Context key of the switch (`usePreBuiltImages`); empty leaves it out. */
  flag: string;
  usePrebuilt: boolean;
  images: readonly CdkImage[];
  keySuffix: string;
  extra: readonly KeyValue[];
}

export interface CdkContext {
  /** argv for the CDK CLI: `--context key=value` pairs. */
  argv: string[];
  /** The same, POSIX-shell-quoted, ready to paste after `cdk deploy` or `npm run x --`. */
  shell: string;
  json: Record<string, string>;
}

/** camelCase of a name: `media-lambda` -> `mediaLambda`, `cloud_tak` -> `cloudTak`. */
export function camelCase(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  return words
    .map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
}

export function contextKey(name: string, suffix: string): string {
  const key = camelCase(name) + suffix;
  if (key === '') throw new ValidationError('images', `${shown(name)} gives an empty context key`);
  return key;
}

function checkKey(input: string, key: string): void {
  if (key.toLowerCase().startsWith('aws:')) {
    throw new ValidationError(input, `context key ${shown(key)} starts with "aws:", which the CDK CLI reserves and rejects`);
  }
  if (key.includes('=') || /\s/.test(key) || key === '') {
    throw new ValidationError(input, `context key ${shown(key)} must be non-empty with no "=" or spaces`);
  }
}

/** Quote one word for a POSIX shell so that it reaches argv unchanged. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * CDK `--context` arguments. The CDK CLI takes each value as a raw string split at the
 * first `=`. Image tags are passed only when pre-built images are used; with the flag
 * false CDK builds the images itself.
 */
export function cdkContext(o: CdkContextOptions): CdkContext {
  const json: Record<string, string> = {};
  const put = (input: string, key: string, value: string): void => {
    checkKey(input, key);
    if (key in json) throw new ValidationError(input, `context key ${shown(key)} is given twice`);
    json[key] = value;
  };
  if (o.flag !== '') put('flag', o.flag, String(o.usePrebuilt));
  if (o.usePrebuilt) for (const img of o.images) put('images', contextKey(img.name, o.keySuffix), img.tag);
  for (const kv of o.extra) put('extra', kv.key, kv.value);
  const argv = Object.entries(json).flatMap(([k, v]) => ['--context', `${k}=${v}`]);
  return { argv, shell: argv.map(shellQuote).join(' '), json };
}

/** `use-prebuilt`: `auto` means true exactly when every image has a tag. */
export function usePrebuilt(mode: 'true' | 'false' | 'auto', images: readonly CdkImage[]): boolean {
  if (mode === 'auto') return images.length > 0 && images.every((i) => i.tag !== '');
  return mode === 'true';
}
