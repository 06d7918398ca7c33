/**
 * A user-supplied value does not have the accepted form. The message names the input
 * and says what would have been accepted, so it can be shown to the user unchanged.
 * Transient failures (network, throttling) are never ValidationErrors.
 */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(
    readonly input: string,
    readonly detail: string,
  ) {
    super(`Input "${input}": ${detail}`);
  }
}

/** Show a user value in an error message: quoted, and cut when long. */
export function shown(value: string): string {
  const cut = value.length > 80 ? `${value.slice(0, 77)}...` : value;
  return JSON.stringify(cut);
}
