// The all-in-one action's inputs, read and validated once, before anything runs.
import * as path from 'node:path';
import { type ImageInputs, ValidationError, defaultImagePaths, parseBoolean } from '@ensure-image/conventions';
import { getInput, readCacheMode, readContext, readCredentials, readImageInputs, readTagInputs, workspace } from '@ensure-image/kit';
import type { CacheMode, ResolveTagInputs } from '@ensure-image/steps';

export interface EnsureInputs {
  workspace: string;
  name: string;
  image: ImageInputs;
  tag: ResolveTagInputs;
  credentials: { username: string; password: string } | undefined;
  login: boolean;
  force: boolean;
  cache: CacheMode;
  flag: string;
  keySuffix: string;
}

/** For `tag-source: tree`: the context, plus the Dockerfile when it lies outside it. */
function defaultPaths(ws: string, context: string, file: string): string[] {
  const rel = (p: string): string => path.relative(ws, p) || '.';
  return defaultImagePaths(rel(context), rel(file));
}

export function readInputs(env: NodeJS.ProcessEnv = process.env): EnsureInputs {
  const ws = workspace(env);
  const repository = getInput('repository');
  if (!repository) throw new ValidationError('repository', 'required: the repository name (like cloudtak or team/app)');
  const name = getInput('name') || (repository.split('/').pop() as string);
  const { context, file } = readContext(ws);
  return {
    workspace: ws,
    name,
    image: readImageInputs(),
    tag: readTagInputs(ws, { sourceInput: 'tag-source', defaultPrefix: name, defaultPaths: defaultPaths(ws, context, file) }, env),
    credentials: readCredentials(),
    login: parseBoolean('login', getInput('login'), true),
    force: parseBoolean('force-build', getInput('force-build'), false),
    cache: readCacheMode(),
    flag: getInput('flag'),
    keySuffix: getInput('key-suffix'),
  };
}
