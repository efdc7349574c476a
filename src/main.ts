// Action entry (bundled to dist/index.js): runs the action, nothing else.
import { runAction } from './action/run.js';

await runAction();
