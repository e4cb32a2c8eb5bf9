// Virtualmin (remote.cgi, PANELS.md). The contract's reference is the virtual server's domain
// (e.g. `example.com`). Credentials: a Webmin user allowed to use the remote API (root usually)
// and its password, sent as HTTP Basic. Each call is one program with `json=1`; answers are HTTP
// 200 whatever happened: `status` success | failure | error, or — before any format applies — a
// plain-text `ERROR: …` (no permission) or the HTML login page (bad login with session login on).
//
// Suspend = disable-domain with the reason (`why`); "already disabled" / "is not disabled" count
// as success after reading the state. Bandwidth is a monthly transfer quota (`bw` in bytes); no
// speed limit. Downgrade applies a plan — Virtualmin silently ignores an unknown plan, so the plan
// is read back. Backups are made synchronously by backup-domain into
// /root/hostledger-backups/DOMAIN-<date>.tar.gz on the server (strftime placeholders, UNVERIFIED
// against a live panel: the answer is kept in the action log).
import { PanelError, type AdapterFactory, type PanelAccountState } from '../adapter.js';
import { PANEL_CAPABILITIES } from '../../../../shared/domain/panelCapabilities.js';
import { answerText, confirm, goneState, isRecord, malformed, missingAccount, serverFailure, tryJson, unsupportedHere } from '../wire/answers.js';

const PANEL = 'Virtualmin';
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/i;
const BACKUP_DIR = '/root/hostledger-backups';
const MB = 1024 * 1024;
/** backup-domain answers only when the archive is written: a big site takes minutes, not the usual deadline. */
const BACKUP_DEADLINE_MS = 60 * 60_000;

interface ProgramResult {
  ok: boolean;
  error: string;
  data: unknown;
  output: string;
  answer: string;
}

/** A value from list-domains' multiline JSON: values are arrays of strings (or plain strings in older versions). */
const first = (values: Record<string, unknown>, key: string): string | null => {
  const value = values[key];
  if (Array.isArray(value)) return value.length > 0 ? String(value[0]) : null;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
};

