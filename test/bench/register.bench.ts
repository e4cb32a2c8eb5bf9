// Register benchmarks (the register issue):
//   clients.insert_rate   100,000 clients and 250,000 contracts written through the repository
//                         layer, rows per second; baseline: the same rows (records, search terms,
//                         status history) written by plain prepared statements in one
//                         transaction. Target ratio ≥ 0.5 (rate: higher is better).
//   clients.search_p95_ms p95 of 200 prefix searches through dispatch over the 100,000 clients
//                         (target ≤ 20 ms).
//   clients.search_risk_p95_ms  the same searches, riskiest first, half of them filtered by a band,
//                         every client scored (the Risk column's order); baseline: the name-order
//                         p95 of the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClientRepository, type ClientRecord } from '../../electron/core/clients/clientRepository.js';
import { createBackend, memoryPreferences, memorySecretStore, silentLogger, type Backend } from '../../electron/core/index.js';
import { seededRandom } from '../../electron/core/demo/random.js';
import { createContractRepository, type ContractRecord } from '../../electron/core/register/contractRepository.js';
import { indexTerms, sortKey } from '../../electron/core/search/searchTerms.js';
import { progress, report } from './benchReport.js';

const CLIENTS = 100_000;
const CONTRACTS = 250_000;
const SEARCHES = 200;
const AT = '2026-11-26T09:00:00.000Z';

const FIRST = ['James', 'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Lucas', 'Mia', 'Zhang', 'Wei', 'Li', 'Na', 'Arjun', 'Chloe', '王', '李', '张', '刘', '陈'];
const LAST = ['Smith', 'Brown', 'Taylor', 'Wilson', 'Martin', 'Clarke', 'Walker', 'Patel', 'Nguyen', 'Garcia', '芳', '伟', '娜', '科技', '网络'];
const TRADES = ['Hosting', 'Design', 'Media', 'Dental', 'Bakery', 'Legal', 'Studio', '云计算', '电子商务'];
const PROVIDERS = ['gmail.com', 'qq.com', '163.com', 'outlook.com', 'yahoo.com', '126.com'];
const DOMAIN_WORDS = ['acme', 'bright', 'cedar', 'delta', 'ember', 'falcon', 'harbor', 'kaeryun', 'lotus', 'maple', 'nova', 'orbit', 'pine', 'quartz', 'river', 'summit'];

/** Mailboxes as a reseller's book has them: free providers and the clients' own domains. */
function emailFor(random: ReturnType<typeof seededRandom>, i: number): string {
  if (random.chance(0.4)) return `user${i}@${random.pick(PROVIDERS)}`;
  return `${random.pick(['billing', 'info', 'admin', 'accounts'])}@${random.pick(DOMAIN_WORDS)}${random.pick(DOMAIN_WORDS)}.example`;
}

function makeClients(): ClientRecord[] {
  const random = seededRandom(7);
  return Array.from({ length: CLIENTS }, (_, i) => {
    const name = `${random.pick(FIRST)} ${random.pick(LAST)}`;
    return {
      id: `cl_${i.toString(36).padStart(16, '0')}`,
      name,
      company: random.chance(0.5) ? `${random.pick(LAST)} ${random.pick(TRADES)}` : null,
      contactName: null,
      email: emailFor(random, i),
      billingEmail: null,
      phone: null,
      address: null,
      country: random.chance(0.3) ? 'CN' : 'US',
      taxId: null,
      language: random.chance(0.3) ? 'zh-CN' : 'en',
      currency: 'USD',
      channels: ['email'],
      notes: null,
      tags: random.chance(0.1) ? ['vip'] : [],
      taxRateId: null,
      taxExemptReason: null,
      prepay: false,
    };
  });
}

function makeContracts(clients: ClientRecord[]): ContractRecord[] {
  return Array.from({ length: CONTRACTS }, (_, i) => {
    const client = clients[i % CLIENTS]!;
    return {
      id: `ct_${i.toString(36).padStart(16, '0')}`,
      clientId: client.id,
      planId: null,
      kind: 'shared_hosting',
      label: `site${i}.example`,
      panelKind: 'cpanel',
      panelAccount: `u${i}`,
      priceMinor: 1299,
      currency: 'USD',
      cycle: 'monthly',
      pricingModel: 'fixed',
      tiers: null,
      unitLabel: null,
      startDate: '2025-01-01',
      nextDueDate: '2026-12-01',
      endDate: null,
      expiresOn: null,
      autoRenew: true,
      termsText: null,
      termsVersion: 'v1',
      signedDate: null,
      termReviewDate: null,
      notes: null,
      status: 'active',
      endReason: null,
    };
  });
}

const openBook = (dataDir: string) => createBackend({ dataDir, prefs: memoryPreferences(), secrets: memorySecretStore(), logger: silentLogger });

function throughRepositories(backend: Backend, clients: ClientRecord[], contracts: ContractRecord[]): number {
  const clientRepo = createClientRepository(backend.db);
  const contractRepo = createContractRepository(backend.db);
  const names = new Map(clients.map((c) => [c.id, c.name]));
  const start = performance.now();
  backend.db.transaction(() => {
    for (const client of clients) clientRepo.insert(client, AT);
    for (const contract of contracts) contractRepo.insert(contract, { clientName: names.get(contract.clientId)!, planName: null }, AT, 'bench');
  })();
  return performance.now() - start;
}

