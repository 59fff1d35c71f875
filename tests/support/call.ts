import type { Core } from '../../electron/core/app/core';
import type { ApiErrorShape, ApiInput, ApiName, ApiResult, Envelope } from '../../electron/core/contract';

/** Calls through the real dispatcher and returns the value, failing the test with the error if not ok. */
export async function call<N extends ApiName>(
  core: Core,
  name: N,
  input: ApiInput<N>,
): Promise<ApiResult<N>> {
  const envelope = await core.dispatch(name, input);
  if (!envelope.ok) throw new Error(`${name} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value as ApiResult<N>;
}

/** Calls through the real dispatcher with any name and payload, expecting a failure; returns its error. */
export async function callError(core: Core, name: string, payload: unknown): Promise<ApiErrorShape> {
  const envelope = (await core.dispatch(name, payload)) as Envelope<unknown>;
  if (envelope.ok) throw new Error(`${name} unexpectedly succeeded: ${JSON.stringify(envelope.value)}`);
  return envelope.error;
}
