import type { Ecr } from '@ensure-image/adapters/aws';
import type { Docker } from '@ensure-image/adapters/docker';
import type { Log } from '@ensure-image/adapters/log';
import { ECR_PUBLIC_HOSTS, type LoginPlan, ecrHost } from '@ensure-image/core';

export interface LoginDeps {
  ecr: () => Promise<Ecr>;
  docker: Docker;
  log: Log;
}

export interface LoginResult {
  /** Every host logged in to, private first. */
  hosts: string[];
  /** The credentials docker got, host by host (secrets: keep them out of logs and outputs). */
  credentials: { host: string; username: string; password: string }[];
  /** The first private registry host, if any. */
  registry: string;
}

/**
 * Log docker in to every registry of the plan: one GetAuthorizationToken per region for the
 * private registries, one ECR Public token. Each password is masked before anything runs.
 * `onLogin` hears of each host as soon as docker holds it, so a later failure still logs out.
 */
export interface LoginOptions {
  /** Register each password as a secret (default true). */
  mask?: boolean;
  /** Hears of each host as soon as docker holds its login. */
  onLogin?: (host: string) => void;
}

export async function login(plan: LoginPlan, deps: LoginDeps, o: LoginOptions = {}): Promise<LoginResult> {
  const ecr = await deps.ecr();
  const byRegion = new Map<string, typeof plan.private>();
  for (const p of plan.private) byRegion.set(p.region, [...(byRegion.get(p.region) ?? []), p]);

  // Every token call at once (one per region, one for ECR Public); each password is masked
  // as soon as it arrives, before anything can print it.
  const mask = <T extends { password: string }>(t: T): T => {
    if (o.mask !== false) deps.log.secret(t.password);
    return t;
  };
  const privateLogins = Promise.all(
    [...byRegion].map(async ([region, logins]) => {
      const accounts = logins.map((l) => l.account).filter((a) => a !== '');
      const tokens = (await ecr.privateTokens(region, accounts)).map(mask);
      // The caller's default registry is known only from the token ECR hands back.
      const targets = accounts.length === 0 ? tokens.map((t) => ({ host: ecrHost({ account: t.account, region }), account: t.account })) : logins;
      return targets.map((l) => {
        const token = tokens.find((t) => t.account === l.account);
        if (!token) throw new Error(`ECR returned no token for account ${l.account} in ${region}`);
        return { host: l.host, username: token.username, password: token.password };
      });
    }),
  );
  const publicLogin = plan.public === undefined ? undefined : ecr.publicToken().then((t) => ({ host: plan.public as string, ...mask(t) }));
  const [byRegionLogins, pub] = await Promise.all([privateLogins, publicLogin]);

  // docker logins one after another: concurrent ones would race on the docker config file.
  const credentials: LoginResult['credentials'] = [];
  for (const c of [...byRegionLogins.flat(), ...(pub ? [pub] : [])]) {
    await deps.docker.login(c.host, c.username, c.password);
    credentials.push({ host: c.host, username: c.username, password: c.password });
    o.onLogin?.(c.host);
    deps.log.info(`Logged in to ${c.host}`);
  }
  const hosts = credentials.map((c) => c.host);
  return { hosts, credentials, registry: hosts.find((h) => !ECR_PUBLIC_HOSTS.includes(h.toLowerCase())) ?? '' };
}

/** Log out of every host; collect failures and report them once at the end. */
export async function logout(hosts: readonly string[], deps: { docker: Docker; log: Log }): Promise<void> {
  const failures: string[] = [];
  for (const host of hosts) {
    try {
      await deps.docker.logout(host);
      deps.log.info(`Logged out of ${host}`);
    } catch (e) {
      failures.push((e as Error).message);
    }
  }
  if (failures.length > 0) throw new Error(`Logout failed for ${failures.length} of ${hosts.length} registries:\n${failures.join('\n')}`);
}

/** Log docker in to a non-ECR registry with a user name and password (masked first, sent on stdin). */
export async function basicLogin(host: string, creds: { username: string; password: string }, deps: { docker: Docker; log: Log }): Promise<void> {
  deps.log.secret(creds.password);
  await deps.docker.login(host, creds.username, creds.password);
  deps.log.info(`Logged in to ${host}`);
}
