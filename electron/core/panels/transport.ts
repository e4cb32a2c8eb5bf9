// HTTP(S) to one control panel: certificate pinning per connection (never a global "don't verify"),
// a deadline per request, a cookie jar (BT Panel keeps a session), and a log line per request with
// every secret removed. Adapters build requests; this module owns the socket.
//
// Pinning: the TLS handshake is completed on a raw socket and the certificate's SHA-256 compared
// with the pin BEFORE the socket is handed to the HTTP request, so no header or body (credentials
// included) is ever written to a server that is not the pinned one.
import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { connect as tlsConnect, type PeerCertificate, type TLSSocket } from 'node:tls';
import type { Logger } from '../log/logger.js';
import { PanelError } from './adapter.js';

export interface CertificateInfo {
  /** SHA-256 of the DER certificate, as colon-separated upper-case hex (as browsers show it). */
  sha256: string;
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  selfSigned: boolean;
}

export interface PanelRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string>;
  /** Sent as application/x-www-form-urlencoded (arrays repeat the key). */
  form?: Record<string, string | readonly string[]>;
  /** A raw body (XML, JSON) with its content type in headers. */
  body?: string;
  headers?: Record<string, string>;
  /** Names of query or form fields that carry secrets computed per request (BT Panel's token). */
  secretFields?: readonly string[];
  /** A longer deadline for a call that only answers when its work is done (a synchronous backup); default: the connection's. */
  timeoutMs?: number;
}

export interface PanelResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
}

export interface PanelHttp {
  request(req: PanelRequest): Promise<PanelResponse>;
  /** Replaces every known secret in a text (for answers kept in the action log). */
  redact(text: string): string;
}

export interface PanelHttpOptions {
  protocol: 'https' | 'http';
  host: string;
  port: number;
  /** Required for https: the fingerprint the reseller pinned. */
  pinnedSha256: string | null;
  timeoutMs: number;
  /** Secret values that must never appear in a log or a stored answer. */
  secrets: readonly string[];
  logger: Logger;
  /** For log lines: which connection this is. */
  connectionId: string;
  /** BT Panel answers 404 to user agents containing "bot" or "spider". */
  userAgent?: string;
}

const SECRET_FIELD = /pass(word|wd)?|secret|token|api[-_]?key|hash|key$|^id$|sign/i;
const DEFAULT_USER_AGENT = 'HostLedger/1 (billing; +https://hostledger.invalid)';
const MAX_BODY_BYTES = 8 * 1024 * 1024;
const LOGGED_BODY_CHARS = 500;

export const normalizeFingerprint = (value: string): string =>
  value
    .replace(/[^0-9a-f]/gi, '')
    .toUpperCase()
    .replace(/(..)(?!$)/g, '$1:');

const describeName = (name: PeerCertificate['subject'] | undefined) =>
  name ? Object.entries(name).map(([key, value]) => `${key}=${String(value)}`).join(', ') : '';

const certificateInfo = (cert: PeerCertificate): CertificateInfo => ({
  sha256: normalizeFingerprint(cert.fingerprint256),
  subject: describeName(cert.subject),
  issuer: describeName(cert.issuer),
  validFrom: new Date(cert.valid_from).toISOString(),
  validTo: new Date(cert.valid_to).toISOString(),
  selfSigned: describeName(cert.subject) === describeName(cert.issuer),
});

/** Completes a TLS handshake without trusting anything yet; the caller decides on the certificate. */
function handshake(host: string, port: number, timeoutMs: number): Promise<{ socket: TLSSocket; cert: CertificateInfo }> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ host, port, rejectUnauthorized: false, servername: isIpAddress(host) ? undefined : host });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new PanelError('timeout', `No TLS answer from ${host}:${port} within ${timeoutMs} ms.`));
    }, timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const peer = socket.getPeerCertificate();
      if (!peer || !peer.fingerprint256) {
        socket.destroy();
        reject(new PanelError('certificate', `${host}:${port} presented no certificate.`));
        return;
      }
      resolve({ socket, cert: certificateInfo(peer) });
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(networkError(error, host, port));
    });
  });
}

const isIpAddress = (host: string) => /^[\d.]+$/.test(host) || host.includes(':');

function networkError(error: Error & { code?: string }, host: string, port: number): PanelError {
  return new PanelError('network', `Cannot reach ${host}:${port} (${error.code ?? error.message}).`);
}

/** First contact: the certificate a panel presents, to show the reseller before pinning it. */
export async function probeCertificate(host: string, port: number, timeoutMs = 10_000): Promise<CertificateInfo> {
  const { socket, cert } = await handshake(host, port, timeoutMs);
  socket.destroy();
  return cert;
}

