import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, createStaticHandler } from '../../electron/core/http/staticFiles';

const SECRET = 'TOP-SECRET-PATIENT-DATA';
const INDEX = '<!doctype html><title>Dermachart</title>';

describe('createStaticHandler', () => {
  let dir: string;
  let root: string;
  let handle: (request: Request) => Promise<Response>;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dermachart-static-'));
    root = join(dir, 'renderer');
    mkdirSync(join(root, 'assets', 'nested'), { recursive: true });
    writeFileSync(join(root, 'index.html'), INDEX);
    const files: Record<string, string> = {
      'assets/app.js': 'console.log(1)',
      'assets/chunk.mjs': 'export {}',
      'assets/app.css': 'body{}',
      'assets/data.json': '{"a":1}',
      'assets/icon.svg': '<svg/>',
      'assets/logo.png': 'png',
      'assets/favicon.ico': 'ico',
      'assets/font.woff2': 'woff2',
      'assets/font.woff': 'woff',
      'assets/blob.bin': 'bin',
      'assets/nested/deep.js': 'deep',
      'with space.txt': 'spaced',
    };
    for (const [path, body] of Object.entries(files)) writeFileSync(join(root, path), body);
    // Files outside the root that must never be served.
    writeFileSync(join(dir, 'secret.txt'), SECRET);
    mkdirSync(join(dir, 'renderer-evil'));
    writeFileSync(join(dir, 'renderer-evil', 'secret.txt'), SECRET);
    handle = createStaticHandler(root);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const get = (path: string, base = 'app://dermachart') => handle(new Request(`${base}${path}`));

  it('serves index.html for "/" with the security headers', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(INDEX);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('has a CSP that allows only the app’s own scripts and no plugins, frames or form posts', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => {
        const [name, ...values] = d.split(' ');
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['form-action']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('serves the same file over http for the test harness', async () => {
    const response = await get('/index.html', 'http://localhost:4173');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(INDEX);
  });

  it.each([
    ['/index.html', 'text/html; charset=utf-8'],
    ['/assets/app.js', 'text/javascript; charset=utf-8'],
    ['/assets/chunk.mjs', 'text/javascript; charset=utf-8'],
    ['/assets/app.css', 'text/css; charset=utf-8'],
    ['/assets/data.json', 'application/json'],
    ['/assets/icon.svg', 'image/svg+xml'],
    ['/assets/logo.png', 'image/png'],
    ['/assets/favicon.ico', 'image/x-icon'],
    ['/assets/font.woff2', 'font/woff2'],
    ['/assets/font.woff', 'font/woff'],
    ['/assets/blob.bin', 'application/octet-stream'],
  ])('serves %s as %s with the CSP', async (path, type) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('serves nested files, ignores the query and hash, and decodes escaped names', async () => {
    expect(await (await get('/assets/nested/deep.js')).text()).toBe('deep');
    expect(await (await get('/assets/app.js?v=123#top')).text()).toBe('console.log(1)');
    expect(await (await get('/with%20space.txt')).text()).toBe('spaced');
    expect(await (await get('/assets/nested/../app.css')).text()).toBe('body{}');
  });

  it('answers HEAD with headers and no body', async () => {
    const response = await handle(new Request('app://dermachart/assets/app.js', { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.body).toBeNull();
  });

  it.each(['/missing.js', '/assets', '/assets/', '/assets/nested/', '/index.htm', '/clients/123'])(
    'answers 404 for %s (missing file or a folder)',
    async (path) => {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-security-policy')).toBeNull();
    },
  );

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('answers %s with 405', async (method) => {
    const response = await handle(
      new Request('app://dermachart/index.html', { method, body: method === 'OPTIONS' ? null : 'x' }),
    );
    expect(response.status).toBe(405);
    expect(await response.text()).toBe('');
  });

  describe('never serves a file outside the root', () => {
    it.each([
      '/../secret.txt',
      '/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/.%2e/secret.txt',
      '/..%2fsecret.txt',
      '/..%2Fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '/....//secret.txt',
      '//..//secret.txt',
      '/%2f..%2fsecret.txt',
      '/..%2frenderer-evil/secret.txt',
      '/%2e%2e%2frenderer-evil%2fsecret.txt',
      '/%252e%252e/secret.txt',
      '/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/passwd',
      '/%00',
      '/index.html%00.png',
      '/..%00/secret.txt',
      '/%E0%A4%A',
      '/%',
      '/%zz/secret.txt',
      '/%C0%AE%C0%AE/secret.txt',
    ])('%s', async (path) => {
      for (const base of ['app://dermachart', 'http://localhost:4173']) {
        const response = await get(path, base);
        expect([400, 404], `${base}${path} -> ${response.status}`).toContain(response.status);
        expect(await response.text()).not.toContain(SECRET);
      }
    });

    it('refuses an absolute path smuggled in encoded form', async () => {
      const response = await get(`/${encodeURIComponent(join(dir, 'secret.txt'))}`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain(SECRET);
    });

    it('answers 400 for an encoded NUL and for malformed percent-encoding', async () => {
      expect((await get('/%00')).status).toBe(400);
      expect((await get('/index.html%00.png')).status).toBe(400);
      expect((await get('/%E0%A4%A')).status).toBe(400);
      expect((await get('/%')).status).toBe(400);
    });

    it('does serve the secret through a handler rooted one level up (so the checks above can fail)', async () => {
      const outer = createStaticHandler(dir);
      const response = await outer(new Request('app://dermachart/secret.txt'));
      expect(await response.text()).toBe(SECRET);
    });
  });
});
