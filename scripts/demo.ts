// npm run demo -- [--data-dir DIR]: fills an empty book with the sample book.
import { parseArgs } from 'node:util';
import { createBackend, defaultUserDataDir } from '../electron/core/index.js';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } } });
const dataDir = values['data-dir'] ?? defaultUserDataDir();
const backend = await createBackend({ dataDir });
const answer = await backend.dispatch('demo.load', {});
backend.close();
if (!answer.ok) {
  console.error(answer.error.message);
  process.exit(1);
}
const { clients, contracts, plans } = answer.value as { clients: number; contracts: number; plans: number };
console.log(`Sample book loaded into ${dataDir}: ${clients} clients, ${contracts} contracts, ${plans} plans.`);
