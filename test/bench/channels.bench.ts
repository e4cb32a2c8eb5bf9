// Channels benchmarks (issue 8, channels):
//   channels.email_ms          one ladder email end to end through deliver(): the letter rendered
//                              to PDF, archived, the intent committed, sent over SMTP to a real
//                              smtp-server on 127.0.0.1 and the outcome logged — median of 40.
//                              Baseline: the same letter as a printed letter (rendered, archived,
//                              logged, no SMTP), so the ratio is what the mail round trip adds.
//   channels.letters_of_day_s  the day's 200 queued letters merged into one PDF and logged printed.
import { addDays } from '../../shared/dates.js';
import { openTestBook } from '../fixtures/book.js';
import { startSmtpPeer } from '../fixtures/smtpPeer.js';
import { median, progress, report, timeMs } from './benchReport.js';

const EMAILS = 40;
const LETTERS = 200;

const book = await openTestBook();
const smtp = await startSmtpPeer();
try {
  await book.call('company.update', { name: 'Cloudlet Hosting', email: 'billing@cloudlet.example', paymentLines: ['Alipay pay@cloudlet.example'] });
  await book.call('channels.settings.update', { email: { host: '127.0.0.1', port: smtp.port, security: 'none', fromAddress: 'billing@cloudlet.example' } });
  const today = '2026-11-26';
  progress(`channels: ${LETTERS} clients with an overdue invoice`);
  const clients: string[] = [];
  for (let i = 0; i < LETTERS; i += 1) {
    const client = await book.call('clients.create', {
      name: `Client ${i}`,
      currency: 'USD',
      email: `c${i}@client.example`,
      billingEmail: `ap${i}@client.example`,
      address: { lines: [`${i} Main St`], city: 'Springfield', postalCode: '12345' },
    });
    const draft = await book.call('invoices.createDraft', { clientId: client.id, dueDate: addDays(today, -3), lines: [{ description: 'Hosting', unitPriceMinor: 1000 + i }] });
    await book.call('invoices.issue', { id: draft.id, issueDate: addDays(today, -20) });
    clients.push(client.id);
  }

  progress(`channels: ${EMAILS} emails and ${EMAILS} printed letters, alternating`);
  const emailMs: number[] = [];
  const letterMs: number[] = [];
  for (let i = 0; i < EMAILS; i += 1) {
    const clientId = clients[i]!;
    emailMs.push(await timeMs(() => book.call('channels.send', { clientId, letter: 'first_notice', channel: 'email', key: `bench:email:${i}` })));
    letterMs.push(await timeMs(() => book.call('channels.send', { clientId, letter: 'first_notice', channel: 'letter', key: `bench:letter:${i}` })));
  }
  if (smtp.received.length !== EMAILS) throw new Error(`${smtp.received.length} emails arrived, not ${EMAILS}`);
  report('channels.email_ms', 'ms', median(emailMs), median(letterMs));

  for (let i = EMAILS; i < LETTERS; i += 1) await book.call('channels.send', { clientId: clients[i]!, letter: 'first_notice', channel: 'letter', key: `bench:letter:${i}` });
  progress(`channels: the day's ${LETTERS} letters in one PDF`);
  let letters = 0;
  const printMs = await timeMs(async () => {
    letters = (await book.call('channels.lettersToPrint', { date: today })).letters;
  });
  if (letters !== LETTERS) throw new Error(`${letters} letters printed, not ${LETTERS}`);
  report('channels.letters_of_day_s', 's', printMs / 1000);
} finally {
  await smtp.close();
  book.close();
}
