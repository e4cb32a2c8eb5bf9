// HestiaCP (POST /api/, PANELS.md). The contract's reference is the Hestia user name (e.g. `bob`).
// Credentials: an access key and its secret key, sent as the form field `hash=ACCESS:SECRET`
// (the server must also allow HostLedger's IP). Each call runs one `v-…` command; its exit code
// comes back in the `Hestia-Exit-Code` header and, mapped, in the HTTP status — we read the exit
// code (not `returncode=yes`, which hides the error text): 3 does not exist, 4 exists, 5 is
// suspended, 9 bad key, 10 forbidden / IP not allowed / unknown command, 21 API disabled.
//
// Bandwidth has no command of its own: limits come with the package, so bandwidth is unsupported
// and a restriction is a downgrade (`v-change-user-package`). Backups are queued
// (`v-schedule-user-backup`) and seen done when a newer archive appears in `v-list-user-backups`;
// Hestia reports a failed scheduled backup only by mail, so a backup with no new archive after
// BACKUP_GIVE_UP_MS is reported failed (the reference carries when it was queued). `v-unsuspend-user` answers 0 on an active user, so we read
// the state before and after every change.
import { PanelError, type AdapterFactory, type PanelAccountState } from '../adapter.js';
import { PANEL_CAPABILITIES } from '../../../../shared/domain/panelCapabilities.js';
import type { PanelResponse } from '../transport.js';
import { answerText, confirm, goneState, isRecord, malformed, missingAccount, serverFailure, tryJson, unsupportedHere } from '../wire/answers.js';

const PANEL = 'HestiaCP';
const USER_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,30}[A-Za-z0-9])?$/;
/** `after:<newest archive before>@<unix seconds when queued>`. */
const BACKUP_REF = /^after:(.*)@(\d+)$/;
/** Hestia's queue runs backups one user after another; six hours without an archive means it failed. */
const BACKUP_GIVE_UP_MS = 6 * 60 * 60_000;

interface CommandResult {
  exit: number;
  body: string;
  answer: string;
}

/** HTTP status → exit code, for a Hestia that does not send the header (PANELS.md's table, reversed where it can be). */
function exitFromStatus(res: PanelResponse): number | null {
  if (res.status === 204 || (res.status === 200 && res.body.trim() === '')) return 0;
  if (res.status === 422) return 2;
  if (res.status === 400) return /doesn.?t exist|does not exist/i.test(res.body) ? 3 : /exists/i.test(res.body) ? 4 : 1;
  if (res.status === 401) return /suspended/i.test(res.body) ? 5 : /not allowed|forbidden|permission|command/i.test(res.body) ? 10 : 9;
  return null;
}

