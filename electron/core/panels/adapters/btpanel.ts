// 宝塔 BT Panel / aaPanel (PANELS.md; same API). The contract's reference is the site's main
// domain, exactly as the panel's site list shows it (e.g. `example.com`). Credential: the API key
// from the panel's API settings (HostLedger's IP must be on its allow-list). Every request carries
// `request_time` and `request_token = md5(request_time + md5(key))`; the token works until the key
// is reset, so it is redacted like a password. The connection's protocol option picks http (old
// installs on 8888) or https (self-signed, pinned); the port is the connection's.
//
// Sites, not accounts: suspend = SiteStop, unsuspend = SiteStart. Both answer success for an
// unknown id, a site already in that state and a wrong name, so id and name are always taken
// together from the site list (exact name, the search matches substrings) and the state is read
// back. Bandwidth is an nginx speed limit (SetLimitNet, KB/s; no monthly quota). There are no
// packages: downgrade is unsupported. ToBackup answers when the backup is written. Terminate
// deletes the site only (its files, FTP account and database are kept).
//
// The panel's own site expiry date would stop a site behind the ladder's back: HostLedger keeps it
// at none — any expiry date is cleared whenever HostLedger acts on the site, and shown in its state.
import { createHash } from 'node:crypto';
import { PanelError, type AdapterFactory, type PanelAccountState } from '../adapter.js';
import { PANEL_CAPABILITIES } from '../../../../shared/domain/panelCapabilities.js';
import { answerText, confirm, goneState, isRecord, malformed, missingAccount, serverFailure, tryJson, unsupportedHere } from '../wire/answers.js';

const PANEL = 'BT Panel';
const SITE_NAME = /^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?::\d{1,5})?$/i;
const NO_EXPIRY = '0000-00-00';
/** BT's own defaults for the concurrency limits that SetLimitNet also requires. */
const DEFAULT_PER_SERVER = '300';
const DEFAULT_PER_IP = '25';
/** ToBackup answers only when the archive is written: a big site takes minutes, not the usual deadline. */
const BACKUP_DEADLINE_MS = 60 * 60_000;

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

interface Site {
  id: string;
  name: string;
  running: boolean;
  edate: string;
}