function plainStatements(backend: Backend, clients: ClientRecord[], contracts: ContractRecord[]): number {
  const db = backend.db;
  const insertClient = db.prepare(
    `INSERT INTO clients (id, name, sort_name, company, contact_name, email, billing_email, phone, address_json, country, tax_id, language, currency, channels_json, notes, tags_json, created_at, updated_at)
     VALUES (?, ?, ?, ?, NULL, ?, NULL, NULL, NULL, ?, NULL, ?, ?, ?, NULL, ?, ?, ?)`,
  );
  const insertClientTerms = db.prepare('INSERT INTO client_search (rowid, terms) VALUES (?, ?)');
  const insertContract = db.prepare(
    `INSERT INTO contracts (id, client_id, kind, label, panel_kind, panel_account, price_minor, currency, cycle, pricing_model, start_date, next_due_date, auto_renew, terms_version, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
  );
  const insertHistory = db.prepare('INSERT INTO contract_status_history (contract_id, from_status, to_status, at, reason, actor) VALUES (?, NULL, ?, ?, NULL, ?)');
  const insertContractTerms = db.prepare('INSERT INTO contract_search (rowid, terms) VALUES (?, ?)');
  const names = new Map(clients.map((c) => [c.id, c.name]));
  const start = performance.now();
  db.transaction(() => {
    for (const c of clients) {
      const { lastInsertRowid } = insertClient.run(c.id, c.name, sortKey(c.name), c.company, c.email, c.country, c.language, c.currency, JSON.stringify(c.channels), JSON.stringify(c.tags), AT, AT);
      insertClientTerms.run(lastInsertRowid, indexTerms([c.name, c.company, c.email, c.billingEmail, ...c.tags]));
    }
    for (const k of contracts) {
      const { lastInsertRowid } = insertContract.run(k.id, k.clientId, k.kind, k.label, k.panelKind, k.panelAccount, k.priceMinor, k.currency, k.cycle, k.pricingModel, k.startDate, k.nextDueDate, k.termsVersion, k.status, AT, AT);
      insertHistory.run(k.id, k.status, AT, 'bench');
      insertContractTerms.run(lastInsertRowid, indexTerms([k.label, k.panelAccount, names.get(k.clientId), null]));
    }
  })();
  return performance.now() - start;
}

async function insertRate(clients: ClientRecord[], contracts: ContractRecord[]): Promise<string> {
  const rows = clients.length + contracts.length;
  const plainDir = mkdtempSync(join(tmpdir(), 'hostledger-bench-plain-'));
  const plain = await openBook(plainDir);
  progress(`plain statements: ${rows} rows…`);
  const plainMs = plainStatements(plain, clients, contracts);
  plain.close();
  rmSync(plainDir, { recursive: true, force: true });

  const dataDir = mkdtempSync(join(tmpdir(), 'hostledger-bench-register-'));
  const backend = await openBook(dataDir);
  progress(`repositories: ${rows} rows…`);
  const repoMs = throughRepositories(backend, clients, contracts);
  backend.close();
  report('clients.insert_rate', 'rows/s', rows / (repoMs / 1000), rows / (plainMs / 1000));
  return dataDir;
}

async function searchP95(dataDir: string, clients: ClientRecord[]): Promise<void> {
  const backend = await openBook(dataDir);
  const random = seededRandom(11);
  // Prefixes people type: the first one to four letters of a name, company or email word.
  const words = clients.slice(0, 5000).flatMap((c) => [c.name, c.company ?? '', c.email ?? ''].join(' ').split(/[\s@.]+/).filter(Boolean));
  const queries = Array.from({ length: SEARCHES }, () => {
    const word = random.pick(words);
    return word.slice(0, random.int(1, Math.min(4, word.length)));
  });
  for (const query of queries.slice(0, 20)) await backend.dispatch('clients.search', { query });
  const times: number[] = [];
  for (const query of queries) {
    const start = performance.now();
    const answer = await backend.dispatch('clients.search', { query });
    times.push(performance.now() - start);
    if (process.env.BENCH_DEBUG) progress(`${(performance.now() - start).toFixed(1)} ${JSON.stringify(query)} ${(answer as { value?: { items: unknown[] } }).value?.items.length}`);
    if (!answer.ok) throw new Error(`search failed: ${answer.error.message}`);
  }
  const p95 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.ceil(samples.length * 0.95) - 1]!;
  const byName = p95(times);
  report('clients.search_p95_ms', 'ms', byName);

  // Scores as a recompute leaves them (current, as of the book's today), written directly: this
  // measures the list's risk order, not the scoring (risk.score_all_s does that).
  const today = ((await backend.dispatch('app.info', {})) as { ok: true; value: { today: string } }).value.today;
  const insert = backend.db.prepare("INSERT INTO risk_scores (client_id, score, band, scored_on, scored_at) VALUES (?, ?, ?, ?, ?)");
  backend.db.transaction(() => {
    for (const client of clients) {
      const score = random.int(0, 100);
      insert.run(client.id, score, score < 25 ? 'low' : score < 50 ? 'medium' : score < 75 ? 'high' : 'critical', today, AT);
    }
  })();
  const bands = ['low', 'medium', 'high', 'critical'] as const;
  const riskTimes: number[] = [];
  for (const [i, query] of queries.entries()) {
    const input = i % 2 === 0 ? { query, order: 'riskiest' as const } : { query, order: 'riskiest' as const, band: bands[i % 4]! };
    const start = performance.now();
    const answer = await backend.dispatch('clients.search', input);
    riskTimes.push(performance.now() - start);
    if (!answer.ok) throw new Error(`risk-ordered search failed: ${answer.error.message}`);
  }
  report('clients.search_risk_p95_ms', 'ms', p95(riskTimes), byName);
  backend.close();
}

const clients = makeClients();
const contracts = makeContracts(clients);
const dataDir = await insertRate(clients, contracts);
await searchP95(dataDir, clients);
rmSync(dataDir, { recursive: true, force: true });
