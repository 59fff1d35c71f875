import { describe, expect, it, vi } from 'vitest';
import { buildApiClient } from '../../electron/core/api/client';
import { createDispatcher, createIpcRouter, type Handlers } from '../../electron/core/api/dispatch';
import { createHandlers, type Services } from '../../electron/core/api/handlers';
import { API_NAMES, type ApiName, channelFor, DomainError } from '../../electron/core/contract';
import { APP_ORIGIN, isOrigin } from '../../electron/core/http/appOrigin';

const CLIENT_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

/** Handlers that record what they were called with and answer with a marker. */
function recordingHandlers(overrides: Partial<Record<ApiName, (input: unknown) => unknown>> = {}) {
  const calls: [ApiName, unknown][] = [];
  const handlers = Object.fromEntries(
    API_NAMES.map((name) => [
      name,
      (input: unknown) => {
        calls.push([name, input]);
        const override = overrides[name];
        return override ? override(input) : { handled: name };
      },
    ]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

describe('createDispatcher', () => {
  it('validates the payload and passes the parsed value (with defaults) to the handler', async () => {
    const { handlers, calls } = recordingHandlers();
    const dispatch = createDispatcher(handlers, vi.fn());
    expect(await dispatch('clients.search', { query: 'jo' })).toEqual({
      ok: true,
      value: { handled: 'clients.search' },
    });
    expect(calls).toEqual([
      [
        'clients.search',
        { query: 'jo', status: 'active', sort: 'name-asc', offset: 0, limit: 100, withTotal: true },
      ],
    ]);
  });

  it('awaits async handlers', async () => {
    const { handlers } = recordingHandlers({ 'clients.get': async () => ({ later: true }) });
    expect(await createDispatcher(handlers, vi.fn())('clients.get', { id: CLIENT_ID })).toEqual({
      ok: true,
      value: { later: true },
    });
  });

  it('refuses unknown names without running any handler', async () => {
    const { handlers, calls } = recordingHandlers();
    const dispatch = createDispatcher(handlers, vi.fn());
    for (const name of ['nope', 'clients.drop', 'toString', '__proto__', 'constructor', 'valueOf', '']) {
      expect(await dispatch(name, {})).toEqual({
        ok: false,
        error: { code: 'UNKNOWN_CALL', message: `Unknown call "${name}"`, issues: [] },
      });
    }
    expect(await dispatch(undefined as unknown as string, {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CALL' },
    });
    expect(calls).toEqual([]);
  });

  it('refuses an invalid payload without running the handler', async () => {
    const { handlers, calls } = recordingHandlers();
    const dispatch = createDispatcher(handlers, vi.fn());
    const result = await dispatch('clients.get', { id: 'x' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'Please check "id": Not a valid client id',
        issues: [{ path: 'id', message: 'Not a valid client id' }],
      },
    });
    expect(calls).toEqual([]);
  });

  it('joins nested issue paths with dots', async () => {
    const { handlers } = recordingHandlers();
    const result = await createDispatcher(handlers, vi.fn())('clients.update', {
      id: CLIENT_ID,
      fields: {
        firstName: 'A',
        lastName: 'B',
        emergencyContact: { phone: 'no' },
        skinConcerns: ['acne', 'bad'],
      },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.issues.map((i) => i.path)).toEqual([
        'fields.emergencyContact.phone',
        'fields.skinConcerns.1',
      ]);
    }
  });

  it('maps a DomainError to its own code, message and issues, without logging', async () => {
    const log = vi.fn();
    const issues = [{ path: 'answers.0', message: 'Please answer' }];
    const { handlers } = recordingHandlers({
      'clients.get': () => {
        throw new DomainError('NOT_FOUND', 'That client no longer exists.');
      },
      'history.save': () => {
        throw new DomainError('VALIDATION', '1 answer needs attention', issues);
      },
      'clients.update': () => {
        throw new DomainError('CONFLICT', 'Changed elsewhere');
      },
    });
    const dispatch = createDispatcher(handlers, log);
    expect(await dispatch('clients.get', { id: CLIENT_ID })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'That client no longer exists.', issues: [] },
    });
    expect(await dispatch('history.save', { clientId: CLIENT_ID, answers: [] })).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: '1 answer needs attention', issues },
    });
    expect(
      await dispatch('clients.update', { id: CLIENT_ID, fields: { firstName: 'A', lastName: 'B' } }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(log).not.toHaveBeenCalled();
  });

  it.each([
    ['a plain Error', () => new Error('SQLITE_IOERR: disk I/O error at /secret/path')],
    ['a TypeError', () => new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a thrown string', () => 'raw string'],
    ['a rejected promise', () => Promise.reject(new Error('async failure'))],
  ])('hides %s behind INTERNAL with a generic message and logs it', async (_label, failure) => {
    const log = vi.fn();
    const thrown = failure();
    const { handlers } = recordingHandlers({
      'clients.get': () => {
        if (thrown instanceof Promise) return thrown;
        throw thrown;
      },
    });
    const result = await createDispatcher(handlers, log)('clients.get', { id: CLIENT_ID });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'Something went wrong; nothing was changed. Please try again.',
        issues: [],
      },
    });
    expect(JSON.stringify(result)).not.toMatch(/secret|SQLITE|undefined|raw string|async failure/);
    expect(log).toHaveBeenCalledTimes(1);
    if (thrown instanceof Promise) expect(log.mock.calls[0]![0]).toEqual(new Error('async failure'));
    else expect(log.mock.calls[0]![0]).toBe(thrown);
  });

  it('logs to console.error by default', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const boom = new Error('boom');
      const { handlers } = recordingHandlers({
        'clients.get': () => {
          throw boom;
        },
      });
      await createDispatcher(handlers)('clients.get', { id: CLIENT_ID });
      expect(spy).toHaveBeenCalledWith(boom);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('createIpcRouter', () => {
  const trusted = (url: string) => isOrigin(url, APP_ORIGIN);

  it('routes a trusted sender’s call on a dermachart: channel to the dispatcher', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'done' }));
    const route = createIpcRouter(dispatch, trusted);
    expect(
      await route(channelFor('clients.get'), { id: CLIENT_ID }, 'app://dermachart/index.html#/clients'),
    ).toEqual({
      ok: true,
      value: 'done',
    });
    expect(dispatch).toHaveBeenCalledWith('clients.get', { id: CLIENT_ID });
  });

  it.each([
    '',
    'https://evil.example/',
    'app://dermachart.evil.example/',
    'app://evil/index.html',
    'http://dermachart/',
    'file:///tmp/dermachart/index.html',
    'devtools://devtools/bundled/inspector.html',
    'not a url',
  ])('refuses sender %j with FORBIDDEN before looking at the channel', async (senderUrl) => {
    const dispatch = vi.fn();
    const isTrusted = vi.fn(trusted);
    const route = createIpcRouter(dispatch, isTrusted);
    expect(await route(channelFor('clients.search'), {}, senderUrl)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'This window may not call Dermachart', issues: [] },
    });
    expect(isTrusted).toHaveBeenCalledWith(senderUrl);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it.each(['clients.search', 'other:clients.search', 'dermachart', 'Dermachart:clients.search', ''])(
    'refuses channel %j without the dermachart: prefix',
    async (channel) => {
      const dispatch = vi.fn();
      const route = createIpcRouter(dispatch, trusted);
      expect(await route(channel, {}, 'app://dermachart/')).toEqual({
        ok: false,
        error: { code: 'UNKNOWN_CALL', message: 'Unknown channel', issues: [] },
      });
      expect(dispatch).not.toHaveBeenCalled();
    },
  );

  it('refuses a non-string channel', async () => {
    const dispatch = vi.fn();
    const route = createIpcRouter(dispatch, trusted);
    expect(await route(42 as unknown as string, {}, 'app://dermachart/')).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CALL' },
    });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('leaves unknown names after the prefix to the real dispatcher', async () => {
    const { handlers, calls } = recordingHandlers();
    const route = createIpcRouter(createDispatcher(handlers, vi.fn()), trusted);
    expect(await route('dermachart:clients.nuke', {}, 'app://dermachart/')).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CALL', message: 'Unknown call "clients.nuke"' },
    });
    expect(calls).toEqual([]);
  });
});

