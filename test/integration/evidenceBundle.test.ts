// The evidence bundle on a book a dispute would come from: a client with a contract and its terms,
// invoices, a partial payment, a credit note, a late fee, a dispute, letters issued, an email sent
// (with the mail server's answer), a panel action carried out and a ladder step. The ZIP is unpacked with yauzl:
// every manifest hash matches its file, archived documents come out byte for byte, the CSVs parse
// back and tie out to the book, the PDF reads back with the chronology and the audit verification,
// in both languages; the same books give the same ZIP; a tampered audit log is said to be broken.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import Database from 'better-sqlite3';
import yauzl from 'yauzl';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/paths.js';
import type { EvidenceBundle } from '../../shared/api/evidence.js';
import { bookFingerprint, openTestBook, tempDir, type TestBook } from '../fixtures/book.js';
import { COMPANY, pdfText } from '../fixtures/documents.js';
import { openPanelBook, type PanelBook } from '../fixtures/panels/panelBook.js';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file) => {
      if (error) return reject(error);
      const files = new Map<string, Buffer>();
      file.on('entry', (entry: yauzl.Entry) => {
        file.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            file.readEntry();
          });
        });
      });
      file.on('end', () => resolve(files));
      file.on('error', reject);
      file.readEntry();
    });
  });
}

const csvRows = (bytes: Buffer) => parse(bytes, { bom: true, columns: true }) as Record<string, string>[];

interface Scenario {
  book: PanelBook;
  clientId: string;
  invoiceId: string;
  disputedInvoiceId: string;
  disputeId: string;
  otherClientId: string;
  otherDisputeId: string;
}