export const createBtPanelAdapter: AdapterFactory = ({ credentials, http }) => {
  const keyHash = md5(credentials.apiKey ?? '');

  async function call(module: string, action: string, fields: Record<string, string> = {}, timeoutMs?: number): Promise<{ body: unknown; answer: string }> {
    // The panel does not check the time against its clock; it only has to be part of the token.
    const requestTime = String(Math.floor(Date.now() / 1000));
    const res = await http.request({
      method: 'POST',
      path: `/${module}`,
      query: { action },
      form: { request_time: requestTime, request_token: md5(requestTime + keyHash), ...fields },
      secretFields: ['request_token'],
      ...(timeoutMs ? { timeoutMs } : {}),
    });
    const answer = answerText(http, res);
    if (res.status >= 500) throw serverFailure(PANEL, res, answer);
    if (res.status === 404) {
      throw new PanelError('refused', `${PANEL} answered its 404 page to ${action}: an unknown action, a missing field, or a failure inside the panel.`, answer);
    }
    const body = tryJson(res.body);
    if (res.status !== 200 || body === undefined) throw malformed(PANEL, 'JSON', answer);
    if (isRecord(body) && body.status === false) {
      const msg = typeof body.msg === 'string' ? body.msg : '';
      // Never retried: after 20 failures from one IP the panel refuses even a good token for an hour.
      if (/密钥校验失败|IP校验失败|key verification|IP verification|secret key/i.test(msg)) throw new PanelError('auth', `${PANEL} refused the API key or HostLedger's IP: ${msg}`, answer);
      throw new PanelError('refused', `${PANEL} refused ${action}: ${msg || 'no reason given'}`, answer);
    }
    return { body, answer };
  }

  /** A plain {status: true} answer; anything else (a traceback string, another shape) is not success. */
  async function act(module: string, action: string, fields: Record<string, string>, timeoutMs?: number) {
    const { body, answer } = await call(module, action, fields, timeoutMs);
    if (!isRecord(body) || body.status !== true) throw malformed(PANEL, '{"status": true}', answer);
    return answer;
  }

  function nameOf(account: string): string {
    const name = account.trim();
    if (!SITE_NAME.test(name)) throw new PanelError('refused', `"${account}" is not a BT Panel site name.`);
    return name;
  }

  async function findSite(name: string): Promise<Site | null> {
    const { body, answer } = await call('data', 'getData', { table: 'sites', search: name, limit: '50', p: '1' });
    if (!isRecord(body) || !Array.isArray(body.data)) throw malformed(PANEL, 'a site list', answer);
    // search matches substrings: only the exact name is this site.
    const row = body.data.find((item) => isRecord(item) && String(item.name).toLowerCase() === name.toLowerCase());
    if (row === undefined) return null;
    if (!isRecord(row) || row.id === undefined || row.status === undefined) throw malformed(PANEL, `the site row of ${name}`, answer);
    return { id: String(row.id), name: String(row.name), running: String(row.status) === '1', edate: typeof row.edate === 'string' ? row.edate : NO_EXPIRY };
  }

  async function rateOf(site: Site): Promise<{ rate: number | null; perserver: string; perip: string }> {
    const { body, answer } = await call('site', 'GetLimitNet', { id: site.id });
    if (!isRecord(body)) throw malformed(PANEL, 'the site’s traffic limit', answer);
    const rate = Number(body.limit_rate ?? 0);
    const keep = (value: unknown, fallback: string) => (Number(value) > 0 ? String(value) : fallback);
    return { rate: rate > 0 ? rate : null, perserver: keep(body.perserver, DEFAULT_PER_SERVER), perip: keep(body.perip, DEFAULT_PER_IP) };
  }

  async function read(name: string): Promise<{ site: Site | null; state: PanelAccountState }> {
    const site = await findSite(name);
    if (!site) return { site, state: goneState(`No site ${name}.`) };
    const { rate } = await rateOf(site);
    const expiry = site.edate && site.edate !== NO_EXPIRY ? `, panel expiry date ${site.edate}` : '';
    return {
      site,
      state: {
        exists: true,
        suspended: !site.running,
        package: null,
        bandwidth: { monthlyMb: null, rateKBps: rate },
        summary: `Site ${site.name} (id ${site.id}): ${site.running ? 'running' : 'stopped'}, ${rate === null ? 'no rate limit' : `rate limit ${rate} KB/s`}${expiry}`,
      },
    };
  }

  async function existing(account: string) {
    const name = nameOf(account);
    const { site, state } = await read(name);
    if (!site) throw missingAccount(PANEL, name);
    return { name, site, state };
  }

  /** Keeps the panel from stopping the site on its own expiry date (the ladder decides). */
  async function clearExpiry(site: Site) {
    if (site.edate && site.edate !== NO_EXPIRY) await act('site', 'SetEdate', { id: site.id, edate: NO_EXPIRY });
  }

  async function setRunning(account: string, running: boolean) {
    const { name, site, state: before } = await existing(account);
    await clearExpiry(site);
    if (site.running === running) return { changed: false, state: before, answer: `Already ${running ? 'running' : 'stopped'}: ${before.summary}` };
    const answer = await act('site', running ? 'SiteStart' : 'SiteStop', { id: site.id, name: site.name });
    const { state } = await read(name);
    confirm(PANEL, state.exists && state.suspended === !running, running ? 'running' : 'stopped', state, answer);
    return { changed: true, state, answer };
  }

  async function setRate(account: string, kbps: number | null) {
    const { name, site, state: before } = await existing(account);
    await clearExpiry(site);
    const current = await rateOf(site);
    const previous = before.bandwidth;
    if (current.rate === kbps) return { changed: false, state: before, answer: `Rate limit already ${kbps ?? 'off'}.`, previous };
    const answer =
      kbps === null
        ? await act('site', 'CloseLimitNet', { id: site.id })
        : await act('site', 'SetLimitNet', { id: site.id, perserver: current.perserver, perip: current.perip, limit_rate: String(kbps) });
    const { state } = await read(name);
    confirm(PANEL, state.bandwidth?.rateKBps === kbps, kbps === null ? 'without a rate limit' : `limited to ${kbps} KB/s`, state, answer);
    return { changed: true, state, answer, previous };
  }

  async function backups(site: Site): Promise<{ id: string; name: string }[]> {
    const { body, answer } = await call('data', 'getData', { table: 'backup', type: '0', search: site.id, limit: '20', p: '1' });
    if (!isRecord(body) || !Array.isArray(body.data)) throw malformed(PANEL, 'a backup list', answer);
    return body.data
      .filter((row): row is Record<string, unknown> => isRecord(row) && row.id !== undefined && (row.pid === undefined || String(row.pid) === site.id))
      .map((row) => ({ id: String(row.id), name: String(row.name ?? row.filename ?? '') }));
  }

  return {
    kind: 'btpanel',
    capabilities: PANEL_CAPABILITIES.btpanel,

    checkAccount: (account) => (SITE_NAME.test(account.trim()) ? null : 'Use the site’s main domain as BT Panel lists it, e.g. example.com.'),

    async testConnection() {
      const { body, answer } = await call('system', 'GetSystemTotal');
      if (!isRecord(body) || typeof body.version !== 'string') throw malformed(PANEL, 'its system summary', answer);
      return { answer: `BT Panel ${body.version}${typeof body.system === 'string' ? ` on ${body.system}` : ''}` };
    },

    getState: async (account) => (await read(nameOf(account))).state,

    // BT keeps no stop reason; it stays in HostLedger's action log.
    suspend: (account) => setRunning(account, false),
    unsuspend: (account) => setRunning(account, true),

    async limitBandwidth(account, limit) {
      if (limit.rateKBps === null) throw unsupportedHere(PANEL, 'set a monthly transfer quota (it limits speed only)');
      return setRate(account, limit.rateKBps);
    },

    restoreBandwidth: (account, previous) => setRate(account, previous?.rateKBps ?? null),

    changePackage: () => Promise.reject(unsupportedHere(PANEL, 'change a site’s package (it has no packages)')),

    async startBackup(account) {
      const { site } = await existing(account);
      const before = new Set((await backups(site)).map((b) => b.id));
      const answer = await act('site', 'ToBackup', { id: site.id }, BACKUP_DEADLINE_MS);
      const made = (await backups(site)).filter((b) => !before.has(b.id)).at(-1);
      if (!made) throw new PanelError('refused', `${PANEL} answered success but no new backup of ${site.name} is listed.`, answer);
      return { ref: made.id, done: true, answer: `${answer} — ${made.name}` };
    },

    async backupStatus(account, ref) {
      const { site } = await existing(account);
      const found = (await backups(site)).find((b) => b.id === ref);
      return found ? { status: 'succeeded', answer: `Backup ${found.name} is listed.` } : { status: 'failed', answer: `Backup ${ref} of ${site.name} is not listed (deleted?).` };
    },

    async terminate(account) {
      const name = nameOf(account);
      const { site, state: before } = await read(name);
      if (!site) return { changed: false, state: before, answer: 'Already gone.' };
      const answer = await act('site', 'DeleteSite', { id: site.id, webname: site.name });
      const { state } = await read(name);
      confirm(PANEL, !state.exists, 'deleted', state, answer);
      return { changed: true, state, answer };
    },
  };
};
