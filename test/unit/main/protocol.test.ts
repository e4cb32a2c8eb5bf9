import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/core/rendererAssets.js';
import {
  registerAppProtocol,
  registerAppScheme,
  resolveAppFile,
  serveAppRequest,
} from '../../../electron/main/protocol.js';
import { tempDir } from '../../fixtures/book.js';
import { electron, fake } from './fakeElectron.js';

vi.mock('electron', async () => (await import('./fakeElectron.js')).electronModule());

// <tmp>/secret.txt sits next to the renderer folder <tmp>/renderer: the traversal target.
let base: string;
let rendererDir: string;
beforeAll(() => {
  base = tempDir('hostledger-protocol-');
  rendererDir = join(base, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(base, 'secret.txt'), 'the books of someone else');
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><script type="module" src="./assets/app.js"></script>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("HostLedger")');
  writeFileSync(join(rendererDir, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(rendererDir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(rendererDir, 'assets', 'NotoSansSC.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(join(rendererDir, 'assets', 'data.bin'), Buffer.from([0]));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));
beforeEach(() => fake.reset());

const get = (url: string, method = 'GET') => serveAppRequest(rendererDir, new Request(url, { method }));

describe('the app scheme', () => {
  it('is registered privileged (standard, secure, fetch) and nothing more', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('is handled by serving the renderer folder', async () => {
    registerAppProtocol(rendererDir);
    const [scheme, handler] = electron.protocol.handle.mock.calls[0];
    expect(scheme).toBe('app');
    const response = await handler(new Request('app://hostledger/index.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<!doctype html>');
  });
});

describe('serving files', () => {
  it('answers with the file, its MIME type and a strict CSP', async () => {
    const expected: [string, string][] = [
      ['app://hostledger/', 'text/html; charset=utf-8'],
      ['app://hostledger/index.html', 'text/html; charset=utf-8'],
      ['app://hostledger/assets/app.js', 'text/javascript; charset=utf-8'],
      ['app://hostledger/assets/app.css?v=2', 'text/css; charset=utf-8'],
      ['app://hostledger/assets/logo.svg', 'image/svg+xml'],
      ['app://hostledger/assets/NotoSansSC.woff2', 'font/woff2'],
      ['app://hostledger/assets/data.bin', 'application/octet-stream'],
    ];
    for (const [url, type] of expected) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('Content-Type'), url).toBe(type);
      expect(response.headers.get('Content-Security-Policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('X-Content-Type-Options'), url).toBe('nosniff');
    }
    expect(await (await get('app://hostledger/assets/app.js')).text()).toBe('console.log("HostLedger")');
  });

  it('uses a CSP that allows only the app itself', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self'",
      'connect-src': "'self'",
      'img-src': "'self' data:",
      'frame-src': 'blob:',
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
      'form-action': "'none'",
    });
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|https?:/);
  });

  it('refuses path traversal, plain or encoded, with 404', async () => {
    const attempts = [
      'app://hostledger/../secret.txt',
      'app://hostledger/assets/../../secret.txt',
      'app://hostledger/%2e%2e/secret.txt',
      'app://hostledger/..%2Fsecret.txt',
      'app://hostledger/assets/..%2F..%2Fsecret.txt',
      'app://hostledger/..%5Csecret.txt',
      'app://hostledger/%2F..%2Fsecret.txt',
      `app://hostledger/${encodeURIComponent(join(base, 'secret.txt'))}`,
      'app://hostledger/index.html%00.js',
      'app://hostledger/%E0%A4%A',
    ];
    for (const url of attempts) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('someone else');
    }
  });

  it('refuses other hosts, missing files, folders and methods other than GET', async () => {
    for (const url of ['app://evil/index.html', 'app://hostledger.evil/index.html', 'app://hostledger/missing.js', 'app://hostledger/assets/']) {
      expect((await get(url)).status, url).toBe(404);
    }
    expect((await get('app://hostledger/index.html', 'POST')).status).toBe(405);
  });

  it('maps URLs to files inside the folder only', () => {
    expect(resolveAppFile(rendererDir, 'app://hostledger/')).toBe(join(rendererDir, 'index.html'));
    expect(resolveAppFile(rendererDir, 'app://hostledger/assets/app.js')).toBe(join(rendererDir, 'assets', 'app.js'));
    expect(resolveAppFile(rendererDir, 'app://hostledger/..%2F..%2Fetc%2Fpasswd')).toBeNull();
    expect(resolveAppFile(rendererDir, 'https://hostledger/index.html')).toBeNull();
    // A Request cannot even carry credentials; the check does not rely on that.
    expect(resolveAppFile(rendererDir, 'app://x@hostledger/index.html')).toBeNull();
  });
});
