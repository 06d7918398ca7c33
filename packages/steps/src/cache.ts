// Which build cache a buildx build uses, decided from what the builder can do. A cache never
// breaks a build: what cannot work here is a warning (or, for `auto`, a notice) and a build
// without it.
import type { DirCache } from '@ensure-image/adapters/cache';
import type { Log } from '@ensure-image/adapters/log';
import { type BuilderInfo, type CacheFlags, type CacheMode, type CacheScope, cacheFlags, exportsCache } from '@ensure-image/core';

export interface CacheChoice {
  mode: Exclude<CacheMode, 'auto'>;
  flags: CacheFlags;
}

export interface CacheRequest {
  mode: CacheMode;
  scope: CacheScope;
  builder: BuilderInfo;
  push: boolean;
  act: boolean;
  /** Raw --cache-from / --cache-to values: given, they replace the mode. */
  rawFrom?: readonly string[];
  rawTo?: readonly string[];
}

const SETUP_HINT = 'docker/setup-buildx-action (the docker-container driver) enables cache export';

export function chooseCache(r: CacheRequest, deps: { cache: DirCache; log: Log }): CacheChoice {
  const canExport = exportsCache(r.builder);
  const driver = `the buildx "${r.builder.driver}" driver${r.builder.driver === 'docker' ? ' on the classic image store' : ''}`;
  const none: CacheChoice = { mode: 'none', flags: { from: [], to: [] } };
  if (r.rawFrom?.length || r.rawTo?.length) {
    let to = r.rawTo ?? [];
    if (to.length && !canExport) {
      deps.log.warning(`cache-to: ${driver} cannot export a cache; building with cache-from only (${SETUP_HINT}).`);
      to = [];
    }
    return { mode: 'registry', flags: { from: r.rawFrom ?? [], to } };
  }
  const service = deps.cache.available() && !r.act;
  const noService = `the Actions cache service is not here${r.act ? ' (running under act)' : ''}`;
  switch (r.mode) {
    case 'none':
      return none;
    case 'auto':
      if (canExport) {
        if (service) return { mode: 'gha', flags: cacheFlags('gha', r.scope) };
        return r.push ? { mode: 'registry', flags: cacheFlags('registry', r.scope) } : none;
      }
      if (!r.push) return none;
      (deps.log.notice ?? deps.log.info)(`Build cache: ${driver} exports no cache, so this build only reads an existing registry cache; ${SETUP_HINT}.`);
      return { mode: 'registry', flags: cacheFlags('registry', r.scope, true) };
    case 'gha':
    case 'local':
      if (!service) {
        deps.log.warning(`cache: ${r.mode} needs the Actions cache service, and ${noService}; building without a cache.`);
        return none;
      }
      if (!canExport) {
        deps.log.warning(`cache: ${r.mode}: ${driver} cannot export a cache; building without one (${SETUP_HINT}).`);
        return none;
      }
      return { mode: r.mode, flags: cacheFlags(r.mode, r.scope) };
    case 'registry':
      if (!canExport) {
        deps.log.warning(`cache: registry: ${driver} cannot export a cache; reading the existing registry cache only (${SETUP_HINT}).`);
        return { mode: 'registry', flags: cacheFlags('registry', r.scope, true) };
      }
      return { mode: 'registry', flags: cacheFlags('registry', r.scope) };
  }
}
