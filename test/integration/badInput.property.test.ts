// Random input at every registered method (DESIGN §6, the foundation issue): never an internal
// error, and a rejected call changes no row. New methods are covered as soon as they are in the
// contract, because the generator is derived from each method's schema.
import { tmpdir } from 'node:os';
import { isAbsolute } from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods, type MethodName } from '../../shared/api/methods.js';
import { inputArbitrary } from '../fixtures/arbitraryInput.js';
import { bookFingerprint, openTestBook, type TestBook } from '../fixtures/book.js';

let book: TestBook;
const ids: string[] = [];

beforeAll(async () => {
  book = await openTestBook();
  for (const input of [
    { name: 'Zhang Wei', currency: 'CNY' },
    { name: 'Acme Hosting', currency: 'USD', email: 'billing@acme.example', tags: ['vip'] },
    { name: '卡尔云测试', currency: 'CNY', language: 'zh-CN' as const },
  ]) {
    ids.push((await book.call('clients.create', input)).id);
  }
});
afterAll(() => book.close());

function pathOutsideTemp(input: unknown): boolean {
  if (!input || typeof input !== 'object') return false;
  return Object.entries(input).some(([key, value]) => (key === 'folder' || key === 'file') && typeof value === 'string' && isAbsolute(value.trim()) && !value.trim().startsWith(tmpdir()));
}

describe('random input at every method', () => {
  it.each(Object.keys(methods) as MethodName[])('%s: no internal error, and a rejected call changes nothing', async (method) => {
    const schema = z.toJSONSchema(methods[method].input, { io: 'input', unrepresentable: 'any' });
    await fc.assert(
      fc.asyncProperty(inputArbitrary(schema as never, { ids }), async (input) => {
        // A random absolute path would have the backup methods make folders anywhere on this machine.
        fc.pre(!pathOutsideTemp(input));
        const before = bookFingerprint(book.backend.db);
        // Past the app lock's gate (tested on its own), or one random app.lock.lock would refuse every later call.
        const answer = await book.backend.dispatchAsApp(method, input);
        if (!answer.ok) {
          expect(answer.error.code, JSON.stringify(answer.error)).not.toBe('internal');
          expect(bookFingerprint(book.backend.db)).toBe(before);
          if (answer.error.code === 'invalid_input') expect(answer.error.details?.fields?.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  });
});
