/** A parsed `WWW-Authenticate` header: the scheme and its parameters. */
export interface Challenge {
  /** e.g. 'basic' or 'bearer'. */
  scheme: string;
  params: Record<string, string>;
}

/** Parse `Bearer realm="https://x/token",service="x",scope="repository:a:pull"` (quoted or bare values). */
export function parseChallenge(header: string | null | undefined): Challenge | undefined {
  if (!header) return undefined;
  const m = /^\s*([A-Za-z]+)\s*(.*)$/s.exec(header);
  if (!m) return undefined;
  const params: Record<string, string> = {};
  const re = /([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*,?/g;
  for (const p of (m[2] ?? '').matchAll(re)) {
    params[(p[1] as string).toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : (p[3] ?? '');
  }
  return { scheme: (m[1] as string).toLowerCase(), params };
}
