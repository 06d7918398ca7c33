import { ValidationError, shown } from './errors.js';

/**
 * An image reference, `[registry[:port]/]repository[:tag][@digest]`, following the
 * distribution/reference grammar. Nothing is normalised: `nginx` stays `nginx` (use
 * `distributionTarget` for the Docker Hub host and `library/` prefix).
 */
export interface ImageReference {
  registry?: string;
  repository: string;
  tag?: string;
  digest?: string;
}

const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_RE = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`);
const PATH_RE = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
export const TAG_RE = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const DIGEST_RE = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const NAME_MAX = 255;

export function validateTag(input: string, tag: string): string {
  if (!TAG_RE.test(tag)) {
    throw new ValidationError(input, `${shown(tag)} is not a valid tag (letters, digits, _ . -; at most 128; not starting with . or -)`);
  }
  return tag;
}

export function validateDigest(input: string, digest: string): string {
  const ok =
    DIGEST_RE.test(digest) &&
    (!digest.startsWith('sha256:') || /^sha256:[a-f0-9]{64}$/.test(digest)) &&
    (!digest.startsWith('sha512:') || /^sha512:[a-f0-9]{128}$/.test(digest));
  if (!ok) throw new ValidationError(input, `${shown(digest)} is not a valid digest (expected sha256:<64 lower-case hex>)`);
  return digest;
}

/** Whether a registry host (with optional port) has the distribution grammar's form. */
export function isValidRegistryHost(host: string): boolean {
  return DOMAIN_RE.test(host);
}

/**
 * Repository name as a registry path: lower-case components separated by `/`.
 * With `ecr`, also ECR's 2-256 length rule.
 */
export function validateRepository(input: string, name: string, ecr = false): string {
  const tooLong = name.length > (ecr ? 256 : NAME_MAX);
  if (!PATH_RE.test(name) || tooLong || (ecr && name.length < 2)) {
    const form = ecr ? '2-256 characters, ' : '';
    throw new ValidationError(
      input,
      `${shown(name)} is not a valid repository name (${form}lower-case letters, digits and . _ - separated components joined by /)`,
    );
  }
  return name;
}

/** Whether the first path component of a name is a registry host. */
function looksLikeRegistry(first: string): boolean {
  return first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase();
}

export function parseReference(input: string, value: string): ImageReference {
  const bad = (why: string): never => {
    throw new ValidationError(input, `${shown(value)} is not an image reference [registry[:port]/]repository[:tag][@digest]: ${why}`);
  };
  if (value === '' || value.trim() !== value) bad('it is empty or has surrounding spaces');

  let rest = value;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST_RE.test(digest)) bad(`bad digest ${shown(digest)}`);
    validateDigest(input, digest);
  }

  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG_RE.test(tag)) bad(`bad tag ${shown(tag)}`);
  }

  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash > 0 && looksLikeRegistry(rest.slice(0, slash))) {
    registry = rest.slice(0, slash);
    if (!DOMAIN_RE.test(registry)) bad(`bad registry host ${shown(registry)}`);
  }
  const repository = registry === undefined ? rest : rest.slice(slash + 1);
  if (!PATH_RE.test(repository)) bad('the repository must be lower-case components of letters, digits and . _ - joined by /');
  if (rest.length > NAME_MAX) bad(`the name is longer than ${NAME_MAX} characters`);

  const ref: ImageReference = { repository };
  if (registry !== undefined) ref.registry = registry;
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

export function formatReference(ref: ImageReference): string {
  let s = ref.registry === undefined ? ref.repository : `${ref.registry}/${ref.repository}`;
  if (ref.tag !== undefined) s += `:${ref.tag}`;
  if (ref.digest !== undefined) s += `@${ref.digest}`;
  return s;
}

/** `registry/repository` without tag or digest. */
export function formatName(ref: ImageReference): string {
  return formatReference({ ...(ref.registry === undefined ? {} : { registry: ref.registry }), repository: ref.repository });
}

/** `registry/repository@digest`, the immutable form for deploys that pin by digest. */
export function pinnedReference(ref: ImageReference, digest: string): string {
  return `${formatName(ref)}@${digest}`;
}

/**
 * Where the distribution API for this reference lives: Docker Hub's short names
 * (`nginx`, `docker.io/user/app`) go to `registry-1.docker.io` with `library/` added
 * for official images.
 */
export function distributionTarget(ref: ImageReference): { host: string; name: string } {
  const host = ref.registry ?? 'docker.io';
  if (host === 'docker.io' || host === 'index.docker.io' || host === 'registry-1.docker.io') {
    const name = ref.repository.includes('/') ? ref.repository : `library/${ref.repository}`;
    return { host: 'registry-1.docker.io', name };
  }
  return { host, name: ref.repository };
}

/**
 * Extra tags for an image: bare tags (`api-latest`) name the same repository; full
 * references (with a `/` or `:`) are taken as they are.
 */
export function expandTags(input: string, ref: ImageReference, entries: readonly string[]): string[] {
  return entries.map((e) => (e.includes('/') || e.includes(':') ? formatReference(parseReference(input, e)) : `${formatName(ref)}:${validateTag(input, e)}`));
}
