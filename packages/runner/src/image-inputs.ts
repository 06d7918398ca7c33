import type { Log } from '@ensure-image/adapters/log';
import { type ImageInputs, ValidationError, validateImageInputs } from '@ensure-image/core';
import { type InputSpec, input } from './declare.js';

/** The image-naming inputs (image, or repository + registry parts) as the core takes them; empty ones left out. */
const IMAGE_KEYS = ['image', 'repository', 'tag', 'registry', 'account', 'region'] as const;

/** The declarations of those inputs (image-exists, build-push, merge, scan-gate): all optional text, checked together by validateImageInputs. */
export const IMAGE_INPUTS = Object.fromEntries(IMAGE_KEYS.map((k) => [k, input.text('')])) as Record<(typeof IMAGE_KEYS)[number], InputSpec<string>>;

/** The image inputs given (empty ones left out), checked together (image or repository; registry, account and region agree). */
export function imageInputs(v: Partial<Record<(typeof IMAGE_KEYS)[number], string>>, env: NodeJS.ProcessEnv): ImageInputs {
  const image = Object.fromEntries(IMAGE_KEYS.map((k) => [k, v[k]]).filter(([, value]) => value !== undefined && value !== '')) as ImageInputs;
  validateImageInputs(image, env);
  return image;
}

/** `username` and `password`: a registry login that is not ECR's. */
export const CREDENTIAL_INPUTS = { username: input.text(''), password: input.text('') };

/** `username` + `password` for non-ECR registries; the password is masked at once. */
export function credentials(v: { username: string; password: string }, log: Log): { username: string; password: string } | undefined {
  if (v.password) log.secret(v.password);
  if (!v.username && !v.password) return undefined;
  if (!v.username || !v.password) throw new ValidationError(v.username ? 'password' : 'username', 'username and password go together: give both or neither');
  return { username: v.username, password: v.password };
}
