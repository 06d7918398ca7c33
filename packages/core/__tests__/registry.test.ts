import { classifyRegistry, ecrHost, resolveRegion, ValidationError } from '../src/index.js';

describe('classifyRegistry', () => {
  test.each([
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com', 'ecr', '123456789012', 'us-east-1', 'aws', false, false],
    ['123456789012.dkr.ecr.eu-central-1.amazonaws.com:443', 'ecr', '123456789012', 'eu-central-1', 'aws', false, false],
    ['123456789012.dkr.ecr-fips.us-east-1.amazonaws.com', 'ecr', '123456789012', 'us-east-1', 'aws', true, false],
    ['123456789012.dkr.ecr.us-gov-west-1.amazonaws.com', 'ecr', '123456789012', 'us-gov-west-1', 'aws-us-gov', false, false],
    ['123456789012.dkr.ecr-fips.us-gov-east-1.amazonaws.com', 'ecr', '123456789012', 'us-gov-east-1', 'aws-us-gov', true, false],
    ['123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn', 'ecr', '123456789012', 'cn-north-1', 'aws-cn', false, false],
    ['123456789012.dkr.ecr.cn-northwest-1.amazonaws.com.cn', 'ecr', '123456789012', 'cn-northwest-1', 'aws-cn', false, false],
    ['123456789012.dkr-ecr.us-west-2.on.aws', 'ecr', '123456789012', 'us-west-2', 'aws', false, true],
    ['123456789012.dkr-ecr-fips.us-east-2.on.aws', 'ecr', '123456789012', 'us-east-2', 'aws', true, true],
    ['123456789012.dkr-ecr.cn-north-1.on.amazonwebservices.com.cn', 'ecr', '123456789012', 'cn-north-1', 'aws-cn', false, true],
    ['123456789012.dkr.ecr.eusc-de-east-1.amazonaws.eu', 'ecr', '123456789012', 'eusc-de-east-1', 'aws-eusc', false, false],
    ['123456789012.dkr.ecr.us-iso-east-1.c2s.ic.gov', 'ecr', '123456789012', 'us-iso-east-1', 'aws-iso', false, false],
    ['123456789012.dkr.ecr.us-isob-east-1.sc2s.sgov.gov', 'ecr', '123456789012', 'us-isob-east-1', 'aws-iso-b', false, false],
    ['123456789012.dkr.ecr.eu-isoe-west-1.cloud.adc-e.uk', 'ecr', '123456789012', 'eu-isoe-west-1', 'aws-iso-e', false, false],
    ['123456789012.dkr.ecr.us-isof-south-1.csp.hci.ic.gov', 'ecr', '123456789012', 'us-isof-south-1', 'aws-iso-f', false, false],
    ['123456789012.DKR.ECR.US-EAST-1.AMAZONAWS.COM', 'ecr', '123456789012', 'us-east-1', 'aws', false, false],
  ])('%s is private ECR', (host, kind, account, region, partition, fips, dualStack) => {
    expect(classifyRegistry(host)).toEqual({ kind, host, account, region, partition, fips, dualStack });
  });

  test.each([['public.ecr.aws'], ['ecr-public.aws.com'], ['PUBLIC.ECR.AWS']])('%s is ECR Public', (host) => {
    expect(classifyRegistry(host)).toEqual({ kind: 'ecr-public', host, region: 'us-east-1' });
  });

  test.each([
    ['ghcr.io'],
    ['docker.io'],
    ['localhost:5000'],
    ['127.0.0.1:5000'],
    ['registry.example.com'],
    // lookalikes: wrong account length, wrong suffix for the form, suffix of another partition
    ['12345678901.dkr.ecr.us-east-1.amazonaws.com'],
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com.evil.example'],
    ['123456789012.dkr-ecr.us-east-1.amazonaws.com'],
    ['123456789012.dkr.ecr.us-east-1.on.aws'],
    ['123456789012.dkr.ecr.cn-north-1.amazonaws.com'],
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com.cn'],
    ['123456789012.dkr-ecr.us-iso-east-1.on.aws'],
    ['public.ecr.aws.example.com'],
  ])('%s is another OCI registry', (host) => {
    expect(classifyRegistry(host)).toEqual({ kind: 'oci', host });
  });
});

describe('ecrHost', () => {
  test.each([
    [{ account: '123456789012', region: 'us-east-1' }, '123456789012.dkr.ecr.us-east-1.amazonaws.com'],
    [{ account: '123456789012', region: 'us-east-1', fips: true }, '123456789012.dkr.ecr-fips.us-east-1.amazonaws.com'],
    [{ account: '123456789012', region: 'us-west-2', dualStack: true }, '123456789012.dkr-ecr.us-west-2.on.aws'],
    [{ account: '123456789012', region: 'cn-north-1' }, '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn'],
    [{ account: '123456789012', region: 'cn-north-1', dualStack: true }, '123456789012.dkr-ecr.cn-north-1.on.amazonwebservices.com.cn'],
    [{ account: '123456789012', region: 'us-iso-east-1' }, '123456789012.dkr.ecr.us-iso-east-1.c2s.ic.gov'],
    [{ account: '123456789012', region: 'us-isob-east-1' }, '123456789012.dkr.ecr.us-isob-east-1.sc2s.sgov.gov'],
    [{ account: '123456789012', region: 'eu-isoe-west-1' }, '123456789012.dkr.ecr.eu-isoe-west-1.cloud.adc-e.uk'],
    [{ account: '123456789012', region: 'us-isof-south-1' }, '123456789012.dkr.ecr.us-isof-south-1.csp.hci.ic.gov'],
    [{ account: '123456789012', region: 'eusc-de-east-1' }, '123456789012.dkr.ecr.eusc-de-east-1.amazonaws.eu'],
    [{ account: '123456789012', region: 'us-gov-west-1', fips: true }, '123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com'],
  ])('%o -> %s, and it classifies back', (opts, host) => {
    expect(ecrHost(opts)).toBe(host);
    const info = classifyRegistry(host);
    expect(info).toMatchObject({ kind: 'ecr', account: opts.account, region: opts.region });
  });

  test('rejects a bad account, a bad region, and dual-stack where there is none', () => {
    expect(() => ecrHost({ account: '1234', region: 'us-east-1' })).toThrow(/Input "account".*12 digits/);
    expect(() => ecrHost({ account: '123456789012', region: 'useast1' })).toThrow(/Input "region".*not an AWS region/);
    expect(() => ecrHost({ account: '123456789012', region: 'us-iso-east-1', dualStack: true })).toThrow(/no dual-stack/);
  });
});

describe('resolveRegion', () => {
  const host = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';
  test.each([
    [{ explicit: 'us-east-2', host, env: { AWS_REGION: 'ap-south-1' } }, 'us-east-2'],
    [{ host, env: { AWS_REGION: 'ap-south-1' } }, 'eu-west-1'],
    [{ host: 'public.ecr.aws', env: { AWS_REGION: 'ap-south-1' } }, 'us-east-1'],
    [{ host: 'ghcr.io', env: { AWS_REGION: 'ap-south-1', AWS_DEFAULT_REGION: 'sa-east-1' } }, 'ap-south-1'],
    [{ env: { AWS_DEFAULT_REGION: 'sa-east-1' } }, 'sa-east-1'],
  ])('%o -> %s', (opts, region) => {
    expect(resolveRegion(opts)).toBe(region);
  });

  test('no region anywhere is a ValidationError naming the input', () => {
    expect(() => resolveRegion({ env: {} })).toThrow(ValidationError);
    expect(() => resolveRegion({ env: {} })).toThrow(/Input "region".*AWS_REGION/);
  });
});
