// One journal export in a process of its own, so its peak memory is the export's (exports.bench.ts).
// Runs the built backend (scripts/build.mjs), as the app does: the worker thread is compiled JS.
// argv: dataDir, folder, from, to. Prints one JSON line: seconds, CPU seconds (all threads), rows,
// bytes, peak RSS in MB.
import { createBackend, fixedClock, memoryPreferences, memorySecretStore, silentLogger } from '../../build/electron/core/index.js';

const [dataDir, folder, from, to] = process.argv.slice(2);
const backend = await createBackend({ dataDir, clock: fixedClock('2026-11-26T09:00:00.000Z'), prefs: memoryPreferences(), secrets: memorySecretStore(), logger: silentLogger, actor: 'bench' });
const start = performance.now();
const cpuBefore = process.cpuUsage();
const answer = await backend.dispatch('exports.csv', { dataset: 'journal', from, to, folder });
const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuBefore);
backend.close();
if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
process.stdout.write(`${JSON.stringify({ seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, rows: answer.value.rows, bytes: answer.value.bytes, peakMb: process.resourceUsage().maxRSS / 1024 })}\n`);
