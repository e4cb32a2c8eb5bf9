// A real backend on a temp book behind the real HTTP server on a free port, plus raw requests
// through node:http (fetch refuses to set Host and Origin, which these tests must forge).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, memoryPreferences, memorySecretStore, silentLogger, type Backend } from '../../../electron/core/index.js';
import { startHttpServer, type RunningServer } from '../../../electron/server/httpServer.js';

export const INDEX_HTML = '<!doctype html><title>HostLedger</title><script type="module" src="/assets/app.js"></script>';
export const SECRET_BESIDE_STATIC = 'the static folder must not leak this';

export interface Harness {
  backend: Backend;
  server: RunningServer;
  port: number;
  token: string;
  /** Event subscriptions currently open on the backend. */
  subscribers(): number;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const root = mkdtempSync(join(tmpdir(), 'hostledger-server-'));
  const staticDir = join(root, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("hi");\n');
  // A file next to the static folder, which traversal attempts aim at.
  writeFileSync(join(root, 'secret.txt'), SECRET_BESIDE_STATIC);

  const backend = await createBackend({ dataDir: join(root, 'data'), prefs: memoryPreferences(), secrets: memorySecretStore(), logger: silentLogger });
  let open = 0;
  const counted = {
    dispatch: backend.dispatch,
    subscribe: (listener: Parameters<Backend['subscribe']>[0]) => {
      open += 1;
      const unsubscribe = backend.subscribe(listener);
      return () => {
        open -= 1;
        unsubscribe();
      };
    },
  };
  const token = 'test-token-0123456789abcdefghijklmnopqrstuv';
  const server = await startHttpServer({ backend: counted, port: 0, token, staticDir, logger: silentLogger });
  return {
    backend,
    server,
    port: server.port,
    token,
    subscribers: () => open,
    async close() {
      await server.close();
      backend.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  path?: string;
  /** Sent as given; node:http adds Host (127.0.0.1:PORT) unless one is set here. */
  headers?: OutgoingHttpHeaders;
  body?: string | Buffer;
}

export function rawRequest(port: number, { method = 'GET', path = '/', headers = {}, body }: RawRequest = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    // The server may answer (413) and close before the whole body is written; the answer counts.
    req.on('error', reject);
    req.end(body);
  });
}

/** POST /api/<method> with the token and a JSON body, parsed as an envelope. */
export async function call(h: Harness, method: string, input?: unknown, headers: OutgoingHttpHeaders = {}): Promise<RawResponse & { json: unknown }> {
  const response = await rawRequest(h.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { Authorization: `Bearer ${h.token}`, 'Content-Type': 'application/json', ...headers },
    body: input === undefined ? undefined : JSON.stringify(input),
  });
  return { ...response, json: response.headers['content-type']?.startsWith('application/json') ? (JSON.parse(response.body) as unknown) : undefined };
}
