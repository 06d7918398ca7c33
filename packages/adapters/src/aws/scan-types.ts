import type { Finding } from '@ensure-image/core';

/** One image manifest in a private ECR repository, by digest. */
export interface ScanQuery {
  region: string;
  /** Registry id (account); empty = the caller's. */
  account?: string;
  repository: string;
  digest: string;
}

/** DescribeImageScanFindings read through every page, or the image was never scanned. */
export type ScanRead =
  | {
      scanned: true;
      status: string;
      description?: string;
      /** imageScanCompletedAt, ms since the epoch. */
      completedAt?: number;
      /** The answer carried Inspector's `enhancedFindings`. */
      enhanced: boolean;
      /** Active findings, basic and enhanced (suppressed or closed enhanced findings left out). */
      findings: Finding[];
    }
  | { scanned: false };

/** StartImageScan's outcome: started, or why not (basic's daily limit, an unsupported image, an enhanced repository). */
export type StartScanResult = 'started' | 'LIMIT_EXCEEDED' | 'UNSUPPORTED_IMAGE' | 'enhanced';

/** The scan findings of ECR images. */
export interface EcrScans {
  /** DescribeImageScanFindings, every page (`nextToken`); ScanNotFoundException = `{ scanned: false }`. */
  readScan(q: ScanQuery): Promise<ScanRead>;
  /** StartImageScan (basic scanning; one a day per image). */
  startScan(q: ScanQuery): Promise<StartScanResult>;
}
