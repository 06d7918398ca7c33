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
