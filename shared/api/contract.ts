// How an operation is declared. The contract is one map (methods.ts); every type a caller or a
// handler sees is derived from it, so there is no second list to keep in step.
import type { z } from 'zod';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** One sentence for the API reference. */
  summary: string;
  /** Strict schema: unknown fields are rejected. */
  input: I;
  output: O;
}

export const defineMethod = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> => spec;
