// The hosts docker was logged in to, kept in the step state for the post step; one post
// step (log out of each) for ecr-login and the all-in-one action.
import { type Docker, DockerCli } from '@ensure-image/adapters/docker';
import type { Log } from '@ensure-image/adapters/log';
import { log } from './log.js';
import { getState, saveState } from './state.js';

const LOGGED_IN = 'registries';

/** A callback for each host docker now holds a login for; saved at once, so a later failure still logs out. `save: false` keeps nothing (skip-logout). */
export function trackLogins(save = true): (host: string) => void {
  const hosts: string[] = [];
  return (host) => {
    hosts.push(host);
    if (save) saveState(LOGGED_IN, hosts);
  };
}

export type Logout = (hosts: readonly string[], deps: { docker: Docker; log: Log }) => Promise<void>;

/** The post step: log out of every host the main step logged in to (nothing saved: nothing to do). */
export async function logoutSaved(logout: Logout, docker: Docker = new DockerCli()): Promise<void> {
  const hosts = getState<string[]>(LOGGED_IN) ?? [];
  if (hosts.length > 0) await logout(hosts, { docker, log });
}
