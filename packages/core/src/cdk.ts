import { ValidationError, shown } from './errors.js';
import { type KeyValue, parseKeyValues } from './inputs.js';
import { validateTag } from './reference.js';

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
  /** The inputs errors name (they differ between actions); default images, flag, extra. */
  inputs?: Partial<Record<'images' | 'flag' | 'extra', string>>;
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
  return words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
}

const IMAGE_NAME_RE = /^[A-Za-z][A-Za-z0-9_.-]*$/;
export const IMAGE_NAME_RULE =
  'an image name starts with a letter and holds letters, digits, - _ . (its CDK key is camelCase(name) + key-suffix: media-lambda -> mediaLambdaImageTag)';

/** An image name that forms a CDK context key a stack would read (`media mtx` would not). */
export function validateImageName(input: string, name: string): string {
  if (!IMAGE_NAME_RE.test(name)) throw new ValidationError(input, `${shown(name)} cannot form a CDK context key: ${IMAGE_NAME_RULE}`);
  return name;
}

/**
 * `name=tag` per line (the cdk-context `images` input); an empty tag means "no pre-built
 * image". Pairs joined by commas on one line get the hint that they go one per line.
 */
export function parseCdkImages(input: string, value: string): CdkImage[] {
  return parseKeyValues(input, value).map(({ key, value: tag }) => {
    validateImageName(input, key);
    if (tag.includes(',')) {
      throw new ValidationError(
        input,
        `${shown(`${key}=${tag}`)} is not one name=tag: a tag holds no commas, and pairs go one per line (a YAML block, \`images: |\`)`,
      );
    }
    return { name: key, tag: tag === '' ? '' : validateTag(input, tag) };
  });
}

export function contextKey(name: string, suffix: string, input = 'images'): string {
  const key = camelCase(name) + suffix;
  if (key === '') throw new ValidationError(input, `${shown(name)} gives an empty context key`);
  return key;
}

/** A context key (or part of one: `flag`, `key-suffix`): no `=`, no spaces, not `aws:`. Empty passes (it means "none"). */
export function validateContextKey(input: string, key: string): string {
  if (key !== '') checkKey(input, key);
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
  const name = { images: 'images', flag: 'flag', extra: 'extra', ...o.inputs };
  if (o.flag !== '') put(name.flag, o.flag, String(o.usePrebuilt));
  if (o.usePrebuilt) for (const img of o.images) put(name.images, contextKey(img.name, o.keySuffix, name.images), img.tag);
  for (const kv of o.extra) put(name.extra, kv.key, kv.value);
  const argv = Object.entries(json).flatMap(([k, v]) => ['--context', `${k}=${v}`]);
  return { argv, shell: argv.map(shellQuote).join(' '), json };
}

/**
 * `use-prebuilt` decided, with why `auto` said false (for a warning), and `true` with an
 * untagged image refused (`input` names the images input).
 */
export function decidePrebuilt(mode: 'true' | 'false' | 'auto', images: readonly CdkImage[], input = 'images'): { value: boolean; reason?: string } {
  const untagged = images.filter((i) => i.tag === '').map((i) => i.name);
  if (mode === 'true' && untagged.length > 0) {
    throw new ValidationError(input, `use-prebuilt is true but ${untagged.map((n) => shown(n)).join(', ')} has no tag (give name=tag)`);
  }
  if (mode !== 'auto') return { value: mode === 'true' };
  if (images.length === 0) return { value: false };
  if (untagged.length > 0)
    return { value: false, reason: `use-prebuilt auto: ${untagged.map((n) => shown(n)).join(', ')} has no tag, so CDK builds the images itself` };
  return { value: true };
}
