import { runAction } from '@ensure-image/kit';
import { main } from './main.js';

await runAction(main);
