import { runAction } from '@ensure-image/kit';
import { post, run } from './main.js';

await runAction(run, post);
