// Browser mode's transport (DESIGN §2) against a real backend and a real server on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/api/envelope.js';
import type { Client } from '../../../shared/domain/client.js';
import { CONTENT_SECURITY_POLICY } from '../../../electron/core/rendererAssets.js';
import { call, INDEX_HTML, rawRequest, SECRET_BESIDE_STATIC, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const errorCode = (json: unknown) => (json as Envelope<unknown> & { ok: false }).error.code;

describe('transport checks', () => {
  it('refuses a call without a token with 401', async () => {
    const response = await rawRequest(h.port, { method: 'POST', path: '/api/app.info' });
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  it('refuses a wrong token with 401', async () => {
    for (const authorization of ['Bearer nope', `Bearer ${h.token}x`, `Bearer ${h.token.slice(1)}`, `Basic ${h.token}`, h.token]) {
      const response = await rawRequest(h.port, { method: 'POST', path: '/api/app.info', headers: { Authorization: authorization } });
      expect(response.status, authorization).toBe(401);
    }
  });

  it('refuses a foreign Origin with 403, even with the right token', async () => {
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${h.port + 1}`, `https://127.0.0.1:${h.port}`, `http://127.0.0.1.evil.example:${h.port}`]) {
      const response = await call(h, 'app.info', undefined, { Origin: origin });
      expect(response.status, origin).toBe(403);
    }
  });

  it('refuses a foreign Host with 403 on the API and on static files (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${h.port}`, `127.0.0.1:${h.port + 1}`, '127.0.0.1', `[::1]:${h.port}`]) {
      expect((await call(h, 'app.info', undefined, { Host: host })).status, host).toBe(403);
      expect((await rawRequest(h.port, { path: '/', headers: { Host: host } })).status, host).toBe(403);
    }
  });

  it('accepts calls without Origin, and from its own origin by either name', async () => {
    expect((await call(h, 'app.info')).json).toMatchObject({ ok: true });
    for (const name of ['127.0.0.1', 'localhost']) {
      const own = `${name}:${h.port}`;
      const response = await call(h, 'app.info', undefined, { Host: own, Origin: `http://${own}` });
      expect(response.status, own).toBe(200);
      expect(response.json).toMatchObject({ ok: true });
    }
  });

  it('answers another HTTP method than POST on an API method with 405 and Allow', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'OPTIONS']) {
      const response = await rawRequest(h.port, { method, path: '/api/clients.get', headers: { Authorization: `Bearer ${h.token}` } });
      expect(response.status, method).toBe(405);
      expect(response.headers.allow).toBe('POST');
    }
    const events = await rawRequest(h.port, { method: 'POST', path: '/api/events', headers: { Authorization: `Bearer ${h.token}` } });
    expect(events.status).toBe(405);
    expect(events.headers.allow).toBe('GET');
  });

  it('refuses a body over 1 MiB with 413, declared or chunked', async () => {
    const body = JSON.stringify({ query: 'x'.repeat(Math.round(1.1 * 1024 * 1024)) });
    const declared = await rawRequest(h.port, { method: 'POST', path: '/api/clients.search', headers: { Authorization: `Bearer ${h.token}` }, body });
    expect(declared.status).toBe(413);
    const chunked = await rawRequest(h.port, {
      method: 'POST',
      path: '/api/clients.search',
      headers: { Authorization: `Bearer ${h.token}`, 'Transfer-Encoding': 'chunked' },
      body,
    });
    expect(chunked.status).toBe(413);
    // The server is still fine afterwards.
    expect((await call(h, 'app.info')).json).toMatchObject({ ok: true });
  });

  it('accepts a body of exactly 1 MiB', async () => {
    const json = JSON.stringify({ query: 'nobody' });
    const body = json + ' '.repeat(1024 * 1024 - json.length);
    const response = await rawRequest(h.port, { method: 'POST', path: '/api/clients.search', headers: { Authorization: `Bearer ${h.token}` }, body });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ ok: true, value: { items: [], nextCursor: null } });
  });
});

