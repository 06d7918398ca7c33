// The image arrives as config (`pulumi up --config backendImage=<repo>@sha256:...`): the task
// definition pins the exact manifest CI checked or pushed, and a new digest is a new revision.
import * as pulumi from '@pulumi/pulumi';

const config = new pulumi.Config();
const backendImage = config.require('backendImage');
if (!/@sha256:[a-f0-9]{64}$/.test(backendImage)) throw new Error(`backendImage must be pinned by digest, got ${backendImage}`);

export const containerDefinitions = JSON.stringify([{ name: 'backend', image: backendImage, essential: true }]);
