// Docker's path matching, from @balena/dockerignore (a port of moby's fileutils): used for
// .dockerignore files and for COPY/ADD sources, which follow the same wildcard rules (Go's
// filepath.Match, `**`, and a directory matching everything under it).
import ignore from '@balena/dockerignore';

/**
 * The .dockerignore files docker would use for a build, most specific first: BuildKit takes
 * `<Dockerfile>.dockerignore` beside the Dockerfile when it exists, else `<context>/.dockerignore`.
 * Workspace-relative.
 */
export function dockerignoreCandidates(context: string, file: string): string[] {
  return [`${file}.dockerignore`, context === '.' ? '.dockerignore' : `${context}/.dockerignore`];
}

/** A test of context-relative paths against a .dockerignore's text: true when the path is sent to the build. */
export function dockerignoreFilter(text: string | undefined): (path: string) => boolean {
  if (text === undefined || text.trim() === '') return () => true;
  const ig = ignore({ ignorecase: false }).add(text);
  return (p) => !ig.ignores(p);
}

/**
 * Whether a COPY/ADD source reads a context-relative file: the source names the file, a
 * directory above it, or matches either as a wildcard. `.` reads everything.
 */
export function sourceMatcher(source: string): (path: string) => boolean {
  if (source === '.') return () => true;
  // A leading `!` or `#` means something else to an ignore file: such names are taken literally.
  if (source.startsWith('!') || source.startsWith('#')) return (p) => p === source || p.startsWith(`${source}/`);
  const ig = ignore({ ignorecase: false }).add([source]);
  return (p) => ig.ignores(p);
}
