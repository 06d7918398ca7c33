import type { Log } from '@ensure-image/adapters/log';
import * as runner from './runner.js';

/** The runner's log, as step functions see it. */
export const log: Log = {
  info: runner.info,
  warning: runner.warning,
  debug: runner.debug,
  notice: runner.notice,
  secret: runner.setSecret,
};
