// Virtualizor through its admin API (PANELS.md "Virtualizor").
//
// Account reference: the VPS id, digits only, e.g. `101`. Credentials: the admin `apiKey` and
// `apiPass` (Configuration » API Credentials). They ride in the query string
// (adminapikey / adminapipass), so they are declared secret fields and no URL is ever logged.
// Downgrade takes the plan id (`plid`, digits) and the state reports the VPS's plid as its
// package. Bandwidth: a monthly quota (`bandwidth`, whole GB — a quota in MB is rounded up to
// whole GB) and a speed limit (`network_speed` and `upload_speed`, KB/s; 0 = unlimited). Which
// managevps fields a given Virtualizor accepts is UNVERIFIED, so every change is read back and a
// change that did not take is refused. Backup is unsupported (UNVERIFIED in the API). Suspension
// is the whole VPS (`suspend`), not network only; Virtualizor takes no reason.
//
// Quirks handled: HTTP 200 JSON always; success is a non-empty `done`, failure an `error` array
// or object and/or an empty `done` — a 200 without `done` is never taken as success.
import { PanelError, unsupported, type AdapterFactory, type BandwidthSetting, type PanelAccountState, type PanelAdapter } from '../adapter.js';
import { PANEL_CAPABILITIES } from '../../../../shared/domain/panelCapabilities.js';
import { checkStatus, describeBandwidth, ensureState, isRecord, missingAccount, parseJson, readBackPackageChange, readBackSuspension, sameBandwidth, wholeNumber } from './idempotent.js';

const PANEL = 'Virtualizor';
const VPS_ID = /^\d{1,10}$/;
const PLAN_ID = /^\d{1,10}$/;
const MB_PER_GB = 1024;
const SECRET_FIELDS = ['adminapikey', 'adminapipass'] as const;

/** Virtualizor's `error` comes as an array, an object of messages, or a string. */
function errorText(error: unknown): string {
  if (Array.isArray(error)) return error.map(String).join('; ');
  if (isRecord(error)) return Object.values(error).map(String).join('; ');
  return typeof error === 'string' ? error : '';
}

const isDone = (done: unknown) => done !== undefined && done !== null && done !== false && done !== '' && done !== 0 && !(Array.isArray(done) && done.length === 0) && !(isRecord(done) && Object.keys(done).length === 0);

