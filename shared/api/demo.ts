import { z } from 'zod';
import { defineMethod } from './contract.js';

export const demoMethods = {
  'demo.load': defineMethod({
    summary: 'Fill an empty book with the sample book (about 300 clients and 700 contracts in English and Chinese), to try HostLedger out.',
    input: z.strictObject({}),
    output: z.object({ plans: z.number().int(), clients: z.number().int(), contracts: z.number().int() }),
  }),
};
