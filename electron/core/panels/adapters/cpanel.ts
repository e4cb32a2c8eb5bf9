// cPanel & WHM through WHM API 1 (PANELS.md "cPanel & WHM").
//
// Account reference: the cPanel username, e.g. `bob` (lower-case letters and digits, starting
// with a letter, at most 16 characters). Credentials: `username` (usually root or a reseller) and
// an API `token` (WHM » Manage API Tokens), sent as `Authorization: whm USER:TOKEN`.
// Everything is supported: bandwidth is a monthly transfer quota (limitbw) — WHM has no speed
// throttle, so a speed-only limit is refused as unsupported; backups run in the background
// (start_background_pkgacct) and are polled.
//
// Quirks handled: a bad token is HTTP 403 with a legacy `cpanelresult` body; every other failure
// is HTTP 200 with metadata.result=0; suspendacct / unsuspendacct answer result=1 for a no-op, so
// state is read before and after. The current quota is read with showbw (`limit` in bytes,
// 0 or "unlimited" = none) — UNVERIFIED beyond the function reference, so a missing row means
// "not reported" and a change is then refused rather than assumed.
import { PanelError, type AdapterFactory, type BandwidthSetting, type PanelAccountState, type PanelAdapter } from '../adapter.js';
import { PANEL_CAPABILITIES } from '../../../../shared/domain/panelCapabilities.js';
import { checkStatus, describeBandwidth, ensureState, isRecord, missingAccount, parseJson, readBackPackageChange, readBackSuspension, sameBandwidth, wholeNumber } from './idempotent.js';

const PANEL = 'WHM';
const USERNAME = /^[a-z][a-z0-9]{0,15}$/;
const MB = 1024 * 1024;

