// Small schema pieces for the knobs of tools, tests and benchmarks (BENCH_QUICK, BENCH_RUNS, …),
// so a caller reads them with readEnv without depending on zod itself, and a bad value is named.
import { z } from 'zod';

/** A flag: on when set to anything (an empty value counts as unset). */
export const envFlag = () =>
  z
    .string()
    .optional()
    .transform((v) => v !== undefined);

/** Optional text, as given. */
export const envText = () => z.string().optional();

/** A finite number, with a default. */
export const envNumber = (fallback: number) =>
  z.coerce.number({ error: 'must be a number' }).finite('must be a finite number').default(fallback);

/** Comma-separated finite numbers (`'0,1,2'`), with a default. */
export const envNumberList = (fallback: readonly number[]) =>
  z
    .string()
    .regex(/^\s*-?\d+(\.\d+)?(\s*,\s*-?\d+(\.\d+)?)*\s*$/, 'must be comma-separated numbers')
    .transform((v) => v.split(',').map(Number))
    .optional()
    .transform((v) => v ?? [...fallback]);
