import { runAction } from '@ensure-image/runner';
import { run } from './main.js';

await runAction(run);