/** The client's history from 1 October to 26 November 2026. */
async function disputeBook(): Promise<Scenario> {
  const book = await openPanelBook();
  const clientId = book.clientId;
  await book.call('company.update', COMPANY);
  await book.call('billingSettings.update', { lateFee: { enabled: true, kind: 'fixed', fixedMinorByCurrency: { USD: 500 }, percentBp: 0, afterDays: 5, repeat: 'once', capMinorByCurrency: {} } });
  book.panel.addAccount('acme');
  // The dealings happen on their days: the clock walks from the signature to today.
  const today = book.clock.now().toISOString();
  book.clock.set('2026-09-28T09:00:00Z');
  const contract = await book.call('contracts.create', {
    clientId,
    label: 'acme-shop.example.com',
    kind: 'shared_hosting',
    panelKind: 'cpanel',
    panelAccount: 'acme',
    cycle: 'monthly',
    priceMinor: 10_000,
    startDate: '2026-10-01',
    autoRenew: false,
    termsText: 'Hosting is paid monthly in advance. Service may be restricted 7 days and suspended 14 days after an invoice falls due.',
    termsVersion: 'T-2026.2',
    signedDate: '2026-09-28',
  });
  await book.call('panels.linkContract', { contractId: contract.id, connectionId: book.connectionId });
  const issue = async (amountMinor: number, issueDate: string, dueDate: string, description: string, client = clientId) => {
    const draft = await book.call('invoices.createDraft', { clientId: client, dueDate, lines: [{ description, unitPriceMinor: amountMinor }] });
    return (await book.call('invoices.issue', { id: draft.id, issueDate })).id;
  };
  book.clock.set('2026-10-01T09:00:00Z');
  const invoiceId = await issue(10_000, '2026-10-01', '2026-10-10', 'Hosting October 2026');
  book.clock.set('2026-10-12T09:00:00Z');
  await book.call('payments.record', { clientId, date: '2026-10-12', amountMinor: 6_000, method: 'bank_transfer', reference: 'TRX-88' });
  book.clock.set('2026-10-13T09:00:00Z');
  await book.call('invoices.creditNote', { invoiceId, reason: 'Goodwill: two days of downtime', amountMinor: 500 });
  book.clock.set('2026-10-15T09:00:00Z');
  const disputedInvoiceId = await issue(4_000, '2026-10-15', '2026-10-25', 'Extra storage October');
  // The late fee on the rest of the October invoice (due + 5 days), charged by the billing run.
  expect((await book.call('billing.run', {})).counts.lateFees).toBe(1);
  book.clock.set(today);
  const dispute = await book.call('disputes.open', { invoiceId: disputedInvoiceId, reason: 'Storage never ordered' });
  await book.call('documents.invoicePdf', { invoiceId });
  const notice = await book.call('documents.letter', { clientId, kind: 'first_notice', params: { invoiceIds: [invoiceId] } });
  // An email and a ladder step as the channels and the ladder record them (their writers live on other branches).
  const db = book.backend.db;
  db.prepare(
    `INSERT INTO outgoing_messages (id, key, client_id, channel, kind, recipient, subject, body, document_id, state, attempts, provider_answer, created_at, sent_at)
     VALUES ('msg_0000000000000001', 'rung:x:first_notice:email', ?, 'email', 'first_notice', 'ap@acme.example', 'Overdue notice', 'Dear client…', ?, 'sent', 1, '250 2.0.0 Ok: queued as 4F2A1', '2026-11-26T09:00:00.000Z', '2026-11-26T09:00:01.000Z')`,
  ).run(clientId, notice.document!.id);
  db.prepare(
    `INSERT INTO communications (id, client_id, at, channel, status, recipient, kind, subject, document_id, content_sha256, detail, message_id)
     VALUES ('com_0000000000000001', ?, '2026-11-26T09:00:01.000Z', 'email', 'sent', 'ap@acme.example', 'first_notice', 'Overdue notice', ?, ?, 'SMTP 250', 'msg_0000000000000001')`,
  ).run(clientId, notice.document!.id, 'ab'.repeat(32));
  db.prepare(
    `INSERT INTO dunning_rungs (invoice_id, step_key, client_id, policy_id, state, scheduled_on, done_on, decided_by, decided_at, outcomes_json, updated_at)
     VALUES (?, 'first_notice', ?, 'dp_standard0', 'done', '2026-10-11', '2026-10-11', 'ladder', '2026-10-11T09:00:00.000Z', '[{"kind":"email","result":"sent"}]', '2026-10-11T09:00:00.000Z')`,
  ).run(invoiceId, clientId);
  // The restriction on the panel, approved and carried out.
  const requested = await book.call('actions.request', { contractId: contract.id, kind: 'limit_bandwidth', reason: 'Overdue 7 days' });
  for (const action of requested.actions) if (action.state === 'pending_approval') await book.call('actions.approve', { id: action.id });
  await book.run();

  const other = await book.call('clients.create', { name: 'Other Co', currency: 'USD' });
  const otherInvoice = await issue(2_000, '2026-11-01', '2026-11-10', 'Domain', other.id);
  const otherDispute = await book.call('disputes.open', { invoiceId: otherInvoice, reason: 'Wrong domain' });
  return { book, clientId, invoiceId, disputedInvoiceId, disputeId: dispute.id, otherClientId: other.id, otherDisputeId: otherDispute.id };
}

let s: Scenario;
let bundle: EvidenceBundle;
let files: Map<string, Buffer>;
let copyDir: string;
const progressSeen: { done: number; finished: boolean }[] = [];

beforeAll(async () => {
  s = await disputeBook();
  // The same books, copied before the bundle is made: making it there must give the same ZIP.
  copyDir = tempDir();
  await s.book.backend.db.backup(join(copyDir, DATABASE_FILE));
  const stop = s.book.backend.subscribe((event) => {
    if (event.name === 'job.progress' && event.payload.label === 'evidence.bundle') progressSeen.push({ done: event.payload.done, finished: event.payload.finished });
  });
  bundle = await s.book.call('evidence.bundle', { clientId: s.clientId });
  stop();
  files = await unzip(Buffer.from(bundle.zipBase64, 'base64'));
}, 120_000);
afterAll(() => s?.book.close());

const extra: TestBook[] = [];
afterEach(() => {
  while (extra.length > 0) extra.pop()!.close();
});

