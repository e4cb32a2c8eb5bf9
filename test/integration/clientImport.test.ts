// Importing clients and contracts from a WHMCS export and from a spreadsheet: bad rows are named
// by row and column and nothing is imported; a good import creates what the file says as one
// batch; undo leaves the book as it was, and is refused once a client has been invoiced.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/database.js';
import { bookFingerprint } from '../fixtures/book.js';
import { openBillingBook, type BillingBook } from '../fixtures/billingBook.js';

let book: BillingBook;
beforeEach(async () => {
  book = await openBillingBook('2026-11-26');
  await book.client({ name: 'Already Here', email: 'here@example.com' });
});
afterEach(() => book.close());

const WHMCS = [
  'id,firstname,lastname,companyname,email,address1,city,state,postcode,country,phonenumber,currency_code,domain,type,billingcycle,amount,regdate,nextduedate,username',
  '17,Wei,Zhang,卡尔云科技有限公司,zhang.wei@kaeryun.example.cn,朝阳区建国路 88 号,北京,北京,100022,CN,+86 138 0000 0000,CNY,kaeryun.example.cn,hostingaccount,Annually,1200.00,2025-03-01,2027-03-01,kaeryun',
  '17,Wei,Zhang,卡尔云科技有限公司,zhang.wei@kaeryun.example.cn,,,,,,,CNY,vps1.kaeryun.example.cn,server,Monthly,199.00,2026-01-15,2026-12-15,',
  '23,Emily,Brown,,emily@brownsites.example,12 High St,Leeds,,LS1 4AP,GB,,GBP,brownsites.example,hostingaccount,Semi-Annually,45.00,2024-06-10,2026-12-10,ebrown',
  '31,Ana,Silva,,ana@silva.example,,,,,BR,,USD,,,,,,,',
].join('\n');

/** The book less what an import leaves on purpose: the audit log and the batch's own record. */
function fingerprintBesidesImports(db: Db): string {
  const image = db.serialize();
  image[18] = 1;
  image[19] = 1;
  const copy = new Database(image);
  copy.pragma('foreign_keys = OFF');
  copy.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log; DELETE FROM client_import_batches;');
  const fingerprint = bookFingerprint(copy);
  copy.close();
  return fingerprint;
}

describe('client and contract import', () => {
  it('previews a WHMCS export: one client per id, its services as contracts', async () => {
    const preview = await book.call('imports.clients.preview', { csv: WHMCS, source: 'whmcs' });
    expect(preview).toMatchObject({ rowCount: 4, clients: 3, contracts: 3, errorCount: 0 });
    expect(preview.mapping).toMatchObject({ externalId: 'id', firstName: 'firstname', label: 'domain', price: 'amount', cycle: 'billingcycle' });
    expect(preview.sample.map((c) => [c.row, c.name, c.currency, c.contracts.map((k) => `${k.label} ${k.kind} ${k.cycle} ${k.priceMinor} ${k.nextDueDate}`)])).toEqual([
      [2, 'Wei Zhang', 'CNY', ['kaeryun.example.cn shared_hosting annual 120000 2027-03-01', 'vps1.kaeryun.example.cn vps monthly 19900 2026-12-15']],
      [4, 'Emily Brown', 'GBP', ['brownsites.example shared_hosting semiannual 4500 2026-12-10']],
      [5, 'Ana Silva', 'USD', []],
    ]);
  });

  it('names every bad row and column, and imports nothing', async () => {
    const csv = [
      'Name,Email,Currency,Domain,Cycle,Price,Next due date',
      'Good Co,good@example.com,USD,good.example,monthly,10.00,2026-12-01',
      ',nobody@example.com,USD,,,,',
      'Bad Mail,not-an-email,USD,,,,',
      'Bad Money,money@example.com,XYZ,,,,',
      'Dup,here@example.com,USD,,,,',
      'Cycle Co,cycle@example.com,USD,cycle.example,weekly,10.00,2026-12-01',
      'Price Co,price@example.com,USD,price.example,monthly,ten,2026-13-01',
    ].join('\n');
    const before = bookFingerprint(book.backend.db);
    const preview = await book.call('imports.clients.preview', { csv });
    expect(preview.errors.map((e) => `${e.row}:${e.column}:${e.code}`)).toEqual([
      '3:Name:required',
      '4:Email:invalid_email',
      '5:Currency:invalid_currency',
      '6:Email:duplicate',
      '7:Cycle:invalid_choice',
      '8:Price:invalid',
      '8:Next due date:invalid_date',
    ]);
    const refused = await book.backend.dispatch('imports.clients.commit', { csv });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { errorCount: 7 } } });
    expect(bookFingerprint(book.backend.db)).toBe(before);
    expect((await book.call('imports.clients.list', {})).items).toEqual([]);
  });

  it('refuses the whole file when the book refuses one contract at the last moment', async () => {
    const csv = ['Name,Currency,Domain,Price,Username', 'One,USD,one.example,5.00,same', 'Two,USD,two.example,5.00,same'].join('\n');
    const before = bookFingerprint(book.backend.db);
    // Two live contracts cannot share one panel account: the second row fails inside the transaction.
    const answer = await book.backend.dispatch('imports.clients.commit', { csv, mapping: { panelAccount: 'Username' } });
    expect(answer.ok).toBe(false);
    expect(bookFingerprint(book.backend.db)).toBe(before);
  });

  it('imports as one batch, undoes to the book as it was, and refuses undo once a client is invoiced', async () => {
    const before = fingerprintBesidesImports(book.backend.db);
    const batch = await book.call('imports.clients.commit', { csv: WHMCS, source: 'whmcs', fileName: 'whmcs-clients.csv' });
    expect(batch).toMatchObject({ source: 'whmcs', fileName: 'whmcs-clients.csv', rowCount: 4, clientsCreated: 3, contractsCreated: 3, status: 'imported' });
    const found = await book.call('clients.search', { query: '卡尔云' });
    expect(found.items.map((c) => c.name)).toEqual(['Wei Zhang']);
    const zhang = await book.call('clients.get', { id: found.items[0]!.id });
    expect(zhang).toMatchObject({ company: '卡尔云科技有限公司', country: 'CN', currency: 'CNY', address: { lines: ['朝阳区建国路 88 号'], city: '北京', postalCode: '100022' } });
    const contracts = await book.call('contracts.search', { clientId: zhang.id });
    expect(contracts.items.map((c) => [c.label, c.panelAccount, c.startDate])).toEqual([
      ['vps1.kaeryun.example.cn', null, '2026-01-15'],
      ['kaeryun.example.cn', 'kaeryun', '2025-03-01'],
    ]);

    const undone = await book.call('imports.clients.undo', { batchId: batch.id });
    expect(undone.status).toBe('undone');
    expect(fingerprintBesidesImports(book.backend.db)).toBe(before);
    expect((await book.call('clients.search', { query: 'kaeryun' })).items).toEqual([]);
    expect((await book.refused('imports.clients.undo', { batchId: batch.id })).code).toBe('conflict');

    const again = await book.call('imports.clients.commit', { csv: WHMCS, source: 'whmcs' });
    const emily = (await book.call('clients.search', { query: 'Emily' })).items[0]!;
    const draft = await book.call('invoices.createDraft', { clientId: emily.id, lines: [{ description: 'Hosting', unitPriceMinor: 4500 }] });
    await book.call('invoices.issue', { id: draft.id });
    const refused = await book.backend.dispatch('imports.clients.undo', { batchId: again.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await book.call('clients.search', { query: 'Emily' })).items).toHaveLength(1);
  });
});
