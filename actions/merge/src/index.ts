import { runAction } from '@ensure-image/kit';
import { run } from './main.js';

await runAction(run);
