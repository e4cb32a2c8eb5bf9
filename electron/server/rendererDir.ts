// Where the built renderer is: build/renderer in the HostLedger checkout this module belongs to,
// whether it runs compiled (build/electron/server) or from source through tsx (electron/server).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function isHostLedgerRoot(dir: string): boolean {
  const file = join(dir, 'package.json');
  return existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'hostledger';
}

export function builtRendererDir(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); dir !== dirname(dir); dir = dirname(dir)) {
    if (isHostLedgerRoot(dir)) return join(dir, 'build', 'renderer');
  }
  throw new Error(`No HostLedger package.json above ${from}.`);
}
