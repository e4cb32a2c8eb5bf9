// Proxmox VE (API2 JSON, PANELS.md). The contract's reference is `node/qemu/VMID` or
// `node/lxc/VMID` (e.g. `pve/qemu/101`). Credentials: an API token — tokenId `USER@REALM!TOKENID`
// and tokenSecret — sent as `Authorization: PVEAPIToken=…` (no CSRF ticket needed). Option
// backupStorage names the vzdump storage (default `local`).
//
// "Suspended" means the guest is stopped (status/stop would be a hard power-off, so we ask for a
// shutdown with forceStop); `status/suspend` only pauses it and is not used. Bandwidth is a NIC
// speed limit (`rate=` on net0, MB/s) — Proxmox has no monthly transfer quota, so a quota-only
// limit is refused as unsupported. Downgrade rewrites cores and memory: the package name is
// `cores=N,memory=MB` (either part may be left out). State changes run as tasks (UPID); the real
// outcome is the task's exit status, polled until it stops.
import { z } from 'zod';
import { PanelError, type AdapterFactory, type BandwidthSetting, type PanelAccountState } from '../adapter.js';
import { PANEL_CAPABILITIES } from '../../../../shared/domain/panelCapabilities.js';
import { answerText, confirm, goneState, isRecord, malformed, missingAccount, serverFailure, sleep, tryJson } from '../wire/answers.js';

const PANEL = 'Proxmox VE';
const REFERENCE = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)\/(qemu|lxc)\/([1-9]\d{2,8})$/;
/** Shutting down, starting or deleting a guest rarely takes long; a stuck task is reported, not waited on forever. */
const TASK_DEADLINE_MS = 5 * 60_000;

interface Guest {
  node: string;
  type: 'qemu' | 'lxc';
  vmid: string;
  base: string;
}

const statusShape = z.object({ status: z.string() }).passthrough();
const configShape = z
  .object({ cores: z.coerce.number().optional(), memory: z.coerce.number().optional(), net0: z.string().optional(), digest: z.string().optional() })
  .passthrough();
const taskShape = z.object({ status: z.string(), exitstatus: z.string().optional() }).passthrough();
const upidShape = z.string().startsWith('UPID:');

/** MB/s as Proxmox writes it (three decimals at most) from KB/s. */
const rateFromKBps = (kbps: number) => Math.max(0.001, Math.round((kbps / 1024) * 1000) / 1000);
const kbpsFromRate = (rate: number) => Math.round(rate * 1024);

function parsePackage(name: string): { cores?: number; memory?: number } | null {
  const out: { cores?: number; memory?: number } = {};
  for (const part of name.split(',').map((p) => p.trim()).filter(Boolean)) {
    const match = /^(cores|memory)=(\d{1,7})$/.exec(part);
    if (!match || Number(match[2]) < 1) return null;
    out[match[1] as 'cores' | 'memory'] = Number(match[2]);
  }
  return out.cores === undefined && out.memory === undefined ? null : out;
}