describe('the evidence bundle of a client', () => {
  it('holds every file the README names, each with the SHA-256 the manifest gives', () => {
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as { files: { path: string; size: number; sha256: string }[]; through: string };
    expect(manifest.through).toBe('2026-11-26');
    const names = [...files.keys()];
    for (const name of ['README.txt', 'evidence.pdf', 'audit_verify.json', 'csv/invoices.csv', 'csv/payments.csv', 'csv/communications.csv', 'csv/panel_actions.csv', 'csv/ladder.csv', 'csv/audit_log.csv']) expect(names).toContain(name);
    expect(manifest.files.map((f) => f.path).sort()).toEqual(names.filter((n) => n !== 'manifest.json').sort());
    for (const file of manifest.files) {
      expect(sha(files.get(file.path)!), file.path).toBe(file.sha256);
      expect(files.get(file.path)!.byteLength).toBe(file.size);
    }
    expect(sha(Buffer.from(bundle.zipBase64, 'base64'))).toBe(bundle.sha256);
    expect(files.get('evidence.pdf')!.toString('base64')).toBe(bundle.pdfBase64);
    expect(bundle.fileName).toBe('Evidence Acme Web 2026-11-26.zip');
  });

  it('carries every archived document of the client byte for byte', async () => {
    const archived = (await s.book.call('documents.list', { clientId: s.clientId, limit: 500 })).items.filter((d) => d.kind !== 'evidence_bundle');
    expect(archived.length).toBeGreaterThanOrEqual(2);
    const inZip = [...files.keys()].filter((name) => name.startsWith('documents/'));
    expect(inZip).toHaveLength(archived.length);
    for (const document of archived) {
      const name = inZip.find((n) => sha(files.get(n)!) === document.sha256)!;
      expect(name, document.title).toMatch(new RegExp(`^documents/\\d{3}_\\d{4}-\\d{2}-\\d{2}_${document.kind}\\.pdf$`));
      const original = Buffer.from((await s.book.call('documents.get', { id: document.id })).base64, 'base64');
      expect(files.get(name)!.equals(original), name).toBe(true);
      expect(sha(files.get(name)!)).toBe(document.sha256);
    }
  });

  it('has CSVs that parse back and tie out to the book', () => {
    const db = s.book.backend.db;
    const invoices = csvRows(files.get('csv/invoices.csv')!);
    const book = db.prepare(`SELECT count(*) AS n, sum(total_minor) AS total, sum(open_minor) AS open FROM invoices WHERE client_id = ? AND status <> 'draft'`).get(s.clientId) as { n: number; total: number; open: number };
    expect(invoices).toHaveLength(book.n);
    expect(invoices.reduce((sum, row) => sum + Number(row.total_minor), 0)).toBe(book.total);
    expect(invoices.reduce((sum, row) => sum + Number(row.open_minor), 0)).toBe(book.open);
    expect(invoices.find((row) => row.source === 'late_fee')).toMatchObject({ total_minor: '500', kind: 'invoice' });
    expect(invoices.find((row) => row.kind === 'credit_note')).toMatchObject({ total_minor: '500', credited_invoice_id: s.invoiceId, reason: 'Goodwill: two days of downtime' });
    expect(bundle.counts).toMatchObject({ invoices: 3, creditNotes: 1, payments: 1, panelActions: 1, ladderSteps: 1 });
    expect(invoices.find((row) => row.id === s.disputedInvoiceId)).toMatchObject({ disputed: 'true', total_minor: '4000' });
    expect(files.get('csv/invoices.csv')!.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);

    const payments = csvRows(files.get('csv/payments.csv')!);
    expect(payments).toEqual([expect.objectContaining({ date: '2026-10-12', amount_minor: '6000', reference: 'TRX-88', status: 'received' })]);
    expect(payments[0]!.applied_to).toMatch(/^INV-2026-\d+:6000$/);

    const communications = csvRows(files.get('csv/communications.csv')!);
    expect(communications.find((row) => row.channel === 'email')).toMatchObject({ status: 'sent', provider_answer: '250 2.0.0 Ok: queued as 4F2A1', message_state: 'sent' });
    expect(communications.filter((row) => row.channel === 'letter').length).toBeGreaterThanOrEqual(2);

    const actions = csvRows(files.get('csv/panel_actions.csv')!);
    expect(actions).toEqual([expect.objectContaining({ kind: 'limit_bandwidth', state: 'succeeded', account: 'acme', reason: 'Overdue 7 days' })]);
    expect(actions[0]!.finished_at).toMatch(/^2026-11-26T/);

    expect(csvRows(files.get('csv/ladder.csv')!)).toEqual([expect.objectContaining({ invoice_id: s.invoiceId, step: 'first_notice', state: 'done', done_on: '2026-10-11' })]);

    const audit = csvRows(files.get('csv/audit_log.csv')!);
    const rows = db.prepare('SELECT seq, hash FROM audit_log').all() as { seq: number; hash: string }[];
    const hashes = new Map(rows.map((r) => [String(r.seq), r.hash]));
    expect(audit.length).toBeGreaterThan(5);
    for (const row of audit) expect(hashes.get(row.seq)).toBe(row.hash);
    expect(audit.some((row) => row.action === 'evidence.bundled')).toBe(false);
    expect(JSON.parse(files.get('audit_verify.json')!.toString('utf8'))).toMatchObject({ ok: true, brokenAt: null });
  });

  it('says in the PDF what happened, in order, and that the audit chain is intact', () => {
    const text = pdfText(bundle.pdfBase64).replace(/\s+/g, ' ');
    expect(text).toContain('Evidence bundle – Acme Web');
    expect(text).toContain('Audit chain verified: yes');
    expect(text).toMatch(/State of the books\s+as recorded up to audit log row \d+, 2026-11-26 09:00 UTC/);
    expect(text).toContain('Chronology');
    expect(text).toContain('T-2026.2');
    expect(text).toContain('Hosting is paid monthly in advance.');
    expect(text).toContain('Server answer: 250 2.0.0 Ok:');
    expect(text).toContain('queued as 4F2A1');
    expect(text).toContain('Storage never ordered');
    expect(text).toContain('Limit bandwidth');
    // The chronology: signed, started, invoiced, paid, late fee — in that order.
    const order = ['Contract acme-shop.example.com signed', 'Contract acme-shop.example.com starts', 'Payment received', 'Credit note CN-', 'Late fee invoice', 'Dispute opened', 'Panel: Limit bandwidth'].map((what) => text.indexOf(what));
    expect(order.every((at) => at >= 0), JSON.stringify(order)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Every file's hash is on the cover.
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as { files: { path: string; sha256: string }[] };
    for (const file of manifest.files.filter((f) => f.path !== 'evidence.pdf')) expect(text, file.path).toContain(file.sha256);
  });

  it('reports its progress, part by part, to the end', () => {
    expect(progressSeen.length).toBeGreaterThan(5);
    expect(progressSeen.map((p) => p.done)).toEqual([...progressSeen.map((p) => p.done)].sort((a, b) => a - b));
    expect(progressSeen.at(-1)).toEqual({ done: 12, finished: true });
    expect(progressSeen.filter((p) => p.finished)).toHaveLength(1);
  });

  it('is archived, and its ZIP hash is in the audit log', async () => {
    const archived = await s.book.call('documents.get', { id: bundle.documentId });
    expect(archived.document).toMatchObject({ kind: 'evidence_bundle', clientId: s.clientId, sha256: bundle.pdfSha256 });
    expect(archived.base64).toBe(bundle.pdfBase64);
    const entry = s.book.backend.db.prepare(`SELECT data_json FROM audit_log WHERE action = 'evidence.bundled' ORDER BY seq DESC LIMIT 1`).pluck().get() as string;
    expect(JSON.parse(entry)).toMatchObject({ documentId: bundle.documentId, zipSha256: bundle.sha256, auditOk: true });
  });

  it('is the same ZIP, byte for byte, when made again from the same books, later', async () => {
    // A copy taken before the bundle was made, opened hours later.
    const copy = await openTestBook({ dataDir: copyDir, now: '2026-11-26T17:30:00Z' });
    extra.push(copy);
    const again = await copy.call('evidence.bundle', { clientId: s.clientId });
    expect(again.sha256).toBe(bundle.sha256);
    expect(again.zipBase64).toBe(bundle.zipBase64);
    // And in the same book after the first bundle (which archived its PDF and audited its hash).
    const repeated = await s.book.call('evidence.bundle', { clientId: s.clientId });
    expect(repeated.sha256).toBe(bundle.sha256);
    // A change to the books is a different bundle.
    await s.book.call('clients.update', { id: s.clientId, email: 'ap@acme.example' });
    expect((await s.book.call('evidence.bundle', { clientId: s.clientId })).sha256).not.toBe(bundle.sha256);
  });

  it('is written in the language asked for (Chinese for a Chinese-speaking reseller)', async () => {
    const zh = await s.book.call('evidence.bundle', { clientId: s.clientId, language: 'zh-CN' });
    const text = pdfText(zh.pdfBase64).replace(/\s+/g, ' ');
    expect(text).toContain('证据包 – Acme Web');
    expect(text).toContain('审计链校验：通过');
    expect(text).toContain('时间线');
    expect(text).toContain('合同及合同条款');
    expect(text).toContain('发送凭证');
    // The book's codes in the reseller's words: the panel action, its state, the letter channel.
    expect(text).toContain('限制带宽');
    expect(text).toContain('已完成');
    expect(text).toContain('信函');
    expect(text).toContain('第一次催缴通知');
    const readme = (await unzip(Buffer.from(zh.zipBase64, 'base64'))).get('README.txt')!.toString('utf8');
    expect(readme).toContain('各文件说明');
  });

  it('of a dispute ends with that dispute, and stops at the day asked for', async () => {
    const disputed = await s.book.call('evidence.bundle', { clientId: s.clientId, disputeId: s.disputeId });
    const text = pdfText(disputed.pdfBase64).replace(/\s+/g, ' ');
    expect(text.lastIndexOf('The dispute')).toBeGreaterThan(text.indexOf('Disputes, payment plans'));
    expect((await s.book.call('documents.get', { id: disputed.documentId })).document.invoiceId).toBe(s.disputedInvoiceId);

    const early = await s.book.call('evidence.bundle', { clientId: s.clientId, through: '2026-10-12' });
    const earlyFiles = await unzip(Buffer.from(early.zipBase64, 'base64'));
    expect(csvRows(earlyFiles.get('csv/invoices.csv')!).map((row) => row.id)).toEqual([s.invoiceId]);
    expect(early.counts).toMatchObject({ invoices: 1, payments: 1, creditNotes: 0, panelActions: 0, communications: 0 });
    const refused = await s.book.backend.dispatch('evidence.bundle', { clientId: s.clientId, disputeId: s.disputeId, through: '2026-10-12' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { fields: [{ field: 'through' }] } } });
  });

  it('refuses an unknown client, a dispute of another client and a day after today, changing nothing', async () => {
    const db = s.book.backend.db;
    const before = bookFingerprint(db);
    const unknown = await s.book.backend.dispatch('evidence.bundle', { clientId: 'cl_0000000000000000' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found', details: { fields: [{ field: 'clientId' }] } } });
    const foreign = await s.book.backend.dispatch('evidence.bundle', { clientId: s.clientId, disputeId: s.otherDisputeId });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { fields: [{ field: 'disputeId', code: 'not_allowed' }] } } });
    const later = await s.book.backend.dispatch('evidence.bundle', { clientId: s.clientId, through: '2026-12-01' });
    expect(later).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { fields: [{ field: 'through', code: 'not_allowed' }] } } });
    expect(bookFingerprint(db)).toBe(before);
  });
});

