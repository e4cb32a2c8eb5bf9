import { afterEach, describe, expect, it } from 'vitest';
import { createHash, X509Certificate } from 'node:crypto';
import { createPanelHttp, probeCertificate, redactSecrets } from '../../../../electron/core/panels/transport.js';
import { PanelError } from '../../../../electron/core/panels/adapter.js';
import type { Logger } from '../../../../electron/core/log/logger.js';
import { certificate, readBody, startTlsServer, type RunningServer } from '../../../fixtures/panels/tlsServer.js';

const fingerprintOf = (which: 'panel' | 'other') => new X509Certificate(certificate(which).cert).fingerprint256;

function recordingLogger() {
  const lines: string[] = [];
  const logger: Logger = {
    log: (level, message, fields) => lines.push(JSON.stringify({ level, message, fields })),
    error: (message, error) => lines.push(JSON.stringify({ message, error: String(error) })),
  };
  return { logger, lines };
}

describe('panel transport', () => {
  let server: RunningServer | undefined;
  const received: string[] = [];
  afterEach(async () => {
    await server?.close();
    server = undefined;
    received.length = 0;
  });

  const serve = async (which: 'panel' | 'other') => {
    server = await startTlsServer(async (req, res) => {
      received.push(`${req.headers.authorization ?? ''} ${await readBody(req)}`);
      res.setHeader('set-cookie', 'session=abc; Path=/');
      res.end(JSON.stringify({ ok: true, echo: req.headers.cookie ?? null }));
    }, which);
    return server.port;
  };

  it('shows the certificate on first contact', async () => {
    const port = await serve('panel');
    const cert = await probeCertificate('127.0.0.1', port);
    expect(cert.sha256).toBe(fingerprintOf('panel'));
    expect(cert.selfSigned).toBe(true);
    expect(cert.sha256).toBe(createHash('sha256').update(new X509Certificate(certificate('panel').cert).raw).digest('hex').toUpperCase().replace(/(..)(?!$)/g, '$1:'));
  });

  it('talks to the pinned server, keeps its cookie and logs no secret', async () => {
    const port = await serve('panel');
    const { logger, lines } = recordingLogger();
    const http = createPanelHttp({ protocol: 'https', host: '127.0.0.1', port, pinnedSha256: fingerprintOf('panel').toLowerCase(), timeoutMs: 5000, secrets: ['s3cret-token'], logger, connectionId: 'c1' });
    const first = await http.request({ method: 'POST', path: '/api', form: { password: 's3cret-token', cmd: 'list' }, headers: { authorization: 'whm root:s3cret-token' } });
    expect(first.status).toBe(200);
    const second = await http.request({ method: 'GET', path: '/api', query: { token: 'per-request-value', user: 'bob' }, secretFields: ['token'] });
    expect(JSON.parse(second.body).echo).toBe('session=abc');
    expect(received[0]).toContain('s3cret-token');
    expect(lines.join('\n')).not.toContain('s3cret-token');
    expect(lines.join('\n')).not.toContain('per-request-value');
    expect(lines.join('\n')).toContain('bob');
  });

  it('sends nothing to a server with a different certificate', async () => {
    const port = await serve('other');
    const { logger } = recordingLogger();
    const http = createPanelHttp({ protocol: 'https', host: '127.0.0.1', port, pinnedSha256: fingerprintOf('panel'), timeoutMs: 5000, secrets: [], logger, connectionId: 'c1' });
    const failure = await http.request({ method: 'POST', path: '/api', form: { password: 'x' } }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PanelError);
    expect((failure as PanelError).kind).toBe('certificate');
    expect(received).toEqual([]);
  });

  it('refuses https without a pin, and times out on a silent server', async () => {
    const { logger } = recordingLogger();
    const unpinned = createPanelHttp({ protocol: 'https', host: '127.0.0.1', port: 1, pinnedSha256: null, timeoutMs: 500, secrets: [], logger, connectionId: 'c1' });
    await expect(unpinned.request({ method: 'GET', path: '/' })).rejects.toMatchObject({ kind: 'certificate' });
    server = await startTlsServer(() => {}, 'panel');
    const silent = createPanelHttp({ protocol: 'https', host: '127.0.0.1', port: server.port, pinnedSha256: fingerprintOf('panel'), timeoutMs: 300, secrets: [], logger, connectionId: 'c1' });
    await expect(silent.request({ method: 'GET', path: '/' })).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('redacts raw and URL-encoded secrets', () => {
    expect(redactSecrets('key=a b&c / a%20b / a+b', ['a b&c'])).not.toContain('a b&c');
    expect(redactSecrets('x=p%40ss+word', ['p@ss word'])).toBe('x=[redacted]');
  });
});
