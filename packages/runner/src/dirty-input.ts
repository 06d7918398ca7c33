import { DIRTY_MODES } from '@ensure-image/core';
import { input } from './declare.js';

/** `dirty`: what an action does when the image's inputs hold uncommitted changes (root, build-push, resolve-tag, plan). */
export const DIRTY_INPUT = { dirty: input.choice(DIRTY_MODES, 'warn') };
