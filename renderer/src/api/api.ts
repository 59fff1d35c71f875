import { type ApiName, type ApiResult, type DermachartApi, unwrap } from '@contract';

declare global {
  interface Window {
    /** Built by the preload from the API contract; the renderer's only way to reach the records. */
    dermachart: DermachartApi;
  }
}

type Unwrapped = {
  [NS in keyof DermachartApi]: {
    [M in keyof DermachartApi[NS]]: DermachartApi[NS][M] extends (input: infer I) => Promise<unknown>
      ? (input: I) => Promise<ApiResult<`${NS & string}.${M & string}` & ApiName>>
      : never;
  };
};

/**
 * window.dermachart with every failed envelope thrown as an ApiError, so screens can use try/catch and
 * show error.message (written for the practitioner) and error.issues (per field).
 */
export const api = new Proxy({} as Unwrapped, {
  get(_target, ns: string) {
    const group = window.dermachart[ns as keyof DermachartApi] as unknown as Record<
      string,
      (i: unknown) => Promise<never>
    >;
    return new Proxy(
      {},
      {
        get: (_t, method: string) => async (input: unknown) => unwrap(await group[method]!(input)),
      },
    );
  },
});