export const createVirtualminAdapter: AdapterFactory = ({ credentials, http }) => {
  const authorization = `Basic ${Buffer.from(`${credentials.username ?? ''}:${credentials.password ?? ''}`).toString('base64')}`;

  async function program(name: string, params: Record<string, string> = {}, timeoutMs?: number): Promise<ProgramResult> {
    const res = await http.request({ method: 'GET', path: '/virtual-server/remote.cgi', query: { program: name, json: '1', ...params }, headers: { authorization }, ...(timeoutMs ? { timeoutMs } : {}) });
    const answer = answerText(http, res);
    const text = res.body.trim();
    if (res.status === 401 || /Login to Webmin|<form[^>]+session_login/i.test(text)) throw new PanelError('auth', `${PANEL} did not accept the login.`, answer);
    if (res.status >= 500) throw serverFailure(PANEL, res, answer);
    if (/^ERROR:/i.test(text)) throw new PanelError('auth', `${PANEL} does not let this user use the remote API: ${text.slice(0, 200)}`, answer);
    const body = tryJson(text);
    if (res.status !== 200 || !isRecord(body) || typeof body.status !== 'string') throw malformed(PANEL, 'its JSON status', answer);
    const error = [body.error, body.full_error].find((e): e is string => typeof e === 'string') ?? '';
    if (body.status === 'error') {
      if (/does not exist/i.test(error)) throw new PanelError('unsupported', `This ${PANEL} has no program ${name}.`, answer);
      throw new PanelError('refused', `${PANEL} refused ${name}: ${error}`, answer);
    }
    if (body.status !== 'success' && body.status !== 'failure') throw malformed(PANEL, 'success or failure', answer);
    return { ok: body.status === 'success', error: error.trim(), data: body.data, output: typeof body.output === 'string' ? body.output : '', answer };
  }

  function fail(result: ProgramResult, what: string): never {
    if (/does not exist|no virtual server|not found/i.test(result.error)) throw new PanelError('not_found', `${PANEL} could not ${what}: ${result.error}`, result.answer);
    throw new PanelError('refused', `${PANEL} could not ${what}: ${result.error || 'no reason given'}`, result.answer);
  }

  function domainOf(account: string): string {
    const domain = account.trim().toLowerCase();
    if (!DOMAIN.test(domain)) throw new PanelError('refused', `"${account}" is not a domain name.`);
    return domain;
  }

  async function readState(domain: string): Promise<PanelAccountState> {
    const result = await program('list-domains', { domain, multiline: '' });
    if (!result.ok) {
      if (/does not exist|no virtual server|not found/i.test(result.error)) return goneState(`No virtual server ${domain}.`);
      fail(result, `read ${domain}`);
    }
    if (!Array.isArray(result.data)) throw malformed(PANEL, 'a list of domains', result.answer);
    const entry = result.data.find((item) => isRecord(item) && typeof item.name === 'string' && item.name.toLowerCase() === domain);
    if (!entry) return goneState(`No virtual server ${domain}.`);
    if (!isRecord(entry) || !isRecord(entry.values)) throw malformed(PANEL, `the details of ${domain}`, result.answer);
    const values = entry.values;
    const disabled = first(values, 'disabled');
    const plan = first(values, 'plan');
    const bytes = first(values, 'bandwidth_byte_limit');
    // Virtualmin reports the limit only when bandwidth monitoring is on.
    const bandwidth = bytes === null ? null : { monthlyMb: /^\d+$/.test(bytes) ? Math.round(Number(bytes) / MB) : null, rateKBps: null };
    return {
      exists: true,
      suspended: disabled !== null && disabled !== '' && !/^no$/i.test(disabled),
      package: plan,
      bandwidth,
      summary: `${domain}: ${disabled ? `disabled (${disabled})` : 'enabled'}, plan ${plan ?? '?'}, bandwidth ${bandwidth === null ? 'not monitored' : bandwidth.monthlyMb === null ? 'unlimited' : `${bandwidth.monthlyMb} MB`}`,
    };
  }

  async function existing(domain: string) {
    const state = await readState(domain);
    if (!state.exists) throw missingAccount(PANEL, domain);
    return state;
  }

  async function setQuota(account: string, monthlyMb: number | null) {
    const domain = domainOf(account);
    const before = await existing(domain);
    if (before.bandwidth === null) throw new PanelError('refused', `Bandwidth monitoring is off on this ${PANEL}, so it cannot limit ${domain}'s transfer. Turn it on in Virtualmin first.`);
    if (before.bandwidth.monthlyMb === monthlyMb) return { changed: false, state: before, answer: `Already ${monthlyMb === null ? 'unlimited' : `${monthlyMb} MB`}.`, previous: before.bandwidth };
    const result = await program('modify-domain', { domain, bw: monthlyMb === null ? 'NONE' : String(monthlyMb * MB) });
    if (!result.ok) fail(result, `change the bandwidth limit of ${domain}`);
    const state = await readState(domain);
    confirm(PANEL, state.bandwidth?.monthlyMb === monthlyMb, monthlyMb === null ? 'unlimited' : `limited to ${monthlyMb} MB`, state, result.answer);
    return { changed: true, state, answer: result.answer, previous: before.bandwidth };
  }

  return {
    kind: 'virtualmin',
    capabilities: PANEL_CAPABILITIES.virtualmin,

    checkAccount: (account) => (DOMAIN.test(account.trim()) ? null : 'Use the virtual server’s domain name, e.g. example.com.'),

    async testConnection() {
      const result = await program('list-domains', { 'name-only': '' });
      if (!result.ok) fail(result, 'list its domains');
      return { answer: `Virtualmin answered (${result.output.split('\n').filter(Boolean).length || (Array.isArray(result.data) ? result.data.length : 0)} virtual servers).` };
    },

    getState: (account) => readState(domainOf(account)),

    async suspend(account, reason) {
      const domain = domainOf(account);
      const before = await existing(domain);
      if (before.suspended) return { changed: false, state: before, answer: `Already disabled: ${before.summary}` };
      const result = await program('disable-domain', { domain, why: reason });
      if (!result.ok && !/already disabled/i.test(result.error)) fail(result, `disable ${domain}`);
      const state = await readState(domain);
      confirm(PANEL, state.suspended, 'disabled', state, result.answer);
      return { changed: true, state, answer: result.answer };
    },

    async unsuspend(account) {
      const domain = domainOf(account);
      const before = await existing(domain);
      if (!before.suspended) return { changed: false, state: before, answer: `Not disabled: ${before.summary}` };
      const result = await program('enable-domain', { domain });
      if (!result.ok && !/not disabled/i.test(result.error)) fail(result, `enable ${domain}`);
      const state = await readState(domain);
      confirm(PANEL, state.exists && !state.suspended, 'enabled', state, result.answer);
      return { changed: true, state, answer: result.answer };
    },

    async limitBandwidth(account, limit) {
      if (limit.monthlyMb === null) throw unsupportedHere(PANEL, 'limit speed (it has a monthly transfer quota only)');
      return setQuota(account, limit.monthlyMb);
    },

    restoreBandwidth: async (account, previous) => setQuota(account, previous?.monthlyMb ?? null),

    async changePackage(account, packageName) {
      const domain = domainOf(account);
      const before = await existing(domain);
      if (before.package === packageName) return { changed: false, state: before, answer: `Already on plan ${packageName}.`, previous: before.package };
      const result = await program('modify-domain', { domain, 'apply-plan': packageName });
      if (!result.ok) fail(result, `apply plan ${packageName} to ${domain}`);
      const state = await readState(domain);
      // An unknown plan name is ignored without an error: only the read-back shows it.
      confirm(PANEL, state.package === packageName, `on plan ${packageName} (is the plan name right?)`, state, result.answer);
      return { changed: true, state, answer: result.answer, previous: before.package };
    },

    async startBackup(account) {
      const domain = domainOf(account);
      await existing(domain);
      const dest = `${BACKUP_DIR}/${domain}-%Y-%m-%d-%H%M.tar.gz`;
      const result = await program('backup-domain', { domain, dest, 'all-features': '', strftime: '' }, BACKUP_DEADLINE_MS);
      if (!result.ok) fail(result, `back up ${domain}`);
      return { ref: dest, done: true, answer: result.answer };
    },

    // backup-domain answers only when the backup is written, so a started backup is a finished one.
    backupStatus: async (_account, ref) => ({ status: 'succeeded', answer: `Written by backup-domain to ${ref}.` }),

    async terminate(account) {
      const domain = domainOf(account);
      const before = await readState(domain);
      if (!before.exists) return { changed: false, state: before, answer: 'Already gone.' };
      const result = await program('delete-domain', { domain });
      if (!result.ok && !/does not exist|no virtual server/i.test(result.error)) fail(result, `delete ${domain}`);
      const state = await readState(domain);
      confirm(PANEL, !state.exists, 'deleted', state, result.answer);
      return { changed: true, state, answer: result.answer };
    },
  };
};
