import type { ParseArgsConfig } from 'node:util';
import type { Log } from '@ensure-image/adapters/log';
import type { CliDeps } from './deps.js';

export type Values = Record<string, string | boolean | undefined>;

export interface Context {
  values: Values;
  positionals: string[];
  deps: CliDeps;
  log: Log;
}

export interface Command {
  name: string;
  summary: string;
  /** The whole `--help` text. */
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  positionals?: boolean;
  run(c: Context): Promise<number>;
}
