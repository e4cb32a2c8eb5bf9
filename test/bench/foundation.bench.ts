// Foundation benchmarks: opening a large book, and what the HTTP transport adds to a call.
//   db.cold_open_ms    createBackend on a book of 100,000 clients (open, pragmas, migration check,
//                      services) — target ≤ 300 ms; baseline: better-sqlite3 opening the same
//                      file and reading PRAGMA user_version.
//   api.roundtrip_ms   one clients.get over HTTP in browser mode (fetch, keep-alive); baseline:
//                      the same call through dispatch in the process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createBackend, memoryPreferences, memorySecretStore, silentLogger, type Backend } from '../../electron/core/index.js';
import { startHttpServer } from '../../electron/server/httpServer.js';
import { median, progress, report, timeMs } from './benchReport.js';

const CLIENTS = 100_000;
const OPEN_RUNS = 9;
const CALLS = 1_000;
const WARM_UP_CALLS = 100;

const WORDS = ['Cloud', 'Host', 'Web', 'Studio', 'Media', 'Digital', 'Net', 'Labs', 'Shop', 'Design', '卡尔', '云端', '网络'];

const openBook = (dataDir: string) =>
  createBackend({ dataDir, prefs: memoryPreferences(), secrets: memorySecretStore(), logger: silentLogger });

/**
 * Fills the book through the API, so every row (clients, search terms, audit chain) is what real
 * use writes. One outer transaction turns each call's own transaction into a savepoint; without
 * it, 100,000 synchronous commits would take many minutes.
 */
async function fillBook(backend: Backend): Promise<void> {
  backend.db.exec('BEGIN');
  for (let i = 0; i < CLIENTS; i += 1) {
    const name = `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} ${i}`;
    const answer = await backend.dispatch('clients.create', {
      name,
      company: i % 3 === 0 ? `${name} Ltd` : undefined,
      email: `billing${i}@example${i % 97}.com`,
      currency: i % 4 === 0 ? 'CNY' : 'USD',
      tags: i % 5 === 0 ? ['reseller'] : [],
    });
    if (!answer.ok) throw new Error(`clients.create failed: ${answer.error.message}`);
  }
  backend.db.exec('COMMIT');
}

async function coldOpen(dataDir: string, dbFile: string): Promise<void> {
  const samples: number[] = [];
  const baselines: number[] = [];
  // One unmeasured round first (module loading, page cache), then alternate the two.
  for (let run = 0; run <= OPEN_RUNS; run += 1) {
    const value = await timeMs(async () => (await createBackend({ dataDir })).close());
    const baseline = await timeMs(() => {
      const db = new Database(dbFile);
      db.pragma('user_version', { simple: true });
      db.close();
    });
    if (run > 0) {
      samples.push(value);
      baselines.push(baseline);
    }
  }
  report('db.cold_open_ms', 'ms', median(samples), median(baselines));
}

async function roundTrip(backend: Backend, id: string): Promise<void> {
  const token = 'bench-token';
  const server = await startHttpServer({ backend, port: 0, token, staticDir: join(backend.dataDir, 'no-renderer'), logger: silentLogger });
  const url = `${server.url}api/clients.get`;
  const body = JSON.stringify({ id });
  const overHttp = async () => {
    const response = await fetch(url, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body });
    const envelope = (await response.json()) as { ok: boolean };
    if (!envelope.ok) throw new Error('clients.get over HTTP failed');
  };
  const direct = async () => {
    if (!(await backend.dispatch('clients.get', { id })).ok) throw new Error('clients.get failed');
  };
  const sample = async (work: () => Promise<void>) => {
    for (let i = 0; i < WARM_UP_CALLS; i += 1) await work();
    const times: number[] = [];
    for (let i = 0; i < CALLS; i += 1) times.push(await timeMs(work));
    return median(times);
  };
  try {
    const baseline = await sample(direct);
    report('api.roundtrip_ms', 'ms', await sample(overHttp), baseline);
  } finally {
    await server.close();
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'hostledger-bench-'));
try {
  progress(`bench: filling a book with ${CLIENTS.toLocaleString('en')} clients…`);
  const started = performance.now();
  const builder = await openBook(dataDir);
  const { dbFile } = builder;
  await fillBook(builder);
  builder.close();
  progress(`bench: book filled in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  await coldOpen(dataDir, dbFile);

  const backend = await openBook(dataDir);
  try {
    const first = await backend.dispatch('clients.search', { query: '', limit: 1 });
    if (!first.ok) throw new Error(first.error.message);
    await roundTrip(backend, (first.value as { items: { id: string }[] }).items[0].id);
  } finally {
    backend.close();
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
