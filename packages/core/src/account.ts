/** An AWS account id: 12 digits (the one pattern; validateAccount gives the message). */
export const ACCOUNT_ID_RE = /^\d{12}$/;

export function isAccountId(value: string): boolean {
  return ACCOUNT_ID_RE.test(value);
}
