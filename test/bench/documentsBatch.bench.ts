// Batch printing benchmark (the documents issue):
//   documents.batch500_s  `documents.batch` for 500 first notices to 500 clients (every other one in
//                         Chinese), through dispatch: each letter built from the book, rendered in the
//                         worker, merged into one PDF, archived with the batch and its register, and
//                         logged. Baseline: the PDF layer alone (renderBatch) writing 500 letters of
//                         the same template into one PDF, nothing read or archived — what archiving
//                         every letter on its own and merging them costs on top.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, fixedClock, memoryPreferences, memorySecretStore, silentLogger } from '../../electron/core/index.js';
import { composeLetter } from '../../electron/core/documents/builders/letter.js';
import { sampleClient, sampleFacts } from '../../electron/core/documents/builders/sample.js';
import { createTemplateStore } from '../../electron/core/documents/templateStore.js';
import { renderBatch } from '../../electron/core/documents/pdf/index.js';
import type { Context } from '../../electron/core/context.js';
import { progress, report, timeMs } from './benchReport.js';
import { COMPANY } from '../fixtures/documents.js';

const LETTERS = 500;
const AT = '2026-11-26T09:00:00.000Z';
const TODAY = '2026-11-26';

const dataDir = mkdtempSync(join(tmpdir(), 'hostledger-bench-documents-'));
const backend = await createBackend({ dataDir, clock: fixedClock(AT), prefs: memoryPreferences(), secrets: memorySecretStore(), logger: silentLogger, actor: 'bench' });
const call = async (method: string, input: unknown) => {
  const answer = await backend.dispatch(method as never, input);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
  return answer.value as { id: string };
};
try {
  progress(`documents: ${LETTERS} clients with an overdue invoice each`);
  await call('company.update', COMPANY);
  const clientIds: string[] = [];
  for (let i = 0; i < LETTERS; i += 1) {
    const zh = i % 2 === 1;
    const client = await call('clients.create', {
      name: zh ? `星辰网络 ${i} 号有限公司` : `Client ${i} Web Studio`,
      currency: zh ? 'CNY' : 'USD',
      language: zh ? 'zh-CN' : 'en',
      address: { lines: [zh ? `科技园 ${i} 号` : `${i} Harbour Road`], city: zh ? '深圳市' : 'Bristol', postalCode: String(10_000 + ((i * 7919) % 90_000)) },
    });
    const draft = await call('invoices.createDraft', { clientId: client.id, dueDate: '2026-11-10', lines: [{ description: zh ? 'VPS 月付' : 'VPS monthly', unitPriceMinor: 1000 + i }] });
    await call('invoices.issue', { id: draft.id, issueDate: '2026-10-27' });
    clientIds.push(client.id);
  }

  progress(`documents: baseline, renderBatch of ${LETTERS} letters`);
  const today = { today: () => TODAY } as unknown as Context;
  const templates = createTemplateStore(backend.db);
  const { company, envelope } = { company: { ...COMPANY, website: null, logo: null }, envelope: { format: 'DL' as const, window: 'left' as const } };
  const models = Array.from({ length: LETTERS }, (_, i) => {
    const language = i % 2 === 1 ? 'zh-CN' : 'en';
    const client = sampleClient(language);
    return composeLetter(today, 'first_notice', templates.get('first_notice', language), { ...sampleFacts(TODAY, client.currency), invoices: sampleFacts(TODAY, client.currency).invoices.slice(0, 1) }, client, { company, envelope });
  });
  const baselineMs = await timeMs(() => renderBatch(models));

  progress(`documents: documents.batch of ${LETTERS} letters`);
  const batchMs = await timeMs(() => call('documents.batch', { letters: clientIds.map((clientId) => ({ clientId, kind: 'first_notice' })), sortBy: 'postcode' }));
  report('documents.batch500_s', 's', batchMs / 1000, baselineMs / 1000);
} finally {
  backend.close();
  rmSync(dataDir, { recursive: true, force: true });
}
