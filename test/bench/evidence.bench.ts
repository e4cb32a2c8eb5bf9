// Evidence bundle benchmark:
//   evidence.bundle_s  the bundle of a client with two years of monthly dealings at volume: 480
//                      invoices, 480 payments, 40 letters archived and logged — PDF, CSVs, the
//                      archived documents and the deterministic ZIP, through evidence.bundle
//                      (median of 3, the PDF thread already started). Baseline: that client's
//                      statement PDF for the same period (documents.statementPdf, one table of the
//                      same invoices and payments, on the backend's thread).
//   evidence.bundle_cold_s  the first bundle of the process: the PDF thread starts and parses the fonts.
import { addDays } from '../../shared/dates.js';
import { openTestBook } from '../fixtures/book.js';
import { COMPANY } from '../fixtures/documents.js';
import { median, progress, report, timeMs } from './benchReport.js';

const INVOICES = 480;
const LETTERS = 40;
const FIRST_DAY = '2024-11-01';

const book = await openTestBook({ now: '2026-11-26T09:00:00Z' });
try {
  book.backend.db.prepare(`INSERT INTO settings (key, value_json) VALUES ('timeZone', '"UTC"')`).run();
  await book.call('company.update', COMPANY);
  const client = await book.call('clients.create', { name: '张伟科技有限公司', currency: 'CNY', language: 'zh-CN', address: { lines: ['南山区科技园 1 号'], city: '深圳市' } });
  progress(`evidence: ${INVOICES} invoices and payments, ${LETTERS} letters`);
  for (let i = 0; i < INVOICES; i += 1) {
    const day = addDays(FIRST_DAY, Math.floor((i * 700) / INVOICES));
    book.clock.set(`${day}T09:00:00Z`);
    const draft = await book.call('invoices.createDraft', { clientId: client.id, dueDate: addDays(day, 14), lines: [{ description: `云主机 VPS ${i + 1}`, unitPriceMinor: 9_900 + i }] });
    await book.call('invoices.issue', { id: draft.id, issueDate: day });
    await book.call('payments.record', { clientId: client.id, date: addDays(day, 10), amountMinor: 9_900 + i - (i % 3 === 0 ? 500 : 0), method: 'alipay' });
  }
  book.clock.set('2026-11-26T09:00:00Z');
  for (let i = 0; i < LETTERS; i += 1) await book.call('documents.letter', { clientId: client.id, kind: i % 2 === 0 ? 'reminder' : 'first_notice', params: {} });

  progress('evidence: the statement PDF (baseline)');
  const baselineMs = await timeMs(() => book.call('documents.statementPdf', { clientId: client.id, from: FIRST_DAY, to: '2026-11-26' }));
  progress('evidence: the bundle, once cold, then 3 times');
  const bundle = () => book.call('evidence.bundle', { clientId: client.id, language: 'zh-CN' });
  const coldMs = await timeMs(bundle);
  const samples: number[] = [];
  for (let run = 0; run < 3; run += 1) samples.push(await timeMs(bundle));
  report('evidence.bundle_s', 's', median(samples) / 1000, baselineMs / 1000);
  report('evidence.bundle_cold_s', 's', coldMs / 1000, baselineMs / 1000);
} finally {
  book.close();
}
