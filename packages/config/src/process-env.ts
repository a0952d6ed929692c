// The one place that reads the process environment (a lint rule refuses `process.env` everywhere
// else): apps, tests and benchmarks parse what they need with a schema, and pass a copy to a child.
import { z } from 'zod';
import { parseEnv } from './env';

/**
 * Parses this process's environment with `shape` (see {@link parseEnv}: empty strings count as
 * unset; throws `ConfigError('INVALID_ENV')` naming every bad variable, never a value). Only the
 * variables of the shape are returned.
 */
export function readEnv<S extends z.ZodRawShape>(shape: S): z.infer<z.ZodObject<S>> {
  return parseEnv(shape, process.env);
}

/**
 * A copy of this process's environment with `overrides` applied (an `undefined` override removes
 * the variable): what a child process gets, or a command line that parses its environment itself
 * (the `env` it is given, which tests replace).
 */
export function inheritedEnv(overrides: Readonly<Record<string, string | undefined>> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, ...overrides })) if (v !== undefined) env[k] = v;
  return env;
}

/** Where local state goes by default: `XDG_DATA_HOME` (the XDG base directory), read by the embedded database's default folder. */
export const localDataEnv = {
  XDG_DATA_HOME: z.string().optional(),
};
