// DirectAdmin through the legacy CMD_API (PANELS.md "DirectAdmin").
//
// Account reference: the DirectAdmin username, e.g. `bob` (lower-case letters and digits,
// starting with a letter, at most 16 characters). Credentials: `username` and `password` (or a
// login key in its place) of the admin or reseller that owns the user, sent as HTTP Basic.
// Bandwidth is the monthly transfer quota in MB; DirectAdmin has no speed throttle, so a
// speed-only limit is unsupported. Backup is unsupported: DirectAdmin queues a backup and
// reports its end only as a message to the admin, so HostLedger could never know that a backup
// finished before it suspends (see PANEL_CAPABILITIES). Suspension takes no reason here.
//
// Quirks handled: answers are URL-encoded (`error=0&text=…`); a bad login is the HTML login page
// (with `X-DirectAdmin: Unauthorized`), an unknown command an HTML "authority level" page — both
// are failures, never success. Suspend uses the absolute `dosuspend` / `dounsuspend` fields,
// never the old `suspend=` form that toggles. `action=customize` rewrites the whole limit set,
// so every limit read from the user's config is sent back with the new bandwidth.
import { PanelError, unsupported, type AdapterFactory, type BandwidthSetting, type PanelAccountState, type PanelAdapter } from '../adapter.js';
import { PANEL_CAPABILITIES } from '../../../../shared/domain/panelCapabilities.js';
import { checkStatus, describeBandwidth, ensureState, missingAccount, readBackPackageChange, readBackSuspension, sameBandwidth, wholeNumber } from './idempotent.js';

const PANEL = 'DirectAdmin';
const USERNAME = /^[a-z][a-z0-9]{0,15}$/;
/** Numeric limits of a user; each is a number or "unlimited" (sent back as u<name>=ON). */
const LIMITS = ['bandwidth', 'quota', 'vdomains', 'nsubdomains', 'nemails', 'nemailf', 'nemailml', 'nemailr', 'mysql', 'domainptr', 'ftp', 'inode'] as const;
/** Feature switches (ON/OFF) that customize also rewrites. */
const FEATURES = ['aftp', 'cgi', 'php', 'spam', 'cron', 'catchall', 'ssl', 'ssh', 'sysinfo', 'dnscontrol', 'login_keys'] as const;

type Answer = Map<string, string>;

