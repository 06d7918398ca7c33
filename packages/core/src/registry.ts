import { isAccountId } from './account.js';
import { ValidationError, shown } from './errors.js';

/** What kind of registry a host is, with what its name tells about it. */
export type RegistryInfo =
  | {
      kind: 'ecr';
      host: string;
      account: string;
      region: string;
      partition: string;
      fips: boolean;
      dualStack: boolean;
    }
  | { kind: 'ecr-public'; host: string; region: 'us-east-1' }
  | { kind: 'oci'; host: string };

interface Partition {
  name: string;
  matches: (region: string) => boolean;
  suffix: string;
  dualStackSuffix?: string;
}

/** AWS partitions by region prefix; the first match wins, so `aws` comes last. */
const PARTITIONS: readonly Partition[] = [
  { name: 'aws-cn', matches: (r) => r.startsWith('cn-'), suffix: 'amazonaws.com.cn', dualStackSuffix: 'on.amazonwebservices.com.cn' },
  { name: 'aws-iso', matches: (r) => r.startsWith('us-iso-'), suffix: 'c2s.ic.gov' },
  { name: 'aws-iso-b', matches: (r) => r.startsWith('us-isob-'), suffix: 'sc2s.sgov.gov' },
  { name: 'aws-iso-e', matches: (r) => r.startsWith('eu-isoe-'), suffix: 'cloud.adc-e.uk' },
  { name: 'aws-iso-f', matches: (r) => r.startsWith('us-isof-'), suffix: 'csp.hci.ic.gov' },
  { name: 'aws-eusc', matches: (r) => r.startsWith('eusc-'), suffix: 'amazonaws.eu' },
  { name: 'aws-us-gov', matches: (r) => r.startsWith('us-gov-'), suffix: 'amazonaws.com', dualStackSuffix: 'on.aws' },
  { name: 'aws', matches: () => true, suffix: 'amazonaws.com', dualStackSuffix: 'on.aws' },
];

export const ECR_PUBLIC_HOSTS: readonly string[] = ['public.ecr.aws', 'ecr-public.aws.com'];
export const ECR_PUBLIC_REGION = 'us-east-1';

const REGION_RE = /^[a-z]{2,4}(?:-[a-z]+)+-\d{1,2}$/;
const ECR_HOST_RE = /^(\d{12})\.(dkr\.ecr|dkr-ecr)(-fips)?\.([a-z0-9-]+)\.([a-z0-9.-]+)$/;

export function partitionOf(region: string): Partition {
  return PARTITIONS.find((p) => p.matches(region)) as Partition;
}

export function validateRegion(input: string, region: string): string {
  if (!REGION_RE.test(region)) {
    throw new ValidationError(input, `${shown(region)} is not an AWS region (like us-east-1, eu-central-1, us-gov-west-1, cn-north-1)`);
  }
  return region;
}

export function validateAccount(input: string, account: string): string {
  if (!isAccountId(account)) throw new ValidationError(input, `${shown(account)} is not an AWS account id (12 digits)`);
  return account;
}

function stripPort(host: string): string {
  return host.replace(/:\d+$/, '').toLowerCase();
}

/** Classify a registry host (a port, if any, is kept in `host` and ignored for the kind). */
export function classifyRegistry(host: string): RegistryInfo {
  const bare = stripPort(host);
  if (ECR_PUBLIC_HOSTS.includes(bare)) return { kind: 'ecr-public', host, region: ECR_PUBLIC_REGION };
  const m = ECR_HOST_RE.exec(bare);
  if (m) {
    const [, account, form, fips, region, suffix] = m as unknown as [string, string, string, string | undefined, string, string];
    const partition = partitionOf(region);
    const dualStack = form === 'dkr-ecr';
    const expected = dualStack ? partition.dualStackSuffix : partition.suffix;
    if (REGION_RE.test(region) && suffix === expected) {
      return { kind: 'ecr', host, account, region, partition: partition.name, fips: fips !== undefined, dualStack };
    }
  }
  return { kind: 'oci', host };
}

/** The private ECR registry host for an account in a region, in the region's partition. */
export function ecrHost(opts: { account: string; region: string; fips?: boolean; dualStack?: boolean }): string {
  validateAccount('account', opts.account);
  validateRegion('region', opts.region);
  const p = partitionOf(opts.region);
  const fips = opts.fips ? '-fips' : '';
  if (opts.dualStack) {
    if (p.dualStackSuffix === undefined) {
      throw new ValidationError('region', `ECR has no dual-stack endpoint in ${shown(opts.region)} (partition ${p.name})`);
    }
    return `${opts.account}.dkr-ecr${fips}.${opts.region}.${p.dualStackSuffix}`;
  }
  return `${opts.account}.dkr.ecr${fips}.${opts.region}.${p.suffix}`;
}

export interface RegionEnv {
  AWS_REGION?: string | undefined;
  AWS_DEFAULT_REGION?: string | undefined;
}

/**
 * Region precedence: explicit input > region in the registry host > AWS_REGION >
 * AWS_DEFAULT_REGION > an error naming the input.
 */
export function resolveRegion(opts: { explicit?: string; host?: string; env: RegionEnv; input?: string }): string {
  const input = opts.input ?? 'region';
  if (opts.explicit) return validateRegion(input, opts.explicit);
  if (opts.host) {
    const info = classifyRegistry(opts.host);
    if (info.kind !== 'oci') return info.region;
  }
  if (opts.env.AWS_REGION) return validateRegion('AWS_REGION', opts.env.AWS_REGION);
  if (opts.env.AWS_DEFAULT_REGION) return validateRegion('AWS_DEFAULT_REGION', opts.env.AWS_DEFAULT_REGION);
  throw new ValidationError(
    input,
    'no AWS region: set the input, use a registry host that names one, or set AWS_REGION (aws-actions/configure-aws-credentials does)',
  );
}
