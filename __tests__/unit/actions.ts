// The seven actions, their action.yml inputs and their input modules, for the unit tests.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Declarations } from '@ensure-image/runner';

export const ROOT = new URL('../..', import.meta.url).pathname;

export interface InputModule {
  INPUTS: Declarations;
  readInputs: (env: NodeJS.ProcessEnv) => unknown;
}

export const ACTIONS: [string, () => Promise<InputModule>][] = [
  ['.', () => import('../../src/inputs.js')],
  ['actions/build-push', () => import('../../actions/build-push/src/inputs.js')],
  ['actions/cdk-context', () => import('../../actions/cdk-context/src/inputs.js')],
  ['actions/ecr-login', () => import('../../actions/ecr-login/src/inputs.js')],
  ['actions/image-exists', () => import('../../actions/image-exists/src/inputs.js')],
  ['actions/merge', () => import('../../actions/merge/src/inputs.js')],
  ['actions/plan', () => import('../../actions/plan/src/inputs.js')],
  ['actions/resolve-tag', () => import('../../actions/resolve-tag/src/inputs.js')],
  ['actions/scan-gate', () => import('../../actions/scan-gate/src/inputs.js')],
];

import { inputEnv, ymlInputs } from '../action-yml.js';

export { type YmlInput, defaultText, inputEnv, runnerDefaults, ymlInputs } from '../action-yml.js';

/** Every input name of every action. */
export const ALL_INPUTS = new Set(ACTIONS.flatMap(([dir]) => Object.keys(ymlInputs(dir))));

/** A workspace with a Dockerfile and an images file. */
export function workspaceDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'ws-unit-'));
  const all = { Dockerfile: 'FROM scratch\n', 'images.yml': 'images:\n  - {name: api, repository: app, account: "123456789012"}\n', ...files };
  for (const [p, content] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), content);
  }
  return dir;
}

/** The inputs an action cannot run without (its required ones), and the env a run needs. */
export function baseEnv(dir: string, ws: string): Record<string, string> {
  const required: Record<string, Record<string, string>> = {
    '.': { repository: 'app' },
    'actions/plan': { manifest: 'images.yml' },
    'actions/image-exists': { repository: 'app', tag: 'app-1' },
    'actions/build-push': { repository: 'app', tag: 'app-1' },
    'actions/scan-gate': { repository: 'app', tag: 'app-1' },
    'actions/merge': { repository: 'app', tag: 'app-1', platforms: 'linux/amd64,linux/arm64' },
  };
  return { GITHUB_WORKSPACE: ws, AWS_REGION: 'us-east-1', ...inputEnv(required[dir] ?? {}) };
}
