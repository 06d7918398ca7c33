import type { Log } from '@ensure-image/adapters/log';
import { type ImageInputs, ValidationError } from '@ensure-image/core';
import { type InputSpec, input } from './declare.js';

/** The image-naming inputs (image, or repository + registry parts) as the core takes them; empty ones left out. */
const IMAGE_KEYS = ['image', 'repository', 'tag', 'registry', 'account', 'region'] as const;

/** The declarations of those inputs (image-exists, build-push, merge, scan-gate): all optional text, checked together by validateImageInputs. */
export const IMAGE_INPUTS = Object.fromEntries(IMAGE_KEYS.map((k) => [k, input.text('')])) as Record<(typeof IMAGE_KEYS)[number], InputSpec<string>>;

export function imageInputs(v: Partial<Record<(typeof IMAGE_KEYS)[number], string>>): ImageInputs {
  return Object.fromEntries(IMAGE_KEYS.map((k) => [k, v[k]]).filter(([, value]) => value !== undefined && value !== '')) as ImageInputs;
}

/** `username` + `password` for non-ECR registries; the password is masked at once. */
export function credentials(v: { username: string; password: string }, log: Log): { username: string; password: string } | undefined {
  if (v.password) log.secret(v.password);
  if (!v.username && !v.password) return undefined;
  if (!v.username || !v.password) throw new ValidationError(v.username ? 'password' : 'username', 'username and password go together: give both or neither');
  return { username: v.username, password: v.password };
}
