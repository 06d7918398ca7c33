/** What step functions may print: the runner's log in an action, an array in tests. */
export interface Log {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
  /** A notice annotation (once-per-run advice); plain info where the log has none. */
  notice?(message: string): void;
  /** Register a secret so the runner masks it in every later log line. */
  secret(value: string): void;
}
