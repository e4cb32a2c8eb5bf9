// Plesk through its XML API (PANELS.md "Plesk"), acting on one subscription (webspace).
//
// Account reference: the subscription's domain name, e.g. `shop.example.com` (ASCII; an
// internationalised name in its xn-- form). Credentials: `login` and `password` of an
// administrator, sent as HTTP_AUTH_LOGIN / HTTP_AUTH_PASSWD headers. Downgrade takes the plan's
// GUID (`<plan-guid>`), and the state reports the subscription's plan GUID as its package.
// Bandwidth is a speed throttle (performance/bandwidth, KB/s, -1 = unlimited); Plesk has no
// monthly transfer quota here, so a quota-only limit is refused as unsupported. Backup is
// unsupported: the XML backup-manager exists only up to API 1.6.9.0 and what replaced it is
// UNVERIFIED. Suspension has no reason field in Plesk; the reason stays in HostLedger's log.
//
// Quirks handled: always HTTP 200; auth and schema errors come as a whole-packet <system> error
// (checked first); each <result> has its own status; status values add up (16 = by admin,
// 2 = by its customer…), so "suspended" is any non-zero status and an unsuspend that cannot lift
// a suspension from above shows up as a refusal when read back.
import { PanelError, unsupported, type AdapterFactory, type BandwidthSetting, type PanelAccountState, type PanelAdapter } from '../adapter.js';
import { PANEL_CAPABILITIES } from '../../../../shared/domain/panelCapabilities.js';
import { parseXml, xmlText } from '../wire/xml.js';
import { checkStatus, describeBandwidth, ensureState, isRecord, missingAccount, readBackPackageChange, readBackSuspension, sameBandwidth, wholeNumber } from './idempotent.js';

const PANEL = 'Plesk';
const DOMAIN = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/i;
const AUTH_CODES = new Set(['1001', '1029', '11003']);
const STATUS = { active: '0', suspendedByAdmin: '16' } as const;

const child = (node: unknown, ...path: string[]): unknown => path.reduce<unknown>((at, key) => (isRecord(at) ? at[key] : undefined), node);
const text = (node: unknown): string | null => (typeof node === 'string' ? node : null);

