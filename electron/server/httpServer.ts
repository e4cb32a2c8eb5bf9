// Browser mode's transport (DESIGN §2): the backend's dispatch over HTTP on 127.0.0.1, its events
// as a stream, and the built renderer as static files. Transport problems are HTTP statuses;
// everything past them is HTTP 200 with dispatch's envelope.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Backend, Logger } from '../core/index.js';
import { handleApiCall } from './apiRoute.js';
import { streamEvents } from './eventsRoute.js';
import { hasToken, isOwnRequest } from './guards.js';
import { refuse } from './responses.js';
import { serveStatic } from './staticFiles.js';

export interface HttpServerOptions {
  backend: Pick<Backend, 'dispatch' | 'subscribe'>;
  /** 0 picks any free port. */
  port: number;
  token: string;
  /** The built renderer (build/renderer). */
  staticDir: string;
  logger: Logger;
}

export interface RunningServer {
  /** http://127.0.0.1:PORT/ — without the token. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

/** The path of a request target, with `.` and `..` segments already resolved by the URL parser. */
function pathOf(target: string): string | null {
  try {
    return new URL(target, `http://${HOST}`).pathname;
  } catch {
    return null;
  }
}

export function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const { backend, token, staticDir, logger } = options;
  let port = options.port;
  /** Open event streams, ended (and unsubscribed) when the server closes. */
  const streams = new Set<() => void>();

  // Each refusal happens before the next check, in this order: who is asking (403), what is asked
  // (405), whether they hold the token (401); the body limit (413) is checked while reading.
  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isOwnRequest(req, port)) return refuse(res, 403, 'This server only answers pages and scripts on this computer addressing it as 127.0.0.1 or localhost.');
    const pathname = pathOf(req.url ?? '/');
    if (pathname === null) return refuse(res, 400, 'The request path is not a valid URL path.');
    const unauthorized = () => refuse(res, 401, 'Send the token HostLedger printed at start as "Authorization: Bearer TOKEN".', { 'WWW-Authenticate': 'Bearer' });

    if (pathname === '/api/events') {
      if (req.method !== 'GET') return refuse(res, 405, 'Read events with GET.', { Allow: 'GET' });
      if (!hasToken(req, token)) return unauthorized();
      const end = streamEvents(res, backend.subscribe);
      streams.add(end);
      res.on('close', () => streams.delete(end));
      return;
    }
    if (pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return refuse(res, 405, 'Call API methods with POST.', { Allow: 'POST' });
      if (!hasToken(req, token)) return unauthorized();
      return handleApiCall(req, res, backend.dispatch, pathname.slice('/api/'.length));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Files are read with GET or HEAD.', { Allow: 'GET, HEAD' });
    return serveStatic(res, staticDir, pathname);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      // Only the path is logged: never headers (the token) nor bodies (the books).
      logger.error('browser mode: a request failed', error, { path: (req.url ?? '').split('?')[0] });
      if (res.headersSent) res.destroy();
      else refuse(res, 500, 'Something went wrong inside HostLedger; the log has the details.');
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${HOST}:${port}/`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            for (const end of streams) end();
            server.close(() => done());
            // Idle keep-alive connections would otherwise hold close() open.
            server.closeAllConnections();
          }),
      });
    });
  });
}
