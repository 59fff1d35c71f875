import { API_NAMES, type ApiName, type DermachartApi } from '../contract';

/** Sends one call to the other side; the preload uses ipcRenderer.invoke, the test harness a Playwright binding. */
export type Transport = (channel: string, payload: unknown) => Promise<unknown>;

/**
 * Builds window.dermachart from the contract's list of names: one named method per call and nothing else,
 * so the renderer has no generic invoke(channel) to abuse.
 */
export function buildApiClient(send: (name: ApiName, payload: unknown) => Promise<unknown>): DermachartApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const name of API_NAMES) {
    const [ns, method] = name.split('.') as [string, string];
    api[ns] ??= {};
    api[ns][method] = (input: unknown) => send(name, input);
  }
  for (const ns of Object.values(api)) Object.freeze(ns);
  return Object.freeze(api) as unknown as DermachartApi;
}
