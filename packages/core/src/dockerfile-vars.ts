// ARG/ENV substitution for reading a Dockerfile's inputs. The parser (dockerfile-ast) finds
// every variable with its range, modifier and word; this file only decides each one's value
// in the scope docker would use, and writes the values into the instruction's text, which is
// then parsed again. Nothing here reads Dockerfile syntax by hand.
import { DockerfileParser, type Instruction } from 'dockerfile-ast';

/** Stands for a value that cannot be known here; it survives re-parsing as part of a word (the reason is URI-encoded: no spaces, quotes or `$`). */
const OPEN = '\u2045';
const CLOSE = '\u2046';

/** The automatic platform ARGs: their value depends on the platform being built. */
const PLATFORM_ARGS = new Set(['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT']);

/** A value whose source cannot be known: unset, platform-dependent, or an expansion we do not evaluate. */
export function unknownValue(why: string): string {
  return `${OPEN}${encodeURIComponent(why)}${CLOSE}`;
}

/** The first unknown value in a word, as its reason (`${CMD_TARGET} has no value`), or undefined. */
export function unknownIn(word: string): string | undefined {
  const at = word.indexOf(OPEN);
  if (at < 0) return undefined;
  const end = word.indexOf(CLOSE, at);
  return decodeURIComponent(word.slice(at + 1, end < 0 ? undefined : end));
}

/** A variable's value: a string, or undefined when declared with no value (or never declared). */
export type Values = ReadonlyMap<string, string | undefined>;

/** The names and values an instruction sees: the stage's ENV first, then its ARGs. */
export interface Scope {
  env: Values;
  args: Values;
}

function lookup(scope: Scope, name: string): { set: boolean; value: string | undefined } {
  if (scope.env.has(name)) return { set: true, value: scope.env.get(name) };
  if (scope.args.has(name)) {
    if (PLATFORM_ARGS.has(name)) return { set: true, value: unknownValue(`\${${name}} depends on the platform`) };
    return { set: true, value: scope.args.get(name) };
  }
  return { set: false, value: undefined };
}

/** The value docker would expand a variable to, or an unknown marker saying why it cannot be known here. */
function expand(scope: Scope, name: string, modifier: string | null, word: string | null): string {
  const { set, value } = lookup(scope, name);
  const known = value !== undefined;
  if (word !== null && (word.includes('$') || word.includes(OPEN))) return unknownValue(`\${${name}:${modifier ?? ''}...} nests a variable`);
  switch (modifier) {
    case null:
    case '':
      return known ? value : unknownValue(set ? `\${${name}} has no value (no default and no build-arg)` : `\${${name}} is not declared (no ARG or ENV)`);
    case '-':
      return known && value !== '' ? value : (word ?? '');
    case '+':
      return known && value !== '' ? (word ?? '') : known || !set ? '' : unknownValue(`\${${name}} has no value`);
    default:
      return known ? unknownValue(`\${${name}${modifier}...} is not evaluated here`) : unknownValue(`\${${name}} has no value`);
  }
}

/** Offsets of each line's start in `text`, to turn the parser's positions into string offsets. */
export class Positions {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.starts.push(i + 1);
  }
  offset(p: { line: number; character: number }): number {
    return (this.starts[p.line] ?? this.text.length) + p.character;
  }
  slice(r: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
    return this.text.slice(this.offset(r.start), this.offset(r.end));
  }
}

/**
 * The instruction with every variable replaced by its value in `scope`, parsed again on its
 * own (with the file's escape character), so that its words, flags and properties are read by
 * the parser as docker reads them after expansion.
 */
export function substituted(ins: Instruction, pos: Positions, scope: Scope, escape: string): { ins: Instruction; pos: Positions } {
  if (ins.getVariables().length === 0) return { ins, pos };
  const range = ins.getRange();
  const start = pos.offset(range.start);
  let text = pos.slice(range);
  const vars = ins
    .getVariables()
    .map((v) => ({ v, from: pos.offset(v.getRange().start) - start, to: pos.offset(v.getRange().end) - start }))
    .sort((a, b) => a.from - b.from)
    .filter((x, i, all) => i === 0 || x.from >= (all[i - 1] as { to: number }).to);
  for (const { v, from, to } of vars.reverse()) {
    text = text.slice(0, from) + expand(scope, v.getName(), v.getModifier(), v.getSubstitutionParameter()) + text.slice(to);
  }
  const doc = `${escape === '\\' ? '' : `# escape=${escape}\n`}${text}`;
  const again = DockerfileParser.parse(doc).getInstructions()[0];
  return again ? { ins: again, pos: new Positions(doc) } : { ins, pos };
}
