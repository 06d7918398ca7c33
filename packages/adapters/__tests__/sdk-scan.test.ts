import { DescribeImageScanFindingsCommand, type DescribeImageScanFindingsCommandOutput, ECRClient, StartImageScanCommand } from '@aws-sdk/client-ecr';
import { mockClient } from 'aws-sdk-client-mock';
import { PermissionError } from '../src/index.js';
import { SdkEcr } from '../src/aws/sdk.js';

const ecrMock = mockClient(ECRClient);
const q = { region: 'us-east-1', account: '123456789012', repository: 'app', digest: `sha256:${'a'.repeat(64)}` };
const err = (name: string) => Object.assign(new Error(`${name} says no`), { name });

beforeEach(() => ecrMock.reset());

test('basic findings are read through every page (nextToken), with package and version', async () => {
  const page = (from: number, n: number, nextToken?: string): Partial<DescribeImageScanFindingsCommandOutput> => ({
    imageScanStatus: { status: 'COMPLETE' as const },
    imageScanFindings: {
      imageScanCompletedAt: new Date('2026-12-01T00:00:00Z'),
      findings: Array.from({ length: n }, (_, i) => ({
        name: `CVE-2026-${from + i}`,
        severity: i % 2 ? ('HIGH' as const) : ('CRITICAL' as const),
        attributes: [
          { key: 'package_name', value: 'openssl' },
          { key: 'package_version', value: '3.0.1' },
        ],
      })),
    },
    ...(nextToken ? { nextToken } : {}),
  });
  ecrMock
    .on(DescribeImageScanFindingsCommand)
    .resolvesOnce(page(0, 100, 't1'))
    .resolvesOnce(page(100, 100, 't2'))
    .resolvesOnce(page(200, 50));
  const r = await new SdkEcr().readScan(q);
  const calls = ecrMock.commandCalls(DescribeImageScanFindingsCommand).map((c) => c.args[0].input);
  expect(calls.map((c) => c.nextToken)).toEqual([undefined, 't1', 't2']);
  expect(calls[0]).toMatchObject({ registryId: '123456789012', repositoryName: 'app', imageId: { imageDigest: q.digest } });
  if (!r.scanned) throw new Error('expected a scan');
  expect(r.findings).toHaveLength(250);
  expect(new Set(r.findings.map((f) => f.id)).size).toBe(250);
  expect(r.findings[0]).toEqual({ id: 'CVE-2026-0', severity: 'CRITICAL', package: 'openssl', installed: '3.0.1' });
  expect(r).toMatchObject({ status: 'COMPLETE', enhanced: false, completedAt: Date.parse('2026-12-01T00:00:00Z') });
});

test('enhanced findings: id, package, installed and fixed-in; suppressed and closed ones left out', async () => {
  ecrMock.on(DescribeImageScanFindingsCommand).resolves({
    imageScanStatus: { status: 'ACTIVE' },
    imageScanFindings: {
      enhancedFindings: [
        {
          severity: 'CRITICAL',
          status: 'ACTIVE',
          packageVulnerabilityDetails: { vulnerabilityId: 'CVE-2026-1', vulnerablePackages: [{ name: 'glibc', version: '2.36', fixedInVersion: '2.36-9' }] },
        },
        { severity: 'HIGH', status: 'SUPPRESSED', packageVulnerabilityDetails: { vulnerabilityId: 'CVE-2026-2', vulnerablePackages: [] } },
        {
          severity: 'UNTRIAGED',
          status: 'ACTIVE',
          title: 'GHSA-1',
          packageVulnerabilityDetails: {
            vulnerablePackages: [
              { name: 'lodash', version: '4.0.0', fixedInVersion: 'NotAvailable' },
              { name: 'x', version: '1' },
            ],
          },
        },
      ],
    },
  });
  const r = await new SdkEcr().readScan(q);
  expect(r).toEqual({
    scanned: true,
    status: 'ACTIVE',
    enhanced: true,
    findings: [
      { id: 'CVE-2026-1', severity: 'CRITICAL', package: 'glibc', installed: '2.36', fixedIn: '2.36-9' },
      { id: 'GHSA-1', severity: 'UNDEFINED', package: 'lodash (+1)', installed: '4.0.0' },
    ],
  });
});

test('never scanned is an answer, not an error; AccessDenied names the permission', async () => {
  ecrMock.on(DescribeImageScanFindingsCommand).rejectsOnce(err('ScanNotFoundException')).rejectsOnce(err('AccessDeniedException'));
  expect(await new SdkEcr().readScan(q)).toEqual({ scanned: false });
  const denied = new SdkEcr().readScan(q);
  await expect(denied).rejects.toBeInstanceOf(PermissionError);
});

test.each([
  [undefined, 'started'],
  ['LimitExceededException', 'LIMIT_EXCEEDED'],
  ['UnsupportedImageTypeException', 'UNSUPPORTED_IMAGE'],
  ['ValidationException', 'enhanced'],
])('StartImageScan refused with %s -> %s', async (name, want) => {
  if (name) ecrMock.on(StartImageScanCommand).rejects(err(name));
  else ecrMock.on(StartImageScanCommand).resolves({});
  expect(await new SdkEcr().startScan(q)).toBe(want);
});

test('StartImageScan denied names ecr:StartImageScan', async () => {
  ecrMock.on(StartImageScanCommand).rejects(err('AccessDeniedException'));
  await expect(new SdkEcr().startScan(q)).rejects.toThrow(/the role needs ecr:StartImageScan/);
});
