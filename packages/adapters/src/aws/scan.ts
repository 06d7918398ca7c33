// DescribeImageScanFindings and StartImageScan over an ECR client: findings of both shapes
// (basic `findings`, Inspector's `enhancedFindings`) read through every page, in one form.
import {
  DescribeImageScanFindingsCommand,
  type DescribeImageScanFindingsCommandOutput,
  type ECRClient,
  type EnhancedImageScanFinding,
  type ImageScanFinding,
  StartImageScanCommand,
} from '@aws-sdk/client-ecr';
import { type Finding, toSeverity } from '@ensure-image/core';
import { explainAwsError } from './errors.js';
import type { ScanQuery, ScanRead, StartScanResult } from './scan-types.js';

const where = (q: ScanQuery): string => `${q.repository}@${q.digest}`;

function basicFinding(f: ImageScanFinding): Finding {
  const attr = (k: string): string | undefined => f.attributes?.find((a) => a.key === k)?.value;
  const pkg = attr('package_name');
  const installed = attr('package_version');
  return { id: f.name ?? '(unnamed)', severity: toSeverity(f.severity), ...(pkg ? { package: pkg } : {}), ...(installed ? { installed } : {}) };
}

/** One finding per vulnerable package of an enhanced finding (the summary names each package). */
function enhancedFindings(f: EnhancedImageScanFinding): Finding[] {
  const d = f.packageVulnerabilityDetails;
  const id = d?.vulnerabilityId ?? f.title ?? f.findingArn ?? '(unnamed)';
  const severity = toSeverity(f.severity);
  const pkgs = d?.vulnerablePackages ?? [];
  if (pkgs.length === 0) return [{ id, severity }];
  // Many packages of one vulnerability are one finding in Inspector's count: the first names it.
  const p = pkgs[0];
  const fixedIn = pkgs.map((x) => x.fixedInVersion).filter((v) => v && v !== 'NotAvailable')[0];
  return [
    {
      id,
      severity,
      ...(p?.name ? { package: pkgs.length > 1 ? `${p.name} (+${pkgs.length - 1})` : p.name } : {}),
      ...(p?.version ? { installed: p.version } : {}),
      ...(fixedIn ? { fixedIn } : {}),
    },
  ];
}

/** DescribeImageScanFindings through every page. */
export async function readScan(client: ECRClient, q: ScanQuery): Promise<ScanRead> {
  const findings: Finding[] = [];
  let enhanced = false;
  let first: DescribeImageScanFindingsCommandOutput | undefined;
  let nextToken: string | undefined;
  do {
    let out: DescribeImageScanFindingsCommandOutput;
    try {
      out = await client.send(
        new DescribeImageScanFindingsCommand({
          ...(q.account ? { registryId: q.account } : {}),
          repositoryName: q.repository,
          imageId: { imageDigest: q.digest },
          ...(nextToken ? { nextToken } : {}),
        }),
      );
    } catch (e) {
      if ((e as { name?: string }).name === 'ScanNotFoundException') return { scanned: false };
      throw explainAwsError(e, 'ecr:DescribeImageScanFindings', `ecr:DescribeImageScanFindings on ${where(q)}`);
    }
    first ??= out;
    const r = out.imageScanFindings;
    for (const f of r?.findings ?? []) findings.push(basicFinding(f));
    if (r?.enhancedFindings) enhanced = true;
    for (const f of r?.enhancedFindings ?? []) if (!f.status || f.status === 'ACTIVE') findings.push(...enhancedFindings(f));
    nextToken = out.nextToken;
  } while (nextToken);
  const s = first?.imageScanStatus;
  const completed = first?.imageScanFindings?.imageScanCompletedAt;
  return {
    scanned: true,
    status: s?.status ?? 'UNKNOWN',
    ...(s?.description ? { description: s.description } : {}),
    ...(completed ? { completedAt: new Date(completed).getTime() } : {}),
    enhanced,
    findings,
  };
}

/** StartImageScan; the refusals the gate knows come back as results, anything else throws. */
export async function startScan(client: ECRClient, q: ScanQuery): Promise<StartScanResult> {
  try {
    await client.send(
      new StartImageScanCommand({ ...(q.account ? { registryId: q.account } : {}), repositoryName: q.repository, imageId: { imageDigest: q.digest } }),
    );
    return 'started';
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'LimitExceededException') return 'LIMIT_EXCEEDED';
    if (name === 'UnsupportedImageTypeException') return 'UNSUPPORTED_IMAGE';
    // A repository under enhanced scanning refuses manual scans: Inspector scans on its own.
    if (name === 'ValidationException') return 'enhanced';
    throw explainAwsError(e, 'ecr:StartImageScan', `ecr:StartImageScan on ${where(q)}`);
  }
}
