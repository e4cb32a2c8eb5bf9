// The generic signed webhook, for panels HostLedger has no adapter for (PANELS.md). Each action
// is one event POSTed as JSON to the connection's host, port and path (option `path`, default
// `/`; option `protocol` http or https — https is pinned like any panel):
//   {"event":"service.suspend","id":"evt_…","occurred_at":"2026-11-26T06:30:00.000Z",
//    "account":"<the contract's panel account reference>","reason":"…"}
// Events: ping (connection test), service.suspend, service.unsuspend, service.limit_bandwidth and
// service.restore_bandwidth (`limit`: {monthly_mb, rate_kbps}, null = unlimited),
// service.change_package (`package`), service.terminate. Header
// `X-HostLedger-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`, and the
// event id again in `X-HostLedger-Event-Id`. The one credential is the signing secret, never sent.
//
// The receiver acknowledges with any 2xx and the JSON body {"ok": true} (add "duplicate": true for
// an id it has already handled); {"ok": false, "error": "…"} or a 4xx is a refusal; 401/403 a bad
// signature. Timeouts, network errors, 408, 429 and 5xx are retried here, up to three deliveries
// of the SAME event (same id and body, fresh signature), so a receiver that deduplicates on the id
// acts once. A retry by the action queue later is a new event with a new id.
//
// There is no way to read state back: getState is unsupported, and an outcome's state is what the
// acknowledged event asked for (its summary says so). Backups are not available.
import { createHmac, randomUUID } from 'node:crypto';
import { PanelError, type AdapterFactory, type BandwidthSetting, type PanelAccountState, type PanelOutcome } from '../adapter.js';
import { PANEL_CAPABILITIES } from '../../../../shared/domain/panelCapabilities.js';
import { answerText, isRecord, malformed, sleep, tryJson, unsupportedHere } from '../wire/answers.js';

const PANEL = 'The webhook receiver';
const DELIVERIES = 3;
const RETRY_DELAYS_MS = [250, 750];
const REFERENCE = /^[^\p{Cc}]{1,200}$/u;

export const WEBHOOK_SIGNATURE_HEADER = 'x-hostledger-signature';
export const WEBHOOK_EVENT_HEADER = 'x-hostledger-event-id';

/** `t=<unix>,v1=<hex>` over "<t>.<body>" with the endpoint's secret. */
export function signWebhook(secret: string, body: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')}`;
}

const limitJson = (limit: BandwidthSetting | null) => (limit ? { monthly_mb: limit.monthlyMb, rate_kbps: limit.rateKBps } : null);

export const createWebhookAdapter: AdapterFactory = ({ config, credentials, http }) => {
  const secret = credentials.signingSecret ?? '';
  const rawPath = config.options.path?.trim() || '/';
  const path = rawPath.startsWith('/') ? rawPath : `/${rawPath}`;

  /** Delivers one event, retrying transient failures with the same id; resolves to the event id and the receiver's answer. */
  async function deliver(event: string, account: string | null, fields: Record<string, unknown> = {}) {
    const id = `evt_${randomUUID()}`;
    // occurred_at is the moment of sending (wire time, not a business date).
    const body = JSON.stringify({ event, id, occurred_at: new Date().toISOString(), ...(account === null ? {} : { account }), ...fields });
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= DELIVERIES;
      let outcome: { id: string; answer: string } | PanelError;
      try {
        const res = await http.request({
          method: 'POST',
          path,
          body,
          headers: {
            'content-type': 'application/json',
            [WEBHOOK_SIGNATURE_HEADER]: signWebhook(secret, body, Math.floor(Date.now() / 1000)),
            [WEBHOOK_EVENT_HEADER]: id,
          },
        });
        const answer = `event ${id} (${event}), delivery ${attempt}: ${answerText(http, res)}`;
        const ack = tryJson(res.body);
        const error = isRecord(ack) && typeof ack.error === 'string' ? ack.error : res.statusText;
        if (res.status === 401 || res.status === 403) throw new PanelError('auth', `${PANEL} rejected the signature (HTTP ${res.status}): check the signing secret on both sides.`, answer);
        if (res.status >= 500 || res.status === 408 || res.status === 429) {
          outcome = new PanelError('http', `${PANEL} failed with HTTP ${res.status}.`, answer);
        } else if (res.status === 404 && account !== null) {
          throw new PanelError('not_found', `${PANEL} does not know the account "${account}": ${error}`, answer);
        } else if (res.status < 200 || res.status >= 300) {
          throw new PanelError('refused', `${PANEL} answered HTTP ${res.status}: ${error}`, answer);
        } else if (isRecord(ack) && ack.ok === true) {
          return { id, answer };
        } else if (isRecord(ack) && ack.ok === false) {
          throw new PanelError('refused', `${PANEL} refused ${event}: ${error || 'no reason given'}`, answer);
        } else {
          throw malformed(PANEL, 'the acknowledgement {"ok": true}', answer);
        }
      } catch (error) {
        if (!(error instanceof PanelError) || !error.retryable) throw error;
        outcome = error;
      }
      if (last) throw outcome;
      await sleep(RETRY_DELAYS_MS[attempt - 1] ?? RETRY_DELAYS_MS.at(-1) ?? 0);
    }
  }

  function checked(account: string): string {
    if (!REFERENCE.test(account.trim())) throw new PanelError('refused', `"${account}" is not a usable webhook account reference.`);
    return account.trim();
  }

  /** The state an acknowledged event asked for; it cannot be read back. */
  const asked = (event: string, id: string, state: Partial<PanelAccountState>): PanelAccountState => ({
    exists: true,
    suspended: false,
    package: null,
    bandwidth: null,
    ...state,
    summary: `The receiver acknowledged ${event} (event ${id}); the webhook cannot read the state back.`,
  });

  async function send(event: string, account: string, fields: Record<string, unknown>, state: Partial<PanelAccountState>): Promise<PanelOutcome> {
    const { id, answer } = await deliver(event, checked(account), fields);
    return { changed: true, state: asked(event, id, state), answer };
  }

  return {
    kind: 'webhook',
    capabilities: PANEL_CAPABILITIES.webhook,

    checkAccount: (account) => (REFERENCE.test(account.trim()) ? null : 'Use the name the receiving system knows this service by (up to 200 characters).'),

    async testConnection() {
      const { answer } = await deliver('ping', null);
      return { answer };
    },

    getState: () => Promise.reject(new PanelError('unsupported', 'A webhook cannot read an account’s state back: only the receiving system knows it.')),

    suspend: (account, reason) => send('service.suspend', account, { reason }, { suspended: true }),
    unsuspend: (account) => send('service.unsuspend', account, {}, { suspended: false }),

    async limitBandwidth(account, limit) {
      const outcome = await send('service.limit_bandwidth', account, { limit: limitJson(limit) }, { bandwidth: limit });
      return { ...outcome, previous: null }; // the receiver's previous limit is unknown here
    },

    restoreBandwidth: (account, previous) => send('service.restore_bandwidth', account, { limit: limitJson(previous) }, { bandwidth: previous ?? { monthlyMb: null, rateKBps: null } }),

    async changePackage(account, packageName) {
      const outcome = await send('service.change_package', account, { package: packageName }, { package: packageName });
      return { ...outcome, previous: null };
    },

    startBackup: () => Promise.reject(unsupportedHere('A webhook', 'take or confirm a backup')),
    backupStatus: () => Promise.reject(unsupportedHere('A webhook', 'take or confirm a backup')),

    terminate: (account) => send('service.terminate', account, {}, { exists: false }),
  };
};
