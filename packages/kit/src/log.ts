import * as core from '@actions/core';
import type { Log } from '@ensure-image/adapters';

/** The runner's log, as step functions see it. */
export const log: Log = {
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  debug: (m) => core.debug(m),
  secret: (v) => core.setSecret(v),
};