export const createHestiaAdapter: AdapterFactory = ({ credentials, http }) => {
  const hash = `${credentials.accessKey ?? ''}:${credentials.secretKey ?? ''}`;

  async function run(cmd: string, ...args: string[]): Promise<CommandResult> {
    const form: Record<string, string> = { hash, cmd };
    args.forEach((arg, i) => (form[`arg${i + 1}`] = arg));
    const res = await http.request({ method: 'POST', path: '/api/', form });
    const answer = answerText(http, res);
    const header = res.headers['hestia-exit-code'];
    const exit = header !== undefined && /^\d+$/.test(header.trim()) ? Number(header) : exitFromStatus(res);
    if (exit === null) {
      if (res.status >= 500) throw serverFailure(PANEL, res, answer);
      throw malformed(PANEL, 'a command result (exit code)', answer);
    }
    const text = res.body.trim();
    if (exit === 9) throw new PanelError('auth', `${PANEL} refused the access key (${text || 'exit 9'}).`, answer);
    if (exit === 21) throw new PanelError('auth', `The API is disabled on this ${PANEL} server.`, answer);
    if (exit === 10) {
      // 10 is both "forbidden" and "unknown command": only the text tells them apart.
      if (/command/i.test(text) && !/allow|permission/i.test(text)) throw new PanelError('unsupported', `This ${PANEL} does not know ${cmd}: ${text}`, answer);
      throw new PanelError('auth', `${PANEL} does not let this key run ${cmd} (is HostLedger's IP allowed, and the key's permissions enough?): ${text || 'exit 10'}`, answer);
    }
    return { exit, body: res.body, answer };
  }

  /** Fails on every exit code but the ones the caller treats as an answer. */
  function expect(result: CommandResult, what: string, accepted: readonly number[] = [0]): CommandResult {
    if (accepted.includes(result.exit)) return result;
    const text = result.body.trim() || `exit code ${result.exit}`;
    if (result.exit === 3) throw new PanelError('not_found', `${PANEL} could not ${what}: ${text}`, result.answer);
    if (result.exit === 22) throw new PanelError('refused', `${PANEL} could not back up: ${text}`, result.answer);
    throw new PanelError('refused', `${PANEL} could not ${what}: ${text}`, result.answer);
  }

  function userOf(account: string): string {
    const user = account.trim();
    if (!USER_NAME.test(user)) throw new PanelError('refused', `"${account}" is not a HestiaCP user name.`);
    return user;
  }

  async function readState(user: string): Promise<PanelAccountState> {
    const result = await run('v-list-user', user, 'json');
    if (result.exit === 3) return goneState(`User ${user} does not exist.`);
    expect(result, `read user ${user}`);
    const parsed = tryJson(result.body);
    const record = isRecord(parsed) ? parsed[user] : undefined;
    if (!isRecord(record) || typeof record.SUSPENDED !== 'string') throw malformed(PANEL, `the user record of ${user}`, result.answer);
    const pkg = typeof record.PACKAGE === 'string' ? record.PACKAGE : null;
    const bw = typeof record.BANDWIDTH === 'string' ? record.BANDWIDTH : '';
    const suspended = record.SUSPENDED === 'yes';
    return {
      exists: true,
      suspended,
      package: pkg,
      bandwidth: /^\d+$/.test(bw) ? { monthlyMb: Number(bw), rateKBps: null } : bw === 'unlimited' ? { monthlyMb: null, rateKBps: null } : null,
      summary: `User ${user}: ${suspended ? 'suspended' : 'active'}, package ${pkg ?? '?'}, bandwidth ${bw || '?'}${/^\d+$/.test(bw) ? ' MB' : ''}`,
    };
  }

  async function existing(user: string) {
    const state = await readState(user);
    if (!state.exists) throw missingAccount(PANEL, user);
    return state;
  }

  async function newestBackup(user: string): Promise<string | null> {
    const result = expect(await run('v-list-user-backups', user, 'json'), `list the backups of ${user}`);
    const parsed = result.body.trim() === '' ? {} : tryJson(result.body);
    if (!isRecord(parsed)) throw malformed(PANEL, 'a list of backups', result.answer);
    // Archive names carry their date (user.YYYY-MM-DD_HH-MM-SS.tar), so the greatest is the newest.
    return Object.keys(parsed).sort().at(-1) ?? null;
  }

  return {
    kind: 'hestiacp',
    capabilities: PANEL_CAPABILITIES.hestiacp,

    checkAccount: (account) => (USER_NAME.test(account.trim()) ? null : 'Use the HestiaCP user name (letters, digits, . _ -).'),

    async testConnection() {
      const result = expect(await run('v-list-sys-info', 'json'), 'read the system information');
      const parsed = tryJson(result.body);
      const info = isRecord(parsed) && isRecord(parsed.sysinfo) ? parsed.sysinfo : null;
      if (!info) throw malformed(PANEL, 'its system information', result.answer);
      return { answer: `HestiaCP ${String(info.HESTIA ?? '?')} on ${String(info.HOSTNAME ?? '?')}` };
    },

    getState: (account) => readState(userOf(account)),

    // Hestia keeps no suspension reason; it stays in HostLedger's action log.
    async suspend(account) {
      const user = userOf(account);
      const before = await existing(user);
      if (before.suspended) return { changed: false, state: before, answer: `Already suspended: ${before.summary}` };
      const result = expect(await run('v-suspend-user', user), `suspend ${user}`, [0, 5]);
      const state = await readState(user);
      confirm(PANEL, state.suspended, 'suspended', state, result.answer);
      return { changed: result.exit === 0, state, answer: result.answer };
    },

    async unsuspend(account) {
      const user = userOf(account);
      const before = await existing(user);
      if (!before.suspended) return { changed: false, state: before, answer: `Not suspended: ${before.summary}` };
      const result = expect(await run('v-unsuspend-user', user), `unsuspend ${user}`);
      const state = await readState(user);
      confirm(PANEL, state.exists && !state.suspended, 'active', state, result.answer);
      return { changed: true, state, answer: result.answer };
    },

    limitBandwidth: () => Promise.reject(unsupportedHere(PANEL, 'limit bandwidth on its own (limits come with the package: downgrade instead)')),
    restoreBandwidth: () => Promise.reject(unsupportedHere(PANEL, 'restore bandwidth on its own (limits come with the package)')),

    async changePackage(account, packageName) {
      const user = userOf(account);
      const before = await existing(user);
      if (before.package === packageName) return { changed: false, state: before, answer: `Already on ${packageName}.`, previous: before.package };
      const result = expect(await run('v-change-user-package', user, packageName), `move ${user} to package ${packageName}`);
      const state = await readState(user);
      confirm(PANEL, state.package === packageName, `on package ${packageName}`, state, result.answer);
      return { changed: true, state, answer: result.answer, previous: before.package };
    },

    async startBackup(account) {
      const user = userOf(account);
      await existing(user);
      const newest = await newestBackup(user);
      // 4: a backup of this user is already queued; that one will do.
      const result = expect(await run('v-schedule-user-backup', user), `queue a backup of ${user}`, [0, 4]);
      return { ref: `after:${newest ?? ''}@${Math.floor(Date.now() / 1000)}`, done: false, answer: result.answer };
    },

    async backupStatus(account, ref) {
      const user = userOf(account);
      const match = BACKUP_REF.exec(ref);
      if (!match) throw new PanelError('refused', `"${ref}" is not a HestiaCP backup reference.`);
      const newest = await newestBackup(user);
      if (newest !== null && newest > match[1]) return { status: 'succeeded', answer: `Backup ${newest} made.` };
      // Wall-clock time on purpose: how long the panel has been at it, not a business date.
      if (Date.now() - Number(match[2]) * 1000 > BACKUP_GIVE_UP_MS) {
        return { status: 'failed', answer: `No new archive of ${user} appeared within ${BACKUP_GIVE_UP_MS / 3_600_000} hours; Hestia reports the reason to the admin by email.` };
      }
      return { status: 'running', answer: 'The backup is queued or running; no new archive yet.' };
    },

    async terminate(account) {
      const user = userOf(account);
      const before = await readState(user);
      if (!before.exists) return { changed: false, state: before, answer: 'Already gone.' };
      const result = expect(await run('v-delete-user', user), `delete ${user}`, [0, 3]);
      const state = await readState(user);
      confirm(PANEL, !state.exists, 'deleted', state, result.answer);
      return { changed: result.exit === 0, state, answer: result.answer };
    },
  };
};