export const createVirtualizorAdapter: AdapterFactory = ({ credentials, http }) => {
  async function call(act: string, params: { query?: Record<string, string>; form?: Record<string, string> }, expectDone: boolean): Promise<{ body: Record<string, unknown>; answer: string }> {
    const res = await http.request({
      method: params.form ? 'POST' : 'GET',
      path: '/index.php',
      query: { act, api: 'json', adminapikey: credentials.apiKey ?? '', adminapipass: credentials.apiPass ?? '', ...params.query },
      ...(params.form ? { form: params.form } : {}),
      secretFields: SECRET_FIELDS,
    });
    const answer = http.redact(res.body.slice(0, 2000));
    checkStatus(PANEL, res, http.redact);
    if (/<html/i.test(res.body) && /login/i.test(res.body)) throw new PanelError('auth', `${PANEL} answered its login page: the API key was not accepted.`, answer);
    const body = parseJson(PANEL, res, http.redact);
    if (!isRecord(body)) throw new PanelError('malformed', `${PANEL} answered ${act} with something that is not an object.`, answer);
    const why = http.redact(errorText(body.error));
    if (why !== '') {
      if (/api ?key|api ?pass|authenticat|access denied|unauthori[sz]ed/i.test(why)) throw new PanelError('auth', `${PANEL} refused the API credentials: ${why}`, answer);
      if (/not found|does not exist|no such|invalid vps/i.test(why)) throw new PanelError('not_found', `${PANEL}: ${why}`, answer);
      throw new PanelError('refused', `${PANEL} refused ${act}: ${why}`, answer);
    }
    if (expectDone && !isDone(body.done)) throw new PanelError('refused', `${PANEL} did not confirm ${act} (no "done" in its answer).`, answer);
    return { body, answer };
  }

  const checkAccount = (account: string) => (VPS_ID.test(account) ? null : 'The VPS id in Virtualizor: digits only, e.g. 101.');
  function requireAccount(account: string) {
    const problem = checkAccount(account);
    if (problem) throw new PanelError('refused', problem);
  }

  const limitOf = (value: unknown): number | null => {
    const n = Number(value ?? 0);
    return Number.isFinite(n) && n > 0 ? n : null;
  };

  async function getState(account: string): Promise<PanelAccountState> {
    requireAccount(account);
    const { body, answer } = await call('vs', { query: { vpsid: account } }, false);
    if (!('vs' in body) || (body.vs !== null && typeof body.vs !== 'object')) throw new PanelError('malformed', `${PANEL}'s VPS list has no "vs".`, answer);
    const listed = isRecord(body.vs) ? body.vs : {};
    const row = listed[account];
    if (!isRecord(row)) {
      // Only an empty answer proves the VPS is gone: a page of other servers means the filter was
      // not applied, and "missing" would let a termination pass as already done.
      if (Object.keys(listed).length > 0) throw new PanelError('malformed', `${PANEL} listed other servers but not VPS ${account}; its filter was not applied.`, answer);
      return missingAccount(`No VPS ${account} on Virtualizor.`);
    }
    if (!['0', '1'].includes(String(row.suspended))) throw new PanelError('malformed', `${PANEL} reported no suspended flag for VPS ${account}.`, answer);
    const quotaGb = limitOf(row.bandwidth);
    const bandwidth: BandwidthSetting = { monthlyMb: quotaGb === null ? null : quotaGb * MB_PER_GB, rateKBps: limitOf(row.network_speed) };
    const suspended = String(row.suspended) === '1';
    const plan = row.plid === undefined || row.plid === null ? null : String(row.plid);
    const network = String(row.nw_suspended ?? '0') === '1' ? ', network suspended' : '';
    return {
      exists: true,
      suspended,
      package: plan,
      bandwidth,
      summary: http.redact(`${suspended ? 'suspended' : 'active'}${network}, plan ${plan ?? 'not reported'}, ${describeBandwidth(bandwidth)}`),
    };
  }

  async function setBandwidth(account: string, wanted: BandwidthSetting) {
    const mb = wholeNumber(PANEL, 'a monthly quota in MB', wanted.monthlyMb);
    const rate = wholeNumber(PANEL, 'a speed limit in KB/s', wanted.rateKBps);
    const gb = mb === null ? 0 : Math.ceil(mb / MB_PER_GB);
    const target: BandwidthSetting = { monthlyMb: mb === null ? null : gb * MB_PER_GB, rateKBps: rate };
    return ensureState({
      panel: PANEL,
      account,
      read: () => getState(account),
      done: (state) => sameBandwidth(state.bandwidth, target),
      wanted: `limited to ${describeBandwidth(target)}`,
      act: async () =>
        (await call('managevps', { form: { vpsid: account, editvps: '1', bandwidth: String(gb), network_speed: String(rate ?? 0), upload_speed: String(rate ?? 0) } }, true)).answer,
    });
  }

  const changePlan = readBackPackageChange(PANEL, getState, 'plan', async (account, planId) => (await call('managevps', { form: { vpsid: account, plid: planId, editvps: '1' } }, true)).answer);

  const adapter: PanelAdapter = {
    kind: 'virtualizor',
    capabilities: PANEL_CAPABILITIES.virtualizor,
    checkAccount,
    async testConnection() {
      const { body, answer } = await call('users', {}, false);
      if (!('users' in body)) throw new PanelError('malformed', `${PANEL} answered the user list without users.`, answer);
      return { answer: `Virtualizor answered the user list${typeof body.version === 'string' ? ` (version ${body.version})` : ''}.` };
    },
    getState,
    ...readBackSuspension(PANEL, getState, {
      suspend: async (account) => (await call('vs', { query: { suspend: account } }, true)).answer,
      unsuspend: async (account) => (await call('vs', { query: { unsuspend: account } }, true)).answer,
      terminate: async (account) => (await call('vs', { form: { delete: account } }, true)).answer,
    }),
    async limitBandwidth(account, limit) {
      const { outcome, before } = await setBandwidth(account, limit);
      return { ...outcome, previous: before.bandwidth };
    },
    async restoreBandwidth(account, previous) {
      return (await setBandwidth(account, previous ?? { monthlyMb: null, rateKBps: null })).outcome;
    },
    async changePackage(account, planId) {
      if (!PLAN_ID.test(planId)) throw new PanelError('refused', 'Virtualizor takes the plan id (digits), e.g. 3.');
      return changePlan(account, planId);
    },
    startBackup: () => Promise.reject(unsupported(PANEL, 'start a backup (not in its documented API)')),
    backupStatus: () => Promise.reject(unsupported(PANEL, 'start a backup (not in its documented API)')),
  };
  return adapter;
};