describe('isOrigin', () => {
  it.each([
    ['app://dermachart/index.html', true],
    ['app://dermachart', true],
    ['app://dermachart/deep/path?x=1#y', true],
    ['app://dermachart:8080/', false],
    ['app://dermachart@evil/', false],
    ['app://dermachart.evil/', false],
    ['apps://dermachart/', false],
    ['', false],
    ['::::', false],
  ])('%j is the app origin: %s', (url, expected) => {
    expect(isOrigin(url, APP_ORIGIN)).toBe(expected);
  });

  it('compares http origins including the port', () => {
    expect(isOrigin('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true);
    expect(isOrigin('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isOrigin('https://localhost:5173/', 'http://localhost:5173')).toBe(false);
  });
});

describe('buildApiClient', () => {
  it('exposes exactly the contract’s names as nested methods, and nothing else', () => {
    const api = buildApiClient(vi.fn()) as unknown as Record<string, Record<string, unknown>>;
    const exposed = Object.entries(api).flatMap(([ns, methods]) =>
      Object.keys(methods).map((m) => `${ns}.${m}`),
    );
    expect(exposed.sort()).toEqual([...API_NAMES].sort());
    expect(Object.keys(api).sort()).toEqual([
      'aftercare',
      'catalogue',
      'clients',
      'consents',
      'documents',
      'history',
      'photos',
      'sessions',
      'settings',
    ]);
    for (const ns of Object.values(api)) {
      for (const method of Object.values(ns)) expect(typeof method).toBe('function');
    }
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('send');
  });

  it('is frozen at both levels', () => {
    const api = buildApiClient(vi.fn()) as unknown as Record<string, Record<string, unknown>>;
    expect(Object.isFrozen(api)).toBe(true);
    for (const ns of Object.values(api)) expect(Object.isFrozen(ns)).toBe(true);
    expect(() => {
      api.clients!.search = () => 'hijacked';
    }).toThrow(TypeError);
    expect(() => {
      api.admin = {};
    }).toThrow(TypeError);
    expect(Object.keys(api)).not.toContain('admin');
  });

  it('sends each method’s contract name and payload, and returns what the transport answers', async () => {
    const send = vi.fn(async (name: ApiName, payload: unknown) => ({ ok: true, value: { name, payload } }));
    const api = buildApiClient(send);
    expect(await api.clients.get({ id: CLIENT_ID })).toEqual({
      ok: true,
      value: { name: 'clients.get', payload: { id: CLIENT_ID } },
    });
    await api.history.save({ clientId: CLIENT_ID, answers: [] });
    expect(send.mock.calls.map((c) => c[0])).toEqual(['clients.get', 'history.save']);
    for (const name of API_NAMES) {
      const [ns, method] = name.split('.') as [string, string];
      send.mockClear();
      await (api as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>)[ns]![
        method
      ]!({ n: name });
      expect(send).toHaveBeenCalledExactlyOnceWith(name, { n: name });
    }
  });
});

describe('createHandlers', () => {
  it('binds every contract name to the matching service method', async () => {
    const services = {
      clients: {
        search: vi.fn(() => 'search'),
        get: vi.fn(() => 'get'),
        create: vi.fn(() => 'create'),
        update: vi.fn(() => 'update'),
        setArchived: vi.fn(() => 'archived'),
      },
      history: { get: vi.fn(() => 'history.get'), save: vi.fn(() => 'history.save') },
    } as unknown as Services;
    const h = createHandlers(services) as unknown as Record<ApiName, (input: unknown) => unknown>;
    expect(Object.keys(h).sort()).toEqual([...API_NAMES].sort());
    const fields = { firstName: 'A' };
    h['clients.search']({ query: 'x' });
    h['clients.get']({ id: 'i1' });
    h['clients.create'](fields);
    h['clients.update']({ id: 'i2', fields });
    h['clients.archive']({ id: 'i3' });
    h['clients.restore']({ id: 'i4' });
    h['history.get']({ clientId: 'c' });
    h['history.save']({ clientId: 'c', answers: [] });
    expect(services.clients.search).toHaveBeenCalledWith({ query: 'x' });
    expect(services.clients.get).toHaveBeenCalledWith('i1');
    expect(services.clients.create).toHaveBeenCalledWith(fields);
    expect(services.clients.update).toHaveBeenCalledWith('i2', fields);
    expect(services.clients.setArchived).toHaveBeenNthCalledWith(1, 'i3', true);
    expect(services.clients.setArchived).toHaveBeenNthCalledWith(2, 'i4', false);
    expect(services.history.get).toHaveBeenCalledWith({ clientId: 'c' });
    expect(services.history.save).toHaveBeenCalledWith({ clientId: 'c', answers: [] });
  });
});