export const createPleskAdapter: AdapterFactory = ({ credentials, http }) => {
  /**
   * Sends one packet for one operation (`webspace`, `get`…) and resolves to its single result.
   * `body` is the operation's inner XML.
   */
  async function call(operator: string, operation: string, body: string): Promise<{ result: Record<string, unknown>; answer: string }> {
    const res = await http.request({
      method: 'POST',
      path: '/enterprise/control/agent.php',
      body: `<?xml version="1.0" encoding="UTF-8"?><packet><${operator}><${operation}>${body}</${operation}></${operator}></packet>`,
      headers: { 'content-type': 'text/xml; charset=UTF-8', HTTP_AUTH_LOGIN: credentials.login ?? '', HTTP_AUTH_PASSWD: credentials.password ?? '' },
    });
    checkStatus(PANEL, res, http.redact);
    const answer = http.redact(res.body.slice(0, 2000));
    const packet = child(parseXml(res.body), 'packet');
    if (!isRecord(packet)) throw new PanelError('malformed', `${PANEL} answered something that is not an API packet.`, answer);
    const system = packet.system;
    if (isRecord(system) && system.status === 'error') {
      const code = String(system.errcode ?? '');
      const why = http.redact(String(system.errtext ?? ''));
      if (AUTH_CODES.has(code)) throw new PanelError('auth', `${PANEL} refused the login (${code} ${why}).`, answer);
      throw new PanelError('refused', `${PANEL} refused the request (${code} ${why}).`, answer);
    }
    const results = child(packet, operator, operation, 'result');
    const result = Array.isArray(results) && results.length === 1 ? (results[0] as unknown) : undefined;
    if (!isRecord(result) || (result.status !== 'ok' && result.status !== 'error')) {
      throw new PanelError('malformed', `${PANEL} answered ${operator}/${operation} without one result status.`, answer);
    }
    if (result.status === 'error') {
      const code = String(result.errcode ?? '');
      const why = http.redact(String(result.errtext ?? ''));
      if (code === '1013') throw new PanelError('not_found', `${PANEL}: ${why}`, answer);
      if (code === '1006') throw new PanelError('refused', `${PANEL} denied permission for ${operator}/${operation}: ${why}`, answer);
      throw new PanelError('refused', `${PANEL} refused ${operator}/${operation} (${code} ${why}).`, answer);
    }
    return { result, answer };
  }

  const checkAccount = (account: string) => (DOMAIN.test(account) ? null : 'The subscription\'s domain name, e.g. shop.example.com (internationalised names in their xn-- form).');
  const filter = (account: string) => {
    const problem = checkAccount(account);
    if (problem) throw new PanelError('refused', problem);
    return `<filter><name>${xmlText(account)}</name></filter>`;
  };

  async function getState(account: string): Promise<PanelAccountState> {
    let result: Record<string, unknown>;
    try {
      ({ result } = await call('webspace', 'get', `${filter(account)}<dataset><gen_info/><performance/><subscriptions/></dataset>`));
    } catch (error) {
      if (error instanceof PanelError && error.kind === 'not_found') return missingAccount(`No subscription "${account}" on Plesk.`);
      throw error;
    }
    const status = text(child(result, 'data', 'gen_info', 'status'));
    if (status === null || !/^\d+$/.test(status)) throw new PanelError('malformed', `${PANEL} reported no status for "${account}".`, http.redact(JSON.stringify(result).slice(0, 2000)));
    const speed = text(child(result, 'data', 'performance', 'bandwidth'));
    const bandwidth: BandwidthSetting | null =
      speed === null || !/^-?\d+$/.test(speed) ? null : { monthlyMb: null, rateKBps: Number(speed) < 0 ? null : Number(speed) };
    const plan = text(child(result, 'data', 'subscriptions', 'subscription', 'plan', 'plan-guid'));
    const suspended = status !== STATUS.active;
    return {
      exists: true,
      suspended,
      package: plan,
      bandwidth,
      summary: http.redact(`${suspended ? `suspended (status ${status})` : 'active'}, plan ${plan ?? 'not reported'}, ${describeBandwidth(bandwidth)}`),
    };
  }

  const setStatus = (account: string, status: string) =>
    call('webspace', 'set', `${filter(account)}<values><gen_setup><status>${status}</status></gen_setup></values>`).then(({ answer }) => answer);

  async function setThrottle(account: string, rateKBps: number | null) {
    const rate = wholeNumber(PANEL, 'a speed limit in KB/s', rateKBps);
    const target: BandwidthSetting = { monthlyMb: null, rateKBps: rate };
    return ensureState({
      panel: PANEL,
      account,
      read: () => getState(account),
      done: (state) => state.bandwidth !== null && sameBandwidth(state.bandwidth, target),
      wanted: `throttled to ${describeBandwidth(target)}`,
      act: async () =>
        (await call('webspace', 'set', `${filter(account)}<values><performance><bandwidth>${rate ?? -1}</bandwidth></performance></values>`)).answer,
    });
  }

  const adapter: PanelAdapter = {
    kind: 'plesk',
    capabilities: PANEL_CAPABILITIES.plesk,
    checkAccount,
    async testConnection() {
      const { result } = await call('server', 'get', '<stat/>');
      const version = text(child(result, 'stat', 'version', 'plesk_version'));
      return { answer: version ? `Plesk ${version}` : 'Plesk answered the server statistics request.' };
    },
    getState,
    ...readBackSuspension(PANEL, getState, {
      suspend: (account) => setStatus(account, STATUS.suspendedByAdmin),
      unsuspend: (account) => setStatus(account, STATUS.active),
      terminate: async (account) => (await call('webspace', 'del', filter(account))).answer,
    }),
    async limitBandwidth(account, limit) {
      if (limit.rateKBps === null && limit.monthlyMb !== null) throw new PanelError('unsupported', 'Plesk throttles speed only; it has no monthly transfer quota.');
      const { outcome, before } = await setThrottle(account, limit.rateKBps);
      return { ...outcome, previous: before.bandwidth };
    },
    async restoreBandwidth(account, previous) {
      return (await setThrottle(account, previous?.rateKBps ?? null)).outcome;
    },
    changePackage: readBackPackageChange(PANEL, getState, 'plan', async (account, planGuid) => (await call('webspace', 'switch-subscription', `${filter(account)}<plan-guid>${xmlText(planGuid)}</plan-guid>`)).answer),
    startBackup: () => Promise.reject(unsupported(PANEL, 'back up a subscription (its XML backup API ended with 1.6.9.0)')),
    backupStatus: () => Promise.reject(unsupported(PANEL, 'back up a subscription (its XML backup API ended with 1.6.9.0)')),
  };
  return adapter;
};
