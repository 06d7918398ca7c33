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

/**
 * A manifest value does not have the accepted form: the message names the file and the
 * field (`images.yml: images[0].repository: ...`). `input` is `manifest`, the plan input (and
 * CLI flag) that names the file.
 */
export class ManifestError extends ValidationError {
  constructor(
    readonly file: string,
    readonly field: string,
    detail: string,
  ) {
    super('manifest', detail);
    this.message = field === '' ? `${file}: ${detail}` : `${file}: ${field}: ${detail}`;
  }
}