export const createProxmoxAdapter: AdapterFactory = ({ credentials, http, config }) => {
  const authorization = `PVEAPIToken=${credentials.tokenId ?? ''}=${credentials.tokenSecret ?? ''}`;
  const backupStorage = config.options.backupStorage?.trim() || 'local';

  async function call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, params?: Record<string, string>) {
    const inQuery = method === 'GET' || method === 'DELETE'; // Proxmox answers 501 to a body on these
    const res = await http.request({
      method,
      path: `/api2/json${path}`,
      headers: { authorization },
      ...(params ? (inQuery ? { query: params } : { form: params }) : {}),
    });
    const answer = answerText(http, res);
    // 401 has an empty body: its reason is only in the status line.
    if (res.status === 401) throw new PanelError('auth', `${PANEL} refused the API token (${res.statusText || 'HTTP 401'}).`, answer);
    const body = tryJson(res.body);
    const message = isRecord(body) && typeof body.message === 'string' ? body.message.trim() : res.statusText;
    if (res.status === 403) throw new PanelError('auth', `The API token may not do this on ${PANEL}: ${message}`, answer);
    if (res.status === 501) throw new PanelError('unsupported', `This ${PANEL} does not know ${method} ${path}: ${message}`, answer);
    if (res.status >= 500) {
      if (/does not exist|no such/i.test(message) && isRecord(body)) throw new PanelError('not_found', `${PANEL}: ${message}`, answer);
      throw serverFailure(PANEL, res, answer);
    }
    if (res.status === 400) {
      const errors = isRecord(body) && isRecord(body.errors) ? Object.entries(body.errors).map(([k, v]) => `${k}: ${String(v).trim()}`).join('; ') : message;
      throw new PanelError('refused', `${PANEL} refused the request: ${errors}`, answer);
    }
    if (res.status !== 200) throw new PanelError('refused', `${PANEL} answered HTTP ${res.status}: ${message}`, answer);
    if (!isRecord(body) || !('data' in body)) throw malformed(PANEL, 'its JSON {"data": …}', answer);
    return { data: body.data, answer };
  }

  function guestOf(account: string): Guest {
    const match = REFERENCE.exec(account.trim());
    if (!match) throw new PanelError('refused', `"${account}" is not a Proxmox guest reference like pve/qemu/101.`);
    const [, node, type, vmid] = match;
    return { node, type: type as Guest['type'], vmid, base: `/nodes/${node}/${type}/${vmid}` };
  }

  async function readConfig(guest: Guest) {
    const { data, answer } = await call('GET', `${guest.base}/config`);
    const parsed = configShape.safeParse(data);
    if (!parsed.success) throw malformed(PANEL, 'a guest configuration', answer);
    return parsed.data;
  }

  const rateOf = (net0: string | undefined) => {
    const match = /(?:^|,)rate=([\d.]+)/.exec(net0 ?? '');
    return match ? Number(match[1]) : null;
  };

  async function readState(guest: Guest): Promise<PanelAccountState> {
    let status: string;
    try {
      const { data, answer } = await call('GET', `${guest.base}/status/current`);
      const parsed = statusShape.safeParse(data);
      if (!parsed.success) throw malformed(PANEL, 'a guest status', answer);
      status = parsed.data.status;
    } catch (error) {
      if (error instanceof PanelError && error.kind === 'not_found') return goneState(`Guest ${guest.vmid} does not exist on ${guest.node}.`);
      throw error;
    }
    const cfg = await readConfig(guest);
    const rate = rateOf(cfg.net0);
    const pkg = [cfg.cores !== undefined ? `cores=${cfg.cores}` : '', cfg.memory !== undefined ? `memory=${cfg.memory}` : ''].filter(Boolean).join(',');
    return {
      exists: true,
      suspended: status !== 'running',
      package: pkg || null,
      bandwidth: { monthlyMb: null, rateKBps: rate === null ? null : kbpsFromRate(rate) },
      summary: `${guest.type === 'qemu' ? 'VM' : 'Container'} ${guest.vmid} on ${guest.node}: ${status}${pkg ? `, ${pkg}` : ''}, ${rate === null ? 'no NIC rate limit' : `NIC rate ${rate} MB/s`}`,
    };
  }

  async function existing(guest: Guest, account: string) {
    const state = await readState(guest);
    if (!state.exists) throw missingAccount(PANEL, account);
    return state;
  }

  /** Polls a task until it stops; an exit status other than OK is the panel saying no. */
  async function waitTask(guest: Guest, upid: string, what: string): Promise<string> {
    const started = Date.now();
    for (let delay = 100; ; delay = Math.min(delay * 2, 2000)) {
      const status = await taskStatus(guest, upid);
      if (status.status === 'stopped') {
        if (status.exitstatus !== 'OK') throw new PanelError('refused', `${PANEL} could not ${what}: ${status.exitstatus ?? 'no exit status'}`, status.answer);
        return status.answer;
      }
      if (Date.now() - started > TASK_DEADLINE_MS) throw new PanelError('timeout', `${PANEL} task ${upid} was still running after ${TASK_DEADLINE_MS / 60_000} minutes.`, status.answer);
      await sleep(delay);
    }
  }

  async function taskStatus(guest: Guest, upid: string) {
    const { data, answer } = await call('GET', `/nodes/${guest.node}/tasks/${encodeURIComponent(upid)}/status`);
    const parsed = taskShape.safeParse(data);
    if (!parsed.success) throw malformed(PANEL, 'a task status', answer);
    return { ...parsed.data, answer };
  }

  async function runTask(guest: Guest, method: 'POST' | 'DELETE', path: string, params: Record<string, string>, what: string) {
    const { data, answer } = await call(method, path, params);
    const upid = upidShape.safeParse(data);
    if (!upid.success) throw malformed(PANEL, 'a task id (UPID)', answer);
    return waitTask(guest, upid.data, what);
  }

  async function setPower(account: string, running: boolean) {
    const guest = guestOf(account);
    const before = await existing(guest, account);
    if (before.suspended === !running) return { changed: false, state: before, answer: `Already ${running ? 'running' : 'stopped'}: ${before.summary}` };
    const answer = running
      ? await runTask(guest, 'POST', `${guest.base}/status/start`, {}, 'start the guest')
      : await runTask(guest, 'POST', `${guest.base}/status/shutdown`, { forceStop: '1', timeout: '60' }, 'shut the guest down');
    const state = await readState(guest);
    confirm(PANEL, state.exists && state.suspended === !running, running ? 'running' : 'stopped', state, answer);
    return { changed: true, state, answer };
  }

  async function setRate(account: string, kbps: number | null) {
    const guest = guestOf(account);
    const before = await existing(guest, account);
    const cfg = await readConfig(guest);
    if (!cfg.net0) throw new PanelError('refused', `Guest ${guest.vmid} has no net0 interface to limit.`);
    const target = kbps === null ? null : rateFromKBps(kbps);
    if (rateOf(cfg.net0) === target) return { changed: false, state: before, answer: `NIC rate already ${target ?? 'unlimited'}: ${before.summary}` };
    const parts = cfg.net0.split(',').filter((part) => !part.startsWith('rate='));
    const net0 = [...parts, ...(target === null ? [] : [`rate=${target}`])].join(',');
    // The digest makes Proxmox refuse the write if someone changed the config since we read it.
    const { answer } = await call('PUT', `${guest.base}/config`, { net0, ...(cfg.digest ? { digest: cfg.digest } : {}) });
    const state = await readState(guest);
    const after = await readConfig(guest);
    confirm(PANEL, rateOf(after.net0) === target, target === null ? 'without a NIC rate limit' : `limited to ${target} MB/s`, state, answer);
    return { changed: true, state, answer };
  }

  return {
    kind: 'proxmox',
    capabilities: PANEL_CAPABILITIES.proxmox,

    checkAccount: (account) => (REFERENCE.test(account.trim()) ? null : 'Use node/qemu/VMID or node/lxc/VMID, e.g. pve/qemu/101.'),

    async testConnection() {
      const { data, answer } = await call('GET', '/version');
      if (!isRecord(data) || typeof data.version !== 'string') throw malformed(PANEL, 'its version', answer);
      return { answer: `Proxmox VE ${data.version}` };
    },

    getState: (account) => readState(guestOf(account)),

    // Proxmox keeps no suspension reason; the reason stays in HostLedger's action log.
    suspend: (account) => setPower(account, false),
    unsuspend: (account) => setPower(account, true),

    async limitBandwidth(account, limit: BandwidthSetting) {
      if (limit.rateKBps === null) throw new PanelError('unsupported', `${PANEL} can limit a guest's speed but has no monthly transfer quota.`);
      const previous = (await existing(guestOf(account), account)).bandwidth;
      return { ...(await setRate(account, limit.rateKBps)), previous };
    },

    restoreBandwidth: (account, previous) => setRate(account, previous?.rateKBps ?? null),

    async changePackage(account, packageName) {
      const wanted = parsePackage(packageName);
      if (!wanted) throw new PanelError('refused', `"${packageName}" is not a Proxmox size; write it as cores=N,memory=MB.`);
      const guest = guestOf(account);
      const before = await existing(guest, account);
      const cfg = await readConfig(guest);
      const differs = (wanted.cores !== undefined && wanted.cores !== cfg.cores) || (wanted.memory !== undefined && wanted.memory !== cfg.memory);
      if (!differs) return { changed: false, state: before, answer: `Already ${before.package ?? ''}`, previous: before.package };
      const form: Record<string, string> = { ...(cfg.digest ? { digest: cfg.digest } : {}) };
      if (wanted.cores !== undefined) form.cores = String(wanted.cores);
      if (wanted.memory !== undefined) form.memory = String(wanted.memory);
      const { answer } = await call('PUT', `${guest.base}/config`, form);
      const after = await readConfig(guest);
      const state = await readState(guest);
      const took = (wanted.cores === undefined || after.cores === wanted.cores) && (wanted.memory === undefined || after.memory === wanted.memory);
      confirm(PANEL, took, `sized ${packageName}`, state, answer);
      return { changed: true, state, answer, previous: before.package };
    },

    async startBackup(account) {
      const guest = guestOf(account);
      await existing(guest, account); // vzdump of a missing guest fails only inside the task
      const { data, answer } = await call('POST', `/nodes/${guest.node}/vzdump`, { vmid: guest.vmid, storage: backupStorage, mode: 'snapshot', compress: 'zstd' });
      const upid = upidShape.safeParse(data);
      if (!upid.success) throw malformed(PANEL, 'a backup task id (UPID)', answer);
      return { ref: upid.data, done: false, answer };
    },

    async backupStatus(account, ref) {
      const guest = guestOf(account);
      if (!ref.startsWith(`UPID:${guest.node}:`)) throw new PanelError('refused', `"${ref}" is not a backup task of node ${guest.node}.`);
      const status = await taskStatus(guest, ref);
      if (status.status !== 'stopped') return { status: 'running', answer: status.answer };
      return status.exitstatus === 'OK' ? { status: 'succeeded', answer: status.answer } : { status: 'failed', answer: `${status.exitstatus ?? 'no exit status'} — ${status.answer}` };
    },

    async terminate(account) {
      const guest = guestOf(account);
      const before = await readState(guest);
      if (!before.exists) return { changed: false, state: before, answer: 'Already gone.' };
      // A running guest cannot be destroyed (HTTP 500): stop it hard first, it is being deleted anyway.
      if (!before.suspended) await runTask(guest, 'POST', `${guest.base}/status/stop`, {}, 'stop the guest before deleting it');
      const answer = await runTask(guest, 'DELETE', guest.base, { purge: '1', 'destroy-unreferenced-disks': '1' }, 'delete the guest');
      const state = await readState(guest);
      confirm(PANEL, !state.exists, 'deleted', state, answer);
      return { changed: true, state, answer };
    },
  };
};
