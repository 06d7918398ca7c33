import { debug, setFailed } from './runner.js';
import { isPost, markMainRan } from './state.js';

export type ActionMain = () => Promise<void>;

/**
 * The one entry point of every action: runs `main`, or `post` when the runner calls the
 * action again after the job, and turns any error into one clear failed-step message.
 */
export async function runAction(main: ActionMain, post?: ActionMain): Promise<void> {
  const inPost = post !== undefined && isPost();
  try {
    if (inPost) {
      await post();
    } else {
      if (post !== undefined) markMainRan();
      await main();
    }
  } catch (e) {
    if (e instanceof Error) debug(e.stack ?? e.message);
    setFailed(e instanceof Error ? e.message : String(e));
  }
}
