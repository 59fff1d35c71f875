import type { z } from 'zod';
import {
  type ApiErrorShape,
  type ApiName,
  type ApiParsedInput,
  type ApiResult,
  CHANNEL_PREFIX,
  contract,
  DomainError,
  type Envelope,
} from '../contract';

export type Handlers = { [N in ApiName]: (input: ApiParsedInput<N>) => ApiResult<N> | Promise<ApiResult<N>> };
export type Dispatch = (name: string, payload: unknown) => Promise<Envelope<unknown>>;

export function issuesFromZod(error: z.ZodError): ApiErrorShape['issues'] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

function isApiName(name: string): name is ApiName {
  return Object.hasOwn(contract, name);
}

/**
 * The single entry point for every call, used by Electron's ipcMain and by the test harness alike:
 * unknown names and invalid payloads are refused before any handler runs, and every failure becomes an
 * error envelope, never an exception that crosses the bridge.
 */
export function createDispatcher(
  handlers: Handlers,
  log: (error: unknown) => void = console.error,
): Dispatch {
  return async (name, payload) => {
    if (typeof name !== 'string' || !isApiName(name)) {
      return fail({ code: 'UNKNOWN_CALL', message: `Unknown call "${String(name)}"`, issues: [] });
    }
    const parsed = contract[name].input.safeParse(payload);
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error);
      const first = issues[0];
      const message = first
        ? `Please check ${first.path ? `"${first.path}"` : 'the form'}: ${first.message}`
        : 'Invalid input';
      return fail({ code: 'VALIDATION', message, issues });
    }
    try {
      const handler = handlers[name] as (input: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof DomainError) {
        return fail({ code: error.code, message: error.message, issues: error.issues });
      }
      log(error);
      return fail({
        code: 'INTERNAL',
        message: 'Something went wrong; nothing was changed. Please try again.',
        issues: [],
      });
    }
  };
}

function fail(error: ApiErrorShape): Envelope<never> {
  return { ok: false, error };
}

/**
 * Routes an IPC message from a channel name to the dispatcher, after checking the sender. Main passes the
 * sending frame's URL; the test harness passes the page's URL.
 */
export function createIpcRouter(dispatch: Dispatch, isTrustedSender: (senderUrl: string) => boolean) {
  return async (channel: string, payload: unknown, senderUrl: string): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(senderUrl)) {
      return fail({ code: 'FORBIDDEN', message: 'This window may not call Dermachart', issues: [] });
    }
    if (typeof channel !== 'string' || !channel.startsWith(CHANNEL_PREFIX)) {
      return fail({ code: 'UNKNOWN_CALL', message: 'Unknown channel', issues: [] });
    }
    return dispatch(channel.slice(CHANNEL_PREFIX.length), payload);
  };
}
