import type { demoMethods } from '../../../shared/api/demo.js';
import type { Handlers, HandlersOf } from '../context.js';
import { loadSampleBook } from './sampleBook.js';

/** Takes the whole handler map lazily: the sample book is written through every other handler. */
export const demoHandlers = (all: () => Handlers): HandlersOf<typeof demoMethods> => ({
  'demo.load'(_input, ctx) {
    return loadSampleBook(ctx, all());
  },
});