describe('calls', () => {
  it('answers malformed JSON with HTTP 200 and an invalid_input envelope', async () => {
    for (const body of ['{"name":', 'not json', Buffer.from([0x7b, 0xff, 0x7d])]) {
      const response = await rawRequest(h.port, { method: 'POST', path: '/api/clients.create', headers: { Authorization: `Bearer ${h.token}` }, body });
      expect(response.status).toBe(200);
      expect(errorCode(JSON.parse(response.body))).toBe('invalid_input');
    }
  });

  it('treats an empty body as no input', async () => {
    const response = await call(h, 'app.info');
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ ok: true, value: { schemaVersion: expect.any(Number), version: expect.any(String) } });
  });

  it('answers unknown methods, inherited names included, with HTTP 200 and not_found', async () => {
    for (const method of ['clients.nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'clients/get']) {
      const response = await call(h, method, {});
      expect(response.status, method).toBe(200);
      expect(errorCode(response.json), method).toBe('not_found');
    }
  });

  it('passes validation errors through as the envelope', async () => {
    const response = await call(h, 'clients.create', { name: 'Ada', currency: 'USD', surprise: true });
    expect(response.status).toBe(200);
    expect(errorCode(response.json)).toBe('invalid_input');
  });

  it('creates, gets and searches a client over HTTP', async () => {
    const created = (await call(h, 'clients.create', { name: 'Kaer Cloud Ltd', email: 'billing@kaer.example', currency: 'cny' })).json as Envelope<Client>;
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value).toMatchObject({ name: 'Kaer Cloud Ltd', currency: 'CNY', version: 1 });

    expect((await call(h, 'clients.get', { id: created.value.id })).json).toEqual({ ok: true, value: created.value });
    expect((await call(h, 'clients.search', { query: 'kaer' })).json).toEqual({ ok: true, value: { items: [{ ...created.value, risk: null }], nextCursor: null } });
    expect(errorCode((await call(h, 'clients.get', { id: 'cl_doesnotexist1' })).json)).toBe('not_found');
  });

  it('sends the security headers with API answers too', async () => {
    const response = await call(h, 'app.info');
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');
  });
});

describe('events', () => {
  const openStream = (token = h.token, signal?: AbortSignal) =>
    fetch(`${h.server.url}api/events`, { headers: { Authorization: `Bearer ${token}` }, signal });

  it('refuses the stream without the token', async () => {
    expect((await openStream('wrong')).status).toBe(401);
  });

  it('streams clients.changed after a create, and unsubscribes when the client goes away', async () => {
    const before = h.subscribers();
    const abort = new AbortController();
    const response = await openStream(h.token, abort.signal);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(h.subscribers()).toBe(before + 1);

    const created = (await call(h, 'clients.create', { name: 'Streamed Ltd', currency: 'EUR' })).json as Envelope<Client>;
    if (!created.ok) throw new Error(created.error.message);

    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes('\n\n')) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the event stream ended');
      text += value;
    }
    const [first] = text.split('\n\n');
    expect(first.startsWith('data: ')).toBe(true);
    expect(JSON.parse(first.slice('data: '.length))).toEqual({ name: 'clients.changed', payload: { id: created.value.id, change: 'created' } });

    abort.abort();
    await expect.poll(() => h.subscribers()).toBe(before);
  });
});

describe('closing', () => {
  it('ends open event streams and their subscriptions, so close() does not wait for clients', async () => {
    const other = await startHarness();
    const response = await fetch(`${other.server.url}api/events`, { headers: { Authorization: `Bearer ${other.token}` } });
    expect(other.subscribers()).toBe(1);
    await other.close();
    expect(other.subscribers()).toBe(0);
    expect(await response.body!.getReader().read()).toEqual({ done: true, value: undefined });
  });
});

describe('static files', () => {
  it('serves index.html for / with the security headers', async () => {
    const response = await rawRequest(h.port, { path: '/' });
    expect(response.status).toBe(200);
    expect(response.body).toBe(INDEX_HTML);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; frame-src blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('serves assets with their content type, and HEAD without a body', async () => {
    const script = await rawRequest(h.port, { path: '/assets/app.js?v=1' });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const head = await rawRequest(h.port, { method: 'HEAD', path: '/index.html' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(INDEX_HTML)));
    expect(head.body).toBe('');
  });

  it('answers 400 for a request target that is not a URL path', async () => {
    expect((await rawRequest(h.port, { path: '//' })).status).toBe(400);
  });

  it('answers 404 for missing files and folders, and 405 for other methods', async () => {
    for (const path of ['/nope.js', '/assets', '/assets/', '/%ZZ']) {
      expect((await rawRequest(h.port, { path })).status, path).toBe(404);
    }
    const post = await rawRequest(h.port, { method: 'POST', path: '/' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('refuses directory traversal, encoded or not', async () => {
    const attempts = [
      '/../secret.txt',
      '/../package.json',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e%5csecret.txt',
      '/..%5c..%5cpackage.json',
      '/%00../secret.txt',
    ];
    for (const path of attempts) {
      const response = await rawRequest(h.port, { path });
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain(SECRET_BESIDE_STATIC);
      expect(response.body, path).not.toContain('"name"');
    }
  });
});
