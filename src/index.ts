import { runAction } from '@ensure-image/kit';
import { main, post } from './main.js';

await runAction(main, post);
