import { existsSync } from 'node:fs';
import * as path from 'node:path';
import {
  type ImageReference,
  ValidationError,
  expandTags,
  parseBoolean,
  parseChoice,
  parseKeyValues,
  parseList,
  parsePlatforms,
  shown,
  validateStage,
} from '@ensure-image/conventions';
import { type BuildInputs, type CacheMode, ociLabels } from '@ensure-image/steps';
import { getInput, getMultiline } from './inputs.js';

const CACHE_MODES: readonly CacheMode[] = ['auto', 'gha', 'registry', 'local', 'none'];

/** A workspace-relative path input, resolved and checked to exist. */
function workspacePath(input: string, value: string, ws: string): string {
  const abs = path.resolve(ws, value);
  if (!existsSync(abs)) throw new ValidationError(input, `${shown(value)} does not exist (paths are relative to the workspace, ${ws})`);
  return abs;
}

/** Context and Dockerfile, relative to the workspace; `file` defaults to `<context>/Dockerfile`. */
export function readContext(ws: string): { context: string; file: string } {
  const context = workspacePath('context', getInput('context') || '.', ws);
  const file = getInput('file') ? workspacePath('file', getInput('file'), ws) : workspacePath('file', path.join(context, 'Dockerfile'), ws);
  return { context, file };
}

/** The build inputs shared by build-push and the all-in-one action. */
export function readBuildPlan(ref: ImageReference, ws: string, env: NodeJS.ProcessEnv = process.env): BuildInputs['plan'] {
  const source = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}` : undefined;
  const target = validateStage('target', getInput('target'));
  const builder = getInput('builder');
  return {
    ...readContext(ws),
    extraRefs: expandTags('tags', ref, parseList(getInput('tags'))),
    buildArgs: parseKeyValues('build-args', getMultiline('build-args')),
    labels: ociLabels(parseKeyValues('labels', getMultiline('labels')), env.GITHUB_SHA, source),
    platforms: parsePlatforms('platforms', getInput('platforms')),
    provenance: parseBoolean('provenance', getInput('provenance'), false),
    push: parseBoolean('push', getInput('push'), true),
    ...(target ? { target } : {}),
    ...(builder ? { builder } : {}),
  };
}

export function readCacheMode(): CacheMode {
  return parseChoice('cache', getInput('cache'), CACHE_MODES, 'auto');
}
