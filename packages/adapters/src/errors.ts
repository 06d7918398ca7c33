/** AWS refused an action for lack of an IAM permission; the message names the permission. */
export class PermissionError extends Error {
  override readonly name = 'PermissionError';
}

/** The ECR repository does not exist (not the same as a missing tag). */
export class RepositoryNotFoundError extends Error {
  override readonly name = 'RepositoryNotFoundError';
}

/** No credentials could be found for AWS or a registry. */
export class CredentialsError extends Error {
  override readonly name = 'CredentialsError';
}

/** A command-line tool the step needs is not installed. */
export class ToolMissingError extends Error {
  override readonly name = 'ToolMissingError';
}

/** A registry refused to move a tag because the repository's tags are immutable. */
export class ImmutableTagError extends Error {
  override readonly name = 'ImmutableTagError';
}

/** A host could not be reached; the message names the host and the cause. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

const CAUSES: [RegExp, string][] = [
  [/ECONNREFUSED/, 'connection refused'],
  [/ENOTFOUND|EAI_AGAIN/, 'name not found (DNS)'],
  [/ECONNRESET|EPIPE|socket hang up|UND_ERR_SOCKET/, 'connection reset'],
  [/ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|TimeoutError|timed? ?out|aborted due to timeout/i, 'timed out'],
  [/CERT|SSL|TLS|self[- ]signed|unable to verify|wrong version number|EPROTO/i, 'TLS failed'],
  [/EHOSTUNREACH|ENETUNREACH/, 'host unreachable'],
];

/** Name the cause of a failed connection (fetch's `cause`, node's `code`), or undefined when it is none. */
export function networkCause(e: unknown): string | undefined {
  const parts: string[] = [];
  for (let c: unknown = e, depth = 0; c && depth < 4; c = (c as { cause?: unknown }).cause, depth++) {
    const x = c as { code?: string; name?: string; message?: string };
    parts.push([x.code, x.name, x.message].filter(Boolean).join(' '));
  }
  const text = parts.join(' | ');
  const hit = CAUSES.find(([re]) => re.test(text));
  if (!hit) return undefined;
  const detail = parts.slice(1).find((p) => p.trim() !== '') ?? parts[0] ?? '';
  return hit[1] === 'TLS failed' ? `TLS failed: ${detail.trim()}` : hit[1];
}

/** A NetworkError naming `host` and the cause, or undefined when `e` is no connection failure. */
export function asNetworkError(e: unknown, host: string): NetworkError | undefined {
  const cause = networkCause(e);
  return cause ? new NetworkError(`cannot reach ${host}: ${cause}`) : undefined;
}
