/** A registry login: host plus the user name and password docker needs. */
export interface AuthToken {
  host: string;
  username: string;
  password: string;
  expiresAt?: Date;
}

export interface ImageQuery {
  region: string;
  /** Registry id (account) owning the repository; empty = the caller's. */
  account?: string;
  repository: string;
  tags: readonly string[];
}

/** What the project asks of ECR, ECR Public and STS. */
export interface Ecr {
  /** GetAuthorizationToken for the given accounts in one region (empty = the caller's registry). */
  privateTokens(region: string, accounts: readonly string[]): Promise<{ account: string; username: string; password: string; expiresAt?: Date }[]>;
  /** ECR Public GetAuthorizationToken (always us-east-1). */
  publicToken(): Promise<{ username: string; password: string; expiresAt?: Date }>;
  /** Tag (or `sha256:` digest) -> digest for those that exist: one BatchGetImage per 100. */
  findImages(q: ImageQuery): Promise<Map<string, string>>;
  /** STS GetCallerIdentity's account. */
  accountId(region: string): Promise<string>;
}
