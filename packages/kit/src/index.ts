export { runAction, type ActionMain } from './run.js';
export { getInput, getMultiline } from './inputs.js';
export { setOutputs } from './outputs.js';
export { saveState, getState } from './state.js';
export { writeSummary, type SummaryRow } from './summary.js';
export { isAct, workspace } from './env.js';
export { log } from './log.js';
export { readImageInputs, readCredentials } from './image-inputs.js';
export { readBuildPlan, readCacheMode, readContext } from './build-inputs.js';
