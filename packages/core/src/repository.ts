// How a missing ECR repository is created: settings from inputs, and the lifecycle policy.
import { ValidationError, shown } from './errors.js';

export type TagMutability = 'MUTABLE' | 'IMMUTABLE' | 'IMMUTABLE_WITH_EXCLUSION';
export const TAG_MUTABILITIES: readonly TagMutability[] = ['MUTABLE', 'IMMUTABLE', 'IMMUTABLE_WITH_EXCLUSION'];

/** What a created repository gets (ECR private; ECR Public takes the name only). */
export interface RepositorySettings {
  scanOnPush: boolean;
  /** AES256 unless a KMS key is given. */
  kmsKey?: string;
  /** IMMUTABLE_WITH_EXCLUSION leaves the image's aliases mutable (`*-latest`), found at creation. */
  mutability: TagMutability;
  /** Keep the newest N images per image prefix; undefined: no lifecycle policy. */
  lifecycleKeep?: number;
}

/** `tag-mutability`: MUTABLE, IMMUTABLE or IMMUTABLE_WITH_EXCLUSION, any case. */
export function parseTagMutability(input: string, value: string): TagMutability {
  const v = value.trim().toUpperCase().replace(/-/g, '_');
  if (v === '') return 'MUTABLE';
  const hit = TAG_MUTABILITIES.find((m) => m === v);
  if (!hit) throw new ValidationError(input, `expected MUTABLE, IMMUTABLE or IMMUTABLE_WITH_EXCLUSION (immutable, the aliases excluded), got ${shown(value)}`);
  return hit;
}

const KMS_RE =
  /^(arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/[A-Za-z0-9/_-]+|alias\/[A-Za-z0-9/_-]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** A KMS key id, alias or ARN; empty: AES256. */
export function validateKmsKey(input: string, value: string): string {
  if (value !== '' && !KMS_RE.test(value)) throw new ValidationError(input, `${shown(value)} is not a KMS key id, alias/<name> or key ARN`);
  return value;
}

/**
 * The tags that stay mutable in an IMMUTABLE_WITH_EXCLUSION repository: each alias of the
 * image (`api-latest`), written as the wildcard every sibling shares (`*-latest`).
 */
export function mutableTagFilters(prefix: string, aliasTags: readonly string[]): string[] {
  const lead = prefix === '' ? '' : `${prefix}-`;
  return [...new Set(aliasTags.map((t) => (lead && t.startsWith(lead) ? `*-${t.slice(lead.length)}` : t)))];
}

export interface LifecycleRule {
  rulePriority: number;
  description: string;
  selection: {
    tagStatus: 'tagged' | 'untagged';
    tagPrefixList?: string[];
    tagPatternList?: string[];
    countType: 'imageCountMoreThan' | 'sinceImagePushed';
    countUnit?: 'days';
    countNumber: number;
  };
  action: { type: 'expire' };
}

/**
 * A lifecycle policy keeping the newest `keep` images of each image prefix sharing the
 * repository (`api-*`, `enhance-*`: one rule each), and expiring untagged images after a day.
 * Prefixes are matched as `<prefix>-`; an empty prefix (bare ids) keeps the newest `keep` tagged
 * images overall (`*`). With prefixes, registry cache tags (`buildcache-*`) match no rule and stay.
 */
export function lifecyclePolicy(prefixes: readonly string[], keep: number): { rules: LifecycleRule[] } {
  if (!Number.isInteger(keep) || keep < 1) throw new RangeError(`keep must be a whole number of at least 1, got ${keep}`);
  const unique = [...new Set(prefixes)].sort();
  const rules: LifecycleRule[] = [
    {
      rulePriority: 1,
      description: 'Expire untagged images after a day',
      selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 1 },
      action: { type: 'expire' },
    },
  ];
  for (const prefix of unique) {
    rules.push({
      rulePriority: rules.length + 1,
      description: prefix ? `Keep the newest ${keep} ${prefix}-* images` : `Keep the newest ${keep} images`,
      selection: {
        tagStatus: 'tagged',
        ...(prefix ? { tagPrefixList: [`${prefix}-`] } : { tagPatternList: ['*'] }),
        countType: 'imageCountMoreThan',
        countNumber: keep,
      },
      action: { type: 'expire' },
    });
  }
  return { rules };
}
