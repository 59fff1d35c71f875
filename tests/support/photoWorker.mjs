// Loads the TypeScript photo worker in a worker thread for tests and the benchmark; the app loads the
// built photoWorker.js from its bundle instead. Both of tsx's loaders: Node may load the .ts file as CommonJS.
import { register as registerCommonJs } from 'tsx/cjs/api';
import { register as registerEsm } from 'tsx/esm/api';

registerEsm();
registerCommonJs();
const worker = await import('../../electron/core/domain/photos/photoWorker.ts');
export default worker.default.default ?? worker.default;