describe('a tampered audit log', () => {
  it('is reported as broken in the PDF, the JSON and the answer', async () => {
    const dir = tempDir();
    const book = await openTestBook({ dataDir: dir });
    const client = await book.call('clients.create', { name: 'Lotus Web', currency: 'USD' });
    await book.call('clients.update', { id: client.id, expectedVersion: client.version, email: 'a@lotus.example' });
    book.backend.close();
    const raw = new Database(join(dir, DATABASE_FILE));
    raw.exec('DROP TRIGGER audit_log_no_update;');
    raw.prepare(`UPDATE audit_log SET data_json = '{"changed":["nothing"]}' WHERE seq = 2`).run();
    raw.close();
    const reopened = await openTestBook({ dataDir: dir });
    extra.push(reopened);
    const result = await reopened.call('evidence.bundle', { clientId: client.id });
    expect(result.audit).toMatchObject({ ok: false, brokenAt: 2, checked: 1 });
    const text = pdfText(result.pdfBase64).replace(/\s+/g, ' ');
    expect(text).toContain('Audit chain verified: NO – the chain breaks at row 2');
    const zipped = await unzip(Buffer.from(result.zipBase64, 'base64'));
    expect(JSON.parse(zipped.get('audit_verify.json')!.toString('utf8'))).toMatchObject({ ok: false, brokenAt: 2 });
  });
});
