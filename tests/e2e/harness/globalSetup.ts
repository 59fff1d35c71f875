import { electronBinary, NO_ELECTRON_REASON } from './electronBinary';

/** Says once, plainly, why the Electron smoke test will not run on this machine. */
export default function globalSetup() {
  if (!electronBinary()) console.log(NO_ELECTRON_REASON);
}
