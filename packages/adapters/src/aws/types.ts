import type { EcrScans } from './scan-types.js';

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

/** An image BatchGetImage found: its digest, and the manifest itself (to re-tag it without a pull). */
export interface FoundImage {
  digest: string;
  manifest?: string;
  mediaType?: string;
}

export interface PutImageRequest {
  region: string;
  account?: string;
  repository: string;
  tag: string;
  manifest: string;
  mediaType?: string;
  digest: string;
}

export interface CreateRepositoryRequest {
  region: string;
  account?: string;
  repository: string;
  scanOnPush: boolean;
  kmsKey?: string;
  mutability: 'MUTABLE' | 'IMMUTABLE' | 'IMMUTABLE_WITH_EXCLUSION';
  /** Wildcard filters of tags left mutable (IMMUTABLE_WITH_EXCLUSION). */
  mutableTags: readonly string[];
  /** Lifecycle policy JSON, put right after the repository is created. */
  lifecyclePolicy?: string;
}

/** What the project asks of ECR, ECR Public and STS. */
export interface Ecr extends EcrScans {
  /** GetAuthorizationToken for the given accounts in one region (empty = the caller's registry). */
  privateTokens(region: string, accounts: readonly string[]): Promise<{ account: string; username: string; password: string; expiresAt?: Date }[]>;
  /** ECR Public GetAuthorizationToken (always us-east-1). */
  publicToken(): Promise<{ username: string; password: string; expiresAt?: Date }>;
  /** Tag (or `sha256:` digest) -> the image, for those that exist: one BatchGetImage per 100. */
  findImages(q: ImageQuery): Promise<Map<string, FoundImage>>;
  /** PutImage: the manifest under another tag (no pull, no push). ImmutableTagError when refused. */
  putImage(r: PutImageRequest): Promise<void>;
  /** CreateRepository (+ PutLifecyclePolicy): `exists` when another run created it first. */
  createRepository(r: CreateRepositoryRequest): Promise<'created' | 'exists'>;
  /** ECR Public CreateRepository (name without the registry alias). */
  createPublicRepository(name: string): Promise<'created' | 'exists'>;
  /** STS GetCallerIdentity's account. */
  accountId(region: string): Promise<string>;
}
