// No secret in any file HostLedger writes (the data-safety issue): known secrets are put in the
// secret store, the app is worked — calls that fail and are logged, backups, the book exported, an
// evidence bundle made and unpacked — and every file under the data folder and the export folder
// is searched for them, raw and in the usual encodings. Only the encrypted secret store itself may
// hold them, sealed.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import yauzl from 'yauzl';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, fixedClock, type Backend } from '../../electron/core/index.js';
import { defaultSecretStore } from '../../electron/core/backend.js';
import { tempDir } from '../fixtures/book.js';
import type { Input, MethodName, Output } from '../../shared/api/methods.js';
import { startFakeCpanel } from '../fixtures/panels/fakes/cpanel.js';
import { startSmtpPeer } from '../fixtures/smtpPeer.js';

const SECRETS = ['whm-token-7f3a9c1e5b', 'Sm7p-Pässwörd!2026', 'bt_api_sk_0a1b2c3d4e5f'];
const SMTP_PASSWORD = 'smtp-Secr3t-ÅØ-2026';
const SMS_KEY = 'sms-gw-key-5e4d3c2b1a';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Writes every file of a ZIP under a folder, so the search sees their contents uncompressed. */
function unzipInto(zip: Buffer, folder: string): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file) => {
      if (error) return reject(error);
      file.on('entry', (entry: yauzl.Entry) =>
        file.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            const path = join(folder, entry.fileName);
            mkdirSync(dirname(path), { recursive: true });
            writeFileSync(path, Buffer.concat(chunks));
            file.readEntry();
          });
        }),
      );
      file.on('end', resolve);
      file.on('error', reject);
      file.readEntry();
    });
  });
}

const encodings = (secret: string) => [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('hex'), JSON.stringify(secret).slice(1, -1)];

let backend: Backend | undefined;
afterEach(() => backend?.close());

