import http from 'node:http';
import { required } from '@nba/errors';

/** What a keep-alive load run saw. */
export interface LoadResult {
  /** Requests answered (any status). */
  answered: number;
  /** Requests that failed at the socket level (reset, refused, hang-up), by error code. */
  failed: Record<string, number>;
  /** Answers that were not 2xx, by status. */
  statuses: Record<number, number>;
}

/** A running load: `stop()` ends it and resolves with the counts once every worker has finished. */
export interface KeepAliveLoad {
  /** Resolves once every connection has carried at least one request. */
  warm: Promise<void>;
  /** Resolves once every worker has stopped: after `Connection: close` from the server, or at `deadline`. */
  done: Promise<LoadResult>;
}

/**
 * `connections` workers on one keep-alive agent (one socket each), each sending requests back to back
 * (alternately `paths`), the way a client pool does. A worker stops, as a client would move to another
 * instance, once an answer says `Connection: close`; it never retries, so every socket error counts.
 */
export function keepAliveLoad(
  baseUrl: string,
  options: { connections: number; paths: { method: string; path: string; body?: string }[]; deadlineMs: number },
): KeepAliveLoad {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const result: LoadResult = { answered: 0, failed: {}, statuses: {} };
  const stopAt = Date.now() + options.deadlineMs;
  let warmCount = 0;
  let onWarm!: () => void;
  const warm = new Promise<void>((r) => (onWarm = r));
  const once = (n: number) =>
    new Promise<boolean>((resolve) => {
      const spec = required(options.paths[n % options.paths.length], 'a path to request');
      const headers: Record<string, string | number> = spec.body
        ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(spec.body) }
        : {};
      const req = http.request(
        { host: url.hostname, port: url.port, method: spec.method, path: spec.path, agent, headers },
        (res) => {
          res.resume();
          res.on('end', () => {
            result.answered += 1;
            const status = res.statusCode ?? 0;
            if (status >= 300) result.statuses[status] = (result.statuses[status] ?? 0) + 1;
            resolve(res.headers.connection === 'close');
          });
        },
      );
      req.on('error', (err: NodeJS.ErrnoException) => {
        const code = err.code ?? err.message;
        result.failed[code] = (result.failed[code] ?? 0) + 1;
        resolve(true);
      });
      req.end(spec.body);
    });
  const worker = async (id: number) => {
    let warmed = false;
    for (let n = id; Date.now() < stopAt; n += 1) {
      const closed = await once(n);
      if (!warmed && (warmed = true) && ++warmCount === options.connections) onWarm();
      if (closed) return;
    }
  };
  const done = Promise.all(Array.from({ length: options.connections }, (_, i) => worker(i))).then(() => {
    agent.destroy();
    return result;
  });
  return { warm, done };
}
