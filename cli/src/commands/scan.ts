// ensure-image scan: the scan gate on a developer's machine, over the manifest's images at
// HEAD (those present) or over image references given as arguments.
import { countsLine, formatReference, parseDuration, parseFailOn, parseScanIgnore, scanTableRows } from '@ensure-image/core';
import { type ScanGateRequest, planImages, resolveTarget, scanGate } from '@ensure-image/steps';
import type { Command } from '../command.js';
import { EXIT } from '../errors.js';
import { MANIFEST_FLAGS, loadManifest, manifestOptions, planInputs } from '../manifest.js';
import { table } from '../table.js';
import { COMMON_HELP } from './plan.js';

export const scan: Command = {
  name: 'scan',
  summary: 'gate images on their ECR scan findings (exit 3 when the gate fails)',
  help: `Usage: ensure-image scan [options] [IMAGE...]

Read the ECR scan findings of each IMAGE (full references), or without arguments of every
image of the manifest found present at HEAD, as the actions' scan gate does: wait for the
scan, count the findings after the ignore list, compare with --fail-on. Prints a table per
image (per platform of a multi-platform image): severity, id, package, installed, fixed in.

Options:
      --fail-on F      a severity (that or worse fails) or limits like critical=0,high=5 (default critical)
      --ignore ID      a finding id not counted, optionally "ID until YYYY-MM-DD" (repeatable)
      --timeout T      how long to wait for a scan (default 10m; 0 reads once)
      --warn           report only: exit 0 even when the gate does not pass
      --json           the gate's outputs as JSON (scan-status, findings, scan-passed) and each image
${COMMON_HELP}

Exit codes: 0 passed (or --warn), 1 AWS failed, 2 a bad option, 3 the gate did not pass.`,
  options: {
    ...MANIFEST_FLAGS,
    'fail-on': { type: 'string', default: 'critical' },
    ignore: { type: 'string', multiple: true },
    timeout: { type: 'string', default: '10m' },
    warn: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
  positionals: true,
  async run({ values, positionals, deps, log }) {
    const settings = {
      mode: values.warn ? ('warn' as const) : ('fail' as const),
      limits: parseFailOn('--fail-on', values['fail-on'] as string),
      ignores: parseScanIgnore('--ignore', ((values.ignore as unknown as string[] | undefined) ?? []).join('\n')),
      timeoutMs: parseDuration('--timeout', values.timeout as string),
    };
    let images: ScanGateRequest['images'];
    if (positionals.length) {
      images = await Promise.all(positionals.map(async (image) => ({ target: await resolveTarget({ image }, { ...deps, log }, deps.env) })));
    } else {
      const o = manifestOptions(values, deps.cwd);
      const planned = await planImages(planInputs(await loadManifest(o, deps.env), o), { ...deps, log }, deps.env, {
        missingRepository: 'absent',
        retag: false,
      });
      for (const p of planned.filter((x) => !x.exists)) deps.err(`${p.image}: missing, not gated`);
      images = planned.filter((p) => p.exists).map((p) => ({ target: p.target, digest: p.digest }));
    }
    const r = await scanGate({ ...settings, images }, { ecr: deps.ecr, log });
    if (values.json) {
      const each = r.scans.map((s) => ({
        image: s.label,
        digest: s.digest,
        status: s.status,
        problem: s.problem,
        findings: s.counts,
        ignored: s.ignored.length,
        url: s.url,
      }));
      deps.out(JSON.stringify({ ...r.outputs, images: each }, null, 2));
    } else {
      for (const s of r.scans) {
        deps.out(`${s.label}  ${s.status}  ${s.problem || countsLine(s.counts)}${s.ignored.length ? ` (${s.ignored.length} ignored)` : ''}`);
        const rows = scanTableRows(s);
        if (rows.length > 1) for (const line of table(rows)) deps.out(`  ${line}`);
        deps.out(`  ${s.url}`);
      }
      if (r.verdict) deps.out(r.verdict.passed ? 'scan gate: passed' : `scan gate: did not pass\n${r.verdict.failures.map((f) => `  ${f}`).join('\n')}`);
      else deps.out(`scan gate: nothing to gate (${images.map((i) => formatReference(i.target.ref)).join(', ') || 'no image present'})`);
    }
    return r.verdict && !r.verdict.passed && !values.warn ? EXIT.missing : EXIT.ok;
  },
};