/** Replaces secret values (raw and URL-encoded) in a text. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue; // too short to redact without mangling ordinary text
    for (const form of new Set([secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)])) {
      out = out.split(form).join('[redacted]');
    }
  }
  return out;
}

const redactParams = (params: Record<string, string | readonly string[]>, extra: readonly string[]) =>
  Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, SECRET_FIELD.test(key) || extra.includes(key) ? '[redacted]' : value]),
  );

function encodeForm(form: Record<string, string | readonly string[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) {
    for (const item of typeof value === 'string' ? [value] : value) params.append(key, item);
  }
  return params.toString();
}

export function createPanelHttp(options: PanelHttpOptions): PanelHttp {
  const cookies = new Map<string, string>();
  const secrets = [...options.secrets];
  const redact = (text: string) => redactSecrets(text, secrets);

  async function send(req: PanelRequest): Promise<PanelResponse> {
    const query = req.query && Object.keys(req.query).length > 0 ? `?${new URLSearchParams(req.query).toString()}` : '';
    const body = req.form ? encodeForm(req.form) : req.body;
    const headers: OutgoingHttpHeaders = {
      'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
      accept: '*/*',
      ...(req.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      ...req.headers,
      ...(cookies.size > 0 ? { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') } : {}),
      ...(body !== undefined ? { 'content-length': Buffer.byteLength(body) } : {}),
    };
    const base = { method: req.method, path: `${req.path}${query}`, headers, host: options.host, port: options.port };

    let socket: TLSSocket | undefined;
    if (options.protocol === 'https') {
      if (!options.pinnedSha256) throw new PanelError('certificate', 'This connection has no pinned certificate yet: test it and pin the fingerprint first.');
      const made = await handshake(options.host, options.port, options.timeoutMs);
      if (made.cert.sha256 !== normalizeFingerprint(options.pinnedSha256)) {
        made.socket.destroy();
        throw new PanelError(
          'certificate',
          `The panel presented a different certificate (SHA-256 ${made.cert.sha256}) from the pinned one. Nothing was sent. If the panel's certificate was renewed, check and pin the new one.`,
        );
      }
      socket = made.socket;
    }

    return new Promise<PanelResponse>((resolve, reject) => {
      const onResponse = (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) {
            res.destroy();
            reject(new PanelError('malformed', `The panel's answer was larger than ${MAX_BODY_BYTES} bytes.`));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          clearTimeout(timer);
          for (const line of res.headers['set-cookie'] ?? []) {
            const [pair] = line.split(';');
            const eq = pair.indexOf('=');
            if (eq > 0) cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
          }
          const flatHeaders = Object.fromEntries(
            Object.entries(res.headers).map(([key, value]) => [key, Array.isArray(value) ? value.join(', ') : (value ?? '')]),
          );
          resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers: flatHeaders, body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', (error) => reject(networkError(error, options.host, options.port)));
      };
      const outgoing =
        socket !== undefined
          ? // No agent: with createConnection and no agent, Node writes to our already-verified socket.
            httpRequest({ ...base, createConnection: () => socket }, onResponse)
          : httpRequest({ ...base, agent: false }, onResponse);
      const timer = setTimeout(() => {
        outgoing.destroy();
        reject(new PanelError('timeout', `The panel did not answer within ${req.timeoutMs ?? options.timeoutMs} ms.`));
      }, req.timeoutMs ?? options.timeoutMs);
      outgoing.on('error', (error) => {
        clearTimeout(timer);
        reject(networkError(error, options.host, options.port));
      });
      if (body !== undefined) outgoing.write(body);
      outgoing.end();
    });
  }

  return {
    redact,
    async request(req) {
      const started = Date.now();
      const logFields = {
        connection: options.connectionId,
        method: req.method,
        path: req.path,
        ...(req.query ? { query: redactParams(req.query, req.secretFields ?? []) } : {}),
        ...(req.form ? { form: redactParams(req.form, req.secretFields ?? []) } : {}),
      };
      // Per-request secrets (e.g. a signed token) are redacted by field name above and by value here.
      for (const field of req.secretFields ?? []) {
        const value = req.form?.[field] ?? req.query?.[field];
        if (typeof value === 'string' && !secrets.includes(value)) secrets.push(value);
      }
      try {
        const res = await send(req);
        options.logger.log('info', 'Panel request answered', {
          ...logFields,
          status: res.status,
          ms: Date.now() - started,
          answer: redact(res.body.slice(0, LOGGED_BODY_CHARS)),
        });
        return res;
      } catch (error) {
        const message = error instanceof Error ? redact(error.message) : 'unknown error';
        options.logger.log('warn', 'Panel request failed', { ...logFields, ms: Date.now() - started, failure: message });
        throw error;
      }
    },
  };
}