export const createDirectadminAdapter: AdapterFactory = ({ credentials, http }) => {
  const authorization = `Basic ${Buffer.from(`${credentials.username ?? ''}:${credentials.password ?? ''}`).toString('base64')}`;

  async function call(command: string, params: Record<string, string>, method: 'GET' | 'POST' = 'GET'): Promise<{ fields: Answer; answer: string }> {
    const res = await http.request({
      method,
      path: `/CMD_API_${command}`,
      ...(method === 'GET' ? { query: params } : { form: params }),
      headers: { authorization },
    });
    const answer = http.redact(res.body.slice(0, 2000));
    const looksHtml = /<html|<!doctype/i.test(res.body);
    if (/unauthorized/i.test(res.headers['x-directadmin'] ?? '') || (looksHtml && /DirectAdmin Login/i.test(res.body))) {
      throw new PanelError('auth', `${PANEL} refused the login (it answered its login page).`, answer);
    }
    checkStatus(PANEL, res, http.redact);
    if (looksHtml && /authority level/i.test(res.body)) throw new PanelError('refused', `${PANEL} does not offer CMD_API_${command} at this login's level.`, answer);
    if (looksHtml) throw new PanelError('malformed', `${PANEL} answered a web page instead of API data.`, answer);
    const fields: Answer = new Map(new URLSearchParams(res.body.trim()));
    if (fields.size === 0) throw new PanelError('malformed', `${PANEL} answered CMD_API_${command} with nothing.`, answer);
    const error = fields.get('error');
    if (error === '1') {
      const why = http.redact(`${fields.get('text') ?? ''} ${fields.get('details') ?? ''}`.trim());
      if (/does not exist|no such user|invalid user|unable to show user/i.test(why)) throw new PanelError('not_found', `${PANEL}: ${why}`, answer);
      throw new PanelError('refused', `${PANEL} refused CMD_API_${command}: ${why}`, answer);
    }
    if (error !== undefined && error !== '0') throw new PanelError('malformed', `${PANEL} answered an unknown error flag.`, answer);
    return { fields, answer };
  }

  const checkAccount = (account: string) =>
    USERNAME.test(account) ? null : 'A DirectAdmin username: lower-case letters and digits, starting with a letter, at most 16 characters.';
  function requireAccount(account: string) {
    const problem = checkAccount(account);
    if (problem) throw new PanelError('refused', problem);
  }

  /** The user's config (all limits) and the state it shows. */
  async function readUser(account: string): Promise<{ config: Answer | null; state: PanelAccountState }> {
    requireAccount(account);
    let fields: Answer;
    try {
      ({ fields } = await call('SHOW_USER_CONFIG', { user: account }));
    } catch (error) {
      if (error instanceof PanelError && error.kind === 'not_found') return { config: null, state: missingAccount(`No user "${account}" on DirectAdmin.`) };
      throw error;
    }
    const suspended = fields.get('suspended');
    if (suspended !== 'yes' && suspended !== 'no') throw new PanelError('malformed', `${PANEL}'s user config has no suspended flag.`);
    const quota = fields.get('bandwidth');
    let bandwidth: BandwidthSetting | null = null;
    if (quota === 'unlimited') bandwidth = { monthlyMb: null, rateKBps: null };
    else if (quota !== undefined && /^\d+(\.\d+)?$/.test(quota)) bandwidth = { monthlyMb: Number(quota), rateKBps: null };
    const pkg = fields.get('package') ?? null;
    return {
      config: fields,
      state: {
        exists: true,
        suspended: suspended === 'yes',
        package: pkg,
        bandwidth,
        summary: http.redact(`${suspended === 'yes' ? 'suspended' : 'active'}, package ${pkg ?? 'custom'}, ${describeBandwidth(bandwidth)}`),
      },
    };
  }
  const getState = async (account: string) => (await readUser(account)).state;

  /** The full limit set for action=customize: what the config holds, with the new bandwidth. */
  function customizeForm(account: string, config: Answer, monthlyMb: number | null): Record<string, string> {
    const form: Record<string, string> = { action: 'customize', user: account };
    for (const limit of LIMITS) {
      const value = limit === 'bandwidth' ? (monthlyMb === null ? 'unlimited' : String(monthlyMb)) : config.get(limit);
      if (value === undefined) continue;
      if (value === 'unlimited') form[`u${limit}`] = 'ON';
      else form[limit] = value;
    }
    for (const feature of FEATURES) {
      const value = config.get(feature);
      if (value !== undefined) form[feature] = value;
    }
    return form;
  }

  async function setQuota(account: string, monthlyMb: number | null) {
    const quota = wholeNumber(PANEL, 'a monthly quota in MB', monthlyMb);
    const target: BandwidthSetting = { monthlyMb: quota, rateKBps: null };
    let config: Answer | null = null;
    return ensureState({
      panel: PANEL,
      account,
      read: async () => {
        const user = await readUser(account);
        config = user.config;
        return user.state;
      },
      done: (state) => state.bandwidth !== null && sameBandwidth(state.bandwidth, target),
      wanted: `limited to ${describeBandwidth(target)}`,
      act: async () => (await call('MODIFY_USER', customizeForm(account, config ?? new Map(), quota), 'POST')).answer,
    });
  }

  const adapter: PanelAdapter = {
    kind: 'directadmin',
    capabilities: PANEL_CAPABILITIES.directadmin,
    checkAccount,
    async testConnection() {
      const { fields } = await call('LOGIN_TEST', {});
      if (fields.get('error') !== '0') throw new PanelError('malformed', `${PANEL} did not confirm the login.`);
      return { answer: `DirectAdmin: ${fields.get('text') ?? 'login OK'}` };
    },
    getState,
    ...readBackSuspension(PANEL, getState, {
      suspend: async (account) => (await call('SELECT_USERS', { location: 'CMD_SELECT_USERS', dosuspend: 'Suspend', select0: account }, 'POST')).answer,
      unsuspend: async (account) => (await call('SELECT_USERS', { location: 'CMD_SELECT_USERS', dounsuspend: 'Unsuspend', select0: account }, 'POST')).answer,
      terminate: async (account) => (await call('SELECT_USERS', { confirmed: 'Confirm', delete: 'yes', select0: account }, 'POST')).answer,
    }),
    async limitBandwidth(account, limit) {
      if (limit.monthlyMb === null && limit.rateKBps !== null) throw new PanelError('unsupported', 'DirectAdmin limits monthly transfer only; it cannot throttle speed.');
      const { outcome, before } = await setQuota(account, limit.monthlyMb);
      return { ...outcome, previous: before.bandwidth };
    },
    async restoreBandwidth(account, previous) {
      return (await setQuota(account, previous?.monthlyMb ?? null)).outcome;
    },
    changePackage: readBackPackageChange(PANEL, getState, 'package', async (account, packageName) => (await call('MODIFY_USER', { action: 'package', user: account, package: packageName }, 'POST')).answer),
    startBackup: () => Promise.reject(unsupported(PANEL, 'tell when a queued backup has finished')),
    backupStatus: () => Promise.reject(unsupported(PANEL, 'tell when a queued backup has finished')),
  };
  return adapter;
};
