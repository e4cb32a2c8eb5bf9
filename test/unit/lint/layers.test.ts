// The layer rule of DESIGN §1 is what keeps core runnable without Electron: prove that lint
// (and so `npm test`) fails when a file crosses a layer.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'hostledger/layers').map((m) => m.message);
}

describe('the layer rule', () => {
  it.each([
    ['electron/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/core/clients/x.ts', "import { b } from '../../main/index.js';\nexport const a = b;\n"],
    ['shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ['shared/api/x.ts', "import { createBackend } from '../../electron/core/index.js';\nexport const a = createBackend;\n"],
    ['renderer/src/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n"],
    ['renderer/src/x.ts', "import { createBackend } from '../../electron/core/index.js';\nexport const a = createBackend;\n"],
    ['electron/server/x.ts', "import { b } from '../main/index.js';\nexport const a = b;\n"],
    ['electron/preload/x.cts', "import { methods } from '../../shared/api/methods.js';\nexport const a = methods;\n"],
  ])('rejects a forbidden import in %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([expect.stringMatching(/^Bad layering/)]);
  });

  it.each([
    ['electron/core/x.ts', "import { z } from 'zod';\nimport { methods } from '../../shared/api/methods.js';\nexport const a = [z, methods];\n"],
    ['renderer/src/x.ts', "import { methods } from '../../shared/api/methods.js';\nexport const a = methods;\n"],
    ['electron/preload/x.cts', "import type { HostLedgerBridge } from '../../shared/api/bridge.js';\nexport type A = HostLedgerBridge;\n"],
    ['electron/main/x.ts', "import { app } from 'electron';\nimport { createBackend } from '../core/index.js';\nexport const a = [app, createBackend];\n"],
  ])('allows what %s may import', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
