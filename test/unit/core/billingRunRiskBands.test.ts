// A payment-risk band whose treatment says so gets its renewals as proformas (paid before the
// period starts); everyone else, and a client never scored, gets invoices as before.
import { afterEach, describe, expect, it } from 'vitest';
import { openBillingBook, type BillingBook } from '../../fixtures/billingBook.js';

let book: BillingBook;
afterEach(async () => {
  await book.ledgerOk();
  book.close();
});

/** RISKY has not paid since October; STEADY always pays before the due date. */
function historyCsv(): string {
  const rows = ['customer_id,invoice_id,invoice_date,due_date,amount,settled_date,disputed'];
  for (const [i, month] of ['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02'].entries()) {
    rows.push(`STEADY,S-${i},${month}-01,${month}-15,10.00,${month}-10,0`);
    rows.push(`RISKY,R-${i},${month}-01,${month}-15,10.00,${i === 0 ? `${month}-30` : ''},0`);
  }
  return rows.join('\n');
}

async function scoredBook() {
  book = await openBillingBook('2026-03-06');
  await book.call('imports.commit', { csv: historyCsv(), fileName: 'history.csv', createMissingClients: true });
  // As the daily run does before it bills.
  await book.call('risk.refresh', {});
  const list = await book.call('risk.list', { limit: 10 });
  const id = (name: string) => list.items.find((i) => i.clientName === name)!;
  const [risky, steady] = [id('RISKY'), id('STEADY')];
  expect([risky.band, steady.band]).toEqual(['critical', 'low']);
  for (const client of [risky, steady]) await book.contract(client.clientId, { startDate: '2026-03-20', priceMinor: 1000 });
  const unscored = await book.client({ name: 'Newcomer' });
  await book.contract(unscored, { startDate: '2026-03-20', priceMinor: 1000 });
  return { risky: risky.clientId, steady: steady.clientId, unscored };
}

describe('renewals by payment-risk band', () => {
  it('are proformas for a band that asks for it (critical, by default), invoices for the others', async () => {
    const { risky, steady, unscored } = await scoredBook();
    const preview = await book.call('billing.preview', { days: 30 });
    const kindIn = (documents: { clientId: string; kind: string }[], clientId: string) => documents.find((d) => d.clientId === clientId)?.kind;
    expect([kindIn(preview.documents, risky), kindIn(preview.documents, steady), kindIn(preview.documents, unscored)]).toEqual(['proforma', 'invoice', 'invoice']);

    const result = await book.call('billing.run', {});
    expect(result.counts).toMatchObject({ invoices: 2, proformas: 1 });
    const proforma = result.documents.find((d) => d.clientId === risky)!;
    expect(proforma).toMatchObject({ kind: 'proforma', number: 'PF-2026-00001' });
    expect([kindIn(result.documents, steady), kindIn(result.documents, unscored)]).toEqual(['invoice', 'invoice']);
  });

  it('are invoices again once the band no longer asks for proformas', async () => {
    const { risky } = await scoredBook();
    await book.call('risk.settings.update', { bands: [{ band: 'critical', renewalsAsProforma: false }] });
    const result = await book.call('billing.run', {});
    expect(result.counts).toMatchObject({ invoices: 3, proformas: 0 });
    expect(result.documents.find((d) => d.clientId === risky)).toMatchObject({ kind: 'invoice' });
  });
});
