import type { CliIo } from '@nba/cli';
import { inheritedEnv } from '@nba/config';

/**
 * What the pipeline's commands get from outside (`@nba/cli`'s convention): where to print and the
 * process environment. `main.ts` passes the process's own; a test may pass its own streams and env.
 * Commands are `AddCommand<PipelineDeps>`: `(program, deps) => void`, their actions return nothing
 * or the exit code of an outcome they printed (a failed run: `EXIT.FAILED`), and throw on failure.
 */
export interface PipelineDeps extends CliIo {
  /** The raw environment, parsed by `readEnv` (`@nba/config`); DATABASE_URL as given names the server in a database problem's line. */
  env: NodeJS.ProcessEnv;
}

/** The process's own streams and environment (a copy, from `@nba/config`). */
export function processDeps(): PipelineDeps {
  return { stdout: process.stdout, stderr: process.stderr, env: inheritedEnv() };
}