export const createCpanelAdapter: AdapterFactory = ({ credentials, http }) => {
  const authorization = `whm ${credentials.username ?? ''}:${credentials.token ?? ''}`;

  /** One WHM API 1 call; resolves to `data` when metadata.result is 1. */
  async function call(fn: string, params: Record<string, string>, method: 'GET' | 'POST' = 'GET'): Promise<{ data: Record<string, unknown>; answer: string }> {
    const res = await http.request({
      method,
      path: `/json-api/${fn}`,
      query: method === 'GET' ? { 'api.version': '1', ...params } : { 'api.version': '1' },
      ...(method === 'POST' ? { form: params } : {}),
      headers: { authorization },
    });
    checkStatus(PANEL, res, http.redact);
    const body = parseJson(PANEL, res, http.redact);
    const answer = http.redact(res.body.slice(0, 2000));
    if (!isRecord(body) || !isRecord(body.metadata)) {
      const legacy = isRecord(body) && isRecord(body.cpanelresult) ? body.cpanelresult : null;
      if (legacy && /access denied/i.test(String(legacy.error ?? ''))) throw new PanelError('auth', `${PANEL} refused the API token.`, answer);
      throw new PanelError('malformed', `${PANEL} answered ${fn} without API 1 metadata.`, answer);
    }
    const { result, reason } = body.metadata;
    if (Number(result) === 1) return { data: isRecord(body.data) ? body.data : {}, answer };
    const why = String(reason ?? '');
    if (Number(result) !== 0) throw new PanelError('malformed', `${PANEL} answered ${fn} with no result flag.`, answer);
    if (/you do not have a user named/i.test(why)) throw new PanelError('not_found', `${PANEL} has no account by that name.`, answer);
    if (/unknown app/i.test(why)) throw new PanelError('unsupported', `This WHM does not offer ${fn} in API 1.`, answer);
    if (/access denied|permission/i.test(why)) throw new PanelError('auth', `${PANEL} does not let this token call ${fn}.`, answer);
    throw new PanelError('refused', `${PANEL} refused ${fn}: ${http.redact(why)}`, answer);
  }

  const checkAccount = (account: string) =>
    USERNAME.test(account) ? null : 'A cPanel username: lower-case letters and digits, starting with a letter, at most 16 characters.';

  function requireAccount(account: string) {
    const problem = checkAccount(account);
    if (problem) throw new PanelError('refused', problem);
  }

  async function readBandwidth(account: string): Promise<BandwidthSetting | null> {
    const { data } = await call('showbw', { searchtype: 'user', search: `^${account}$` });
    const row = (Array.isArray(data.acct) ? data.acct : []).find((item: unknown) => isRecord(item) && item.user === account);
    if (!isRecord(row) || row.limit === undefined) return null;
    const limit = String(row.limit);
    if (limit === 'unlimited' || Number(limit) === 0) return { monthlyMb: null, rateKBps: null };
    const bytes = Number(limit);
    if (!Number.isFinite(bytes) || bytes < 0) throw new PanelError('malformed', `${PANEL} reported a bandwidth limit that is not a number.`, http.redact(limit));
    return { monthlyMb: Math.round(bytes / MB), rateKBps: null };
  }

  async function getState(account: string): Promise<PanelAccountState> {
    requireAccount(account);
    let data: Record<string, unknown>;
    try {
      ({ data } = await call('accountsummary', { user: account }));
    } catch (error) {
      if (error instanceof PanelError && error.kind === 'not_found') return missingAccount(`No account "${account}" on WHM.`);
      throw error;
    }
    const acct = Array.isArray(data.acct) ? data.acct[0] : undefined;
    if (!isRecord(acct) || !['0', '1'].includes(String(acct.suspended))) {
      throw new PanelError('malformed', `${PANEL}'s account summary has no suspended flag.`, http.redact(JSON.stringify(data).slice(0, 2000)));
    }
    const suspended = String(acct.suspended) === '1';
    const plan = typeof acct.plan === 'string' ? acct.plan : null;
    const bandwidth = await readBandwidth(account);
    const reason = suspended && typeof acct.suspendreason === 'string' ? ` (${acct.suspendreason})` : '';
    return {
      exists: true,
      suspended,
      package: plan,
      bandwidth,
      summary: http.redact(`${suspended ? `suspended${reason}` : 'active'}, package ${plan ?? 'unknown'}, ${describeBandwidth(bandwidth)}`),
    };
  }

  async function setQuota(account: string, wanted: BandwidthSetting) {
    const monthlyMb = wholeNumber(PANEL, 'a monthly quota in MB', wanted.monthlyMb);
    const target: BandwidthSetting = { monthlyMb, rateKBps: null };
    return ensureState({
      panel: PANEL,
      account,
      read: () => getState(account),
      done: (state) => state.bandwidth !== null && sameBandwidth(state.bandwidth, target),
      wanted: `limited to ${describeBandwidth(target)}`,
      act: async () => (await call('limitbw', { user: account, bwlimit: monthlyMb === null ? '0' : String(monthlyMb) }, 'POST')).answer,
    });
  }

  const adapter: PanelAdapter = {
    kind: 'cpanel',
    capabilities: PANEL_CAPABILITIES.cpanel,
    checkAccount,
    async testConnection() {
      const { data } = await call('version', {});
      if (typeof data.version !== 'string') throw new PanelError('malformed', `${PANEL} did not say its version.`);
      return { answer: `WHM ${data.version}` };
    },
    getState,
    ...readBackSuspension(PANEL, getState, {
      suspend: async (account, reason) => (await call('suspendacct', { user: account, reason }, 'POST')).answer,
      unsuspend: async (account) => (await call('unsuspendacct', { user: account }, 'POST')).answer,
      terminate: async (account) => (await call('removeacct', { username: account, keepdns: '0' }, 'POST')).answer,
    }),
    async limitBandwidth(account, limit) {
      if (limit.monthlyMb === null && limit.rateKBps !== null) {
        throw new PanelError('unsupported', 'WHM limits monthly transfer only; it cannot throttle speed.');
      }
      const { outcome, before } = await setQuota(account, limit);
      return { ...outcome, previous: before.bandwidth };
    },
    async restoreBandwidth(account, previous) {
      const { outcome } = await setQuota(account, { monthlyMb: previous?.monthlyMb ?? null, rateKBps: null });
      return outcome;
    },
    changePackage: readBackPackageChange(PANEL, getState, 'package', async (account, packageName) => (await call('changepackage', { user: account, pkg: packageName }, 'POST')).answer),
    async startBackup(account) {
      const state = await getState(account);
      if (!state.exists) throw new PanelError('not_found', `${PANEL} has no account "${account}".`);
      const { data, answer } = await call('start_background_pkgacct', { user: account }, 'POST');
      if (typeof data.session_id !== 'string' || data.session_id === '') throw new PanelError('malformed', `${PANEL} started no backup session.`, answer);
      return { ref: data.session_id, done: false, answer };
    },
    async backupStatus(_account, ref) {
      const { data, answer } = await call('get_pkgacct_session_state', { session_id: ref });
      switch (data.state) {
        case 'RUNNING':
          return { status: 'running', answer };
        case 'COMPLETED':
          return { status: 'succeeded', answer };
        case 'FAILED':
          return { status: 'failed', answer };
        default:
          throw new PanelError('malformed', `${PANEL} reported an unknown backup state.`, answer);
      }
    },
  };
  return adapter;
};
