import { CredentialsError, NetworkError, PermissionError, RepositoryNotFoundError, networkCause } from '../errors.js';

/**
 * Turn an AWS SDK error into one that says what to do. `iamAction` is the permission the
 * call needs, named in AccessDenied messages.
 */
export function explainAwsError(e: unknown, iamAction: string, what: string): Error {
  const err = e as { name?: string; message?: string; Code?: string };
  const name = err.name ?? err.Code ?? '';
  const message = err.message ?? String(e);
  if (/AccessDenied|UnauthorizedOperation|NotAuthorized/i.test(name)) {
    return new PermissionError(`AWS denied ${what}: the role needs ${iamAction}. (${name}: ${message})`);
  }
  if (name === 'RepositoryNotFoundException') {
    return new RepositoryNotFoundError(`${what}: the repository does not exist (${message})`);
  }
  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(message)) {
    return new CredentialsError(
      `${what}: no AWS credentials found. Configure them first (aws-actions/configure-aws-credentials with OIDC, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY). (${message})`,
    );
  }
  if (/ExpiredToken|InvalidClientTokenId|UnrecognizedClient|SignatureDoesNotMatch/.test(name)) {
    return new CredentialsError(`${what}: AWS rejected the credentials (${name}: ${message}). Refresh or reconfigure them.`);
  }
  const cause = networkCause(e);
  // Node's message names the address (`connect ECONNREFUSED 127.0.0.1:4566`, `getaddrinfo ENOTFOUND api.ecr...`).
  if (cause) return new NetworkError(`${what}: cannot reach the AWS API: ${cause} (${message})`);
  return new Error(`${what} failed: ${name ? `${name}: ` : ''}${message}`);
}
