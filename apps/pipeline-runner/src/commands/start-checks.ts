import net from 'node:net';
import { CliError } from '@nba/cli';
import type { PipelineEnv } from '../env';
import { embeddedDataDir } from '../runtime';

// What `start` checks before any work (no database started, no pipeline run), so that a second
// start or a taken port is refused at once instead of after the whole pipeline.

/**
 * Refuses at once, in one line naming it (pid, port, since when), when another process runs the
 * embedded database of this data folder (DbError `EMBEDDED_FAILED`: exit 1). Nothing to check with
 * DATABASE_URL, or without the embedded package (opening the database then says so).
 */
export async function assertDataFolderFree(env: PipelineEnv, rawEnv: NodeJS.ProcessEnv): Promise<void> {
  if (env.DATABASE_URL) return;
  let embedded: typeof import('@nba/embedded-db');
  try {
    embedded = await import('@nba/embedded-db');
  } catch {
    return;
  }
  await embedded.assertEmbeddedFree(embeddedDataDir(env, rawEnv, embedded.defaultDataDir));
}

/** Refuses a `--port` another program listens on (a usage error, exit 2), before any work. */
export async function assertPortFree(port: number, host = '127.0.0.1'): Promise<void> {
  const server = net.createServer();
  const problem = await new Promise<string | undefined>((resolve) => {
    server.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(undefined)));
  });
  if (problem === 'EADDRINUSE')
    throw new CliError(
      'USAGE',
      `--port ${port}: another program already listens on ${host}:${port}; stop it, or choose another --port (or --no-serve)`,
    );
  if (problem)
    throw new CliError('USAGE', `--port ${port}: cannot listen on ${host}:${port} (${problem}); choose another --port`);
}