describe('secrets never reach a file in clear', () => {
  it('not in the log, the book, a backup, an exported book or the preferences, after panel work', async () => {
    const dataDir = tempDir();
    const exportDir = tempDir('hostledger-export-');
    // Browser mode's own secret store: AES-256-GCM in secrets.json under a 0600 key file.
    const secrets = defaultSecretStore(dataDir);
    for (const [i, secret] of SECRETS.entries()) await secrets.set(`panel:c${i}:token`, secret);
    backend = await createBackend({ dataDir, clock: fixedClock('2026-11-26T09:00:00Z'), secrets });

    // A panel connection with credentials, used: probe, pin, test, a suspension through the queue,
    // then a wrong token so the panel refuses and the failure is logged and kept with the action.
    const panel = await startFakeCpanel();
    const searched = [...SECRETS, panel.credentials.token!];
    const call = async <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => {
      const answer = await backend!.dispatch(method, input);
      if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
      return answer.value as Output<M>;
    };
    try {
      const connection = await backend.dispatch('panels.connections.create', { kind: 'cpanel', name: 'WHM', host: '127.0.0.1', port: panel.port, credentials: panel.credentials });
      if (!connection.ok) throw new Error(connection.error.message);
      const id = (connection.value as { id: string }).id;
      const probe = (await backend.dispatch('panels.probe', { id })) as { ok: true; value: { certificate: { sha256: string } } };
      await backend.dispatch('panels.pin', { id, sha256: probe.value.certificate.sha256 });
      expect((await backend.dispatch('panels.test', { id })).ok).toBe(true);
      const client = (await backend.dispatch('clients.create', { name: 'Panel Client', currency: 'USD' })) as { ok: true; value: { id: string } };
      const contract = (await backend.dispatch('contracts.create', { clientId: client.value.id, label: 'bob.example.com', kind: 'shared_hosting', panelKind: 'cpanel', panelAccount: 'bob', cycle: 'monthly', priceMinor: 1000, startDate: '2026-11-01' })) as { ok: true; value: { id: string } };
      await backend.dispatch('panels.linkContract', { contractId: contract.value.id, connectionId: id });
      await backend.dispatch('panels.connections.update', { id, credentials: { token: SECRETS[1] } });
      await backend.dispatch('panels.test', { id });
      await backend.dispatch('panels.accountState', { contractId: contract.value.id });
      // The client's evidence bundle, with the panel work in it: its ZIP and every file inside.
      const bundle = await backend.dispatch('evidence.bundle', { clientId: client.value.id });
      if (!bundle.ok) throw new Error(bundle.error.message);
      const zip = Buffer.from((bundle.value as { zipBase64: string }).zipBase64, 'base64');
      writeFileSync(join(exportDir, 'evidence.zip'), zip);
      await unzipInto(zip, join(exportDir, 'evidence'));
    } finally {
      await panel.close();
    }

    // Email and SMS: the SMTP password and the gateway's key set through the settings, a login the
    // server refuses (the failure is logged in the book), a text to a gateway that echoes its headers.
    const smtp = await startSmtpPeer({ login: { user: 'mailer', pass: 'another-password' } });
    const gateway = createServer((req, res) => res.writeHead(500).end(JSON.stringify(req.headers)));
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    searched.push(SMTP_PASSWORD, SMS_KEY);
    try {
      await call('company.update', { name: 'Cloudlet Hosting' });
      const settings = await call('channels.settings.update', {
        email: { host: '127.0.0.1', port: smtp.port, security: 'none', username: 'mailer', password: SMTP_PASSWORD, fromAddress: 'billing@cloudlet.example', timeoutSeconds: 2 },
        sms: { url: `http://127.0.0.1:${(gateway.address() as { port: number }).port}/send`, headers: [{ name: 'Authorization', secret: true, value: `Bearer ${SMS_KEY}` }] },
      });
      expect(JSON.stringify(settings)).not.toContain(SMTP_PASSWORD);
      expect(JSON.stringify(settings)).not.toContain(SMS_KEY);
      const client = await call('clients.create', { name: 'Mail Client', currency: 'USD', email: 'a@client.example', phone: '+1 555 0100' });
      const draft = await call('invoices.createDraft', { clientId: client.id, dueDate: '2026-11-20', lines: [{ description: 'Hosting', unitPriceMinor: 1000 }] });
      await call('invoices.issue', { id: draft.id, issueDate: '2026-11-01' });
      const mail = await call('channels.send', { clientId: client.id, letter: 'first_notice', channel: 'email' });
      expect(mail.status).toBe('failed');
      const text = await call('channels.send', { clientId: client.id, letter: 'first_notice', channel: 'sms' });
      expect(text.status).toBe('failed');
      expect(text.detail).toContain('500');
      expect(JSON.stringify(await call('communications.list', { clientId: client.id }))).not.toContain(SMS_KEY);
      expect((await call('channels.testEmail', { to: 'me@cloudlet.example' })).ok).toBe(false);
      expect((await call('channels.testSms', { to: '+1 555 0100' })).message).not.toContain(SMS_KEY);
    } finally {
      await smtp.close();
      await new Promise<void>((resolve) => gateway.close(() => resolve()));
    }

    // Calls that are refused or fail get logged; a secret sent by mistake in their input must not be.
    await backend.dispatch('clients.create', { name: 'Leaky Hosting', currency: 'USD', password: SECRETS[0], token: SECRETS[1] });
    await backend.dispatch('app.lock.unlock', { passphrase: SECRETS[2] });
    await backend.dispatch('backups.create', {});
    await backend.dispatch('backups.exportBook', { folder: exportDir });
    backend.logger.log('warn', 'a panel answered', { authorization: `whm root:${SECRETS[0]}`, apiKey: SECRETS[2] });
    await backend.closeWithBackup();
    backend = undefined;

    // The panel work really happened (and failed once, so a refusal was logged).
    const log = readFileSync(join(dataDir, 'logs', 'hostledger.log'), 'utf8');
    expect(log).toContain('Panel request');
    const files = [...filesUnder(dataDir), ...filesUnder(exportDir)].filter((file) => !file.endsWith('secrets.json'));
    expect(files.some((f) => f.endsWith('hostledger.log'))).toBe(true);
    expect(files.filter((f) => f.endsWith('.sqlite')).length).toBeGreaterThanOrEqual(3);
    expect(files.some((f) => f.endsWith('panel_actions.csv'))).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const secret of searched) for (const form of encodings(secret)) expect(bytes.includes(form), `${form} in ${file}`).toBe(false);
    }
    // The store itself holds them sealed, not in clear.
    const sealed = readFileSync(join(dataDir, 'secrets.json'));
    for (const secret of searched) for (const form of encodings(secret)) expect(sealed.includes(form)).toBe(false);
    expect(await defaultSecretStore(dataDir).get('panel:c1:token')).toBe(SECRETS[1]);
    expect(await defaultSecretStore(dataDir).get('channels:smtp:password')).toBe(SMTP_PASSWORD);
    expect(await defaultSecretStore(dataDir).get('channels:sms:header:authorization')).toBe(`Bearer ${SMS_KEY}`);
  });
});
