import { type ImageInputs, ValidationError } from '@ensure-image/conventions';
import { getInput } from './inputs.js';
import { log } from './log.js';

/** The inputs every image-naming action shares: image, or repository + registry parts. */
export function readImageInputs(): ImageInputs {
  const entries = Object.entries({
    image: getInput('image'),
    repository: getInput('repository'),
    tag: getInput('tag'),
    registry: getInput('registry'),
    account: getInput('account'),
    region: getInput('region'),
  }).filter(([, v]) => v !== '');
  return Object.fromEntries(entries) as ImageInputs;
}

/** `username` + `password` for non-ECR registries; the password is masked at once. */
export function readCredentials(): { username: string; password: string } | undefined {
  const username = getInput('username');
  const password = getInput('password');
  if (password) log.secret(password);
  if (!username && !password) return undefined;
  if (!username || !password) throw new ValidationError(username ? 'password' : 'username', 'username and password go together: give both or neither');
  return { username, password };
}
