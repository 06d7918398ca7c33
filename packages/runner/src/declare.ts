// Every action declares the inputs it reads once, here in the runner package's terms: name, parser, default
// (the same default as its action.yml, which a unit test holds it to). The runner passes
// action.yml's defaults as INPUT_* variables; local-action, act or a bundle run by hand may
// not, so the declared default stands in for an unset input and every run behaves alike.
import { type KeyValue, ValidationError, parseBoolean, parseChoice, parseInteger, parseKeyValues, parseList } from '@ensure-image/core';
import { rawInput } from './runner.js';

export interface InputSpec<T> {
  /** action.yml's `default` ('' when it has none). */
  readonly default: string;
  readonly required: boolean;
  /** Kept line by line (key=value inputs); others are trimmed. */
  readonly multiline: boolean;
  /** An input set to '' means '' (not the default): `flag: ''` leaves the CDK flag out. */
  readonly keepEmpty: boolean;
  /** For required inputs: what the input is, for the "required" message. */
  readonly hint: string;
  parse(name: string, value: string): T;
}

export type Declarations = Record<string, InputSpec<unknown>>;
export type Values<D extends Declarations> = { readonly [K in keyof D]: D[K] extends InputSpec<infer T> ? T : never };

interface Options {
  required?: boolean;
  multiline?: boolean;
  keepEmpty?: boolean;
  hint?: string;
}

function spec<T>(def: string, parse: (name: string, value: string) => T, o: Options = {}): InputSpec<T> {
  return { default: def, required: o.required ?? false, multiline: o.multiline ?? false, keepEmpty: o.keepEmpty ?? false, hint: o.hint ?? '', parse };
}

/** The parsers a declaration is made of; each takes action.yml's default as a string. */
export const input = {
  /** Free text (trimmed). */
  text: (def = '', o: Options = {}): InputSpec<string> => spec(def, (_n, v) => v, o),
  /** `true`/`false`, any case. */
  bool: (def: 'true' | 'false'): InputSpec<boolean> => spec(def, (n, v) => parseBoolean(n, v)),
  /** One of fixed words, any case. */
  choice: <T extends string>(choices: readonly T[], def: T): InputSpec<T> => spec(def, (n, v) => parseChoice(n, v, choices, def)),
  /** A whole number in [min, max]. */
  int: (min: number, max: number, def: string): InputSpec<number> => spec(def, (n, v) => parseInteger(n, v, Number(def), min, max)),
  /** Names separated by newlines or commas. */
  list: (def = ''): InputSpec<string[]> => spec(def, (_n, v) => parseList(v)),
  /** `key=value`, one per line. */
  pairs: (def = ''): InputSpec<KeyValue[]> => spec(def, (n, v) => parseKeyValues(n, v), { multiline: true }),
  /** Any parser of the core, `(input, value) => T`. */
  parsed: <T>(def: string, parse: (name: string, value: string) => T, o: Options = {}): InputSpec<T> => spec(def, parse, o),
};

/** A declaration, kept as written (the identity, for its type). */
export function declareInputs<D extends Declarations>(d: D): D {
  return d;
}

/** The raw string of a declared input: the runner's value, or the declared default when unset (or empty). */
export function rawDeclared(declared: Declarations, name: string, env: NodeJS.ProcessEnv = process.env): string {
  const s = declared[name];
  if (s === undefined) throw new Error(`Input "${name}" is not declared by this action (a bug: declare it in src/inputs.ts and action.yml)`);
  const key = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
  const given = key in env ? rawInput(name, env) : undefined;
  const value = given === undefined ? s.default : s.multiline ? given.replace(/^\s*\n|\n\s*$/g, '') : given.trim();
  if (value === '' && s.required) throw new ValidationError(name, `required${s.hint ? `: ${s.hint}` : ''}`);
  return value === '' && !s.keepEmpty ? s.default : value;
}

/** Read and parse every declared input (all validation of single inputs happens here, before anything runs). */
export function readDeclared<D extends Declarations>(declared: D, env: NodeJS.ProcessEnv = process.env): Values<D> {
  const out: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(declared)) out[name] = s.parse(name, rawDeclared(declared, name, env));
  return out as Values<D>;
}
