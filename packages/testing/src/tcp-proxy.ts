import net from 'node:net';

/** What the proxy does with traffic: pass it, hold it (a stalled network), or reset every connection. */
export type TcpProxyMode = 'forward' | 'stall' | 'drop';

/** A TCP proxy between a client and a server that a test can stall and drop. */
export interface TcpProxy {
  /** Port the proxy listens on (127.0.0.1). */
  readonly port: number;
  readonly mode: TcpProxyMode;
  /** Connections currently open through the proxy. */
  readonly connections: number;
  /** `url` (a postgres URL, say) with its host and port replaced by the proxy's. */
  urlFor(url: string): string;
  /**
   * Stops forwarding without closing anything, as a hung server or a partitioned network does:
   * new connections are accepted and nothing reaches either side until `forward()`.
   */
  stall(): void;
  /** Resets every open connection, and every new one until `forward()`, as a server that went away. */
  drop(): void;
  /** Passes traffic again; connections held by a stall continue where they stopped. */
  forward(): void;
  /** Resets every connection and stops listening. */
  close(): Promise<void>;
}

interface Pair {
  client: net.Socket;
  server: net.Socket;
}

/** Starts a proxy on a free port of 127.0.0.1 that forwards to `target`. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: TcpProxyMode = 'forward';
  const pairs = new Set<Pair>();

  const reset = (pair: Pair) => {
    pair.client.resetAndDestroy();
    pair.server.resetAndDestroy();
    pairs.delete(pair);
  };
  // Explicit flow control rather than pipe(): pipe() resumes a paused source on 'drain', which
  // would leak traffic through a stall.
  const relay = (from: net.Socket, to: net.Socket) => {
    from.on('data', (chunk) => {
      if (!to.write(chunk)) from.pause();
    });
    to.on('drain', () => {
      if (mode === 'forward') from.resume();
    });
    from.on('end', () => to.end());
  };

  const listener = net.createServer((client) => {
    if (mode === 'drop') {
      client.resetAndDestroy();
      return;
    }
    const server = net.connect(target.port, target.host);
    const pair = { client, server };
    pairs.add(pair);
    if (mode === 'stall') {
      client.pause();
      server.pause();
    }
    relay(client, server);
    relay(server, client);
    const close = () => {
      if (!pairs.delete(pair)) return;
      client.destroy();
      server.destroy();
    };
    client.on('close', close).on('error', close);
    server.on('close', close).on('error', close);
  });
  await new Promise<void>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (listener.address() as net.AddressInfo).port;

  return {
    port,
    get mode() {
      return mode;
    },
    get connections() {
      return pairs.size;
    },
    urlFor(url) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    stall() {
      mode = 'stall';
      for (const { client, server } of pairs) {
        client.pause();
        server.pause();
      }
    },
    drop() {
      mode = 'drop';
      for (const pair of [...pairs]) reset(pair);
    },
    forward() {
      mode = 'forward';
      for (const { client, server } of pairs) {
        client.resume();
        server.resume();
      }
    },
    async close() {
      for (const pair of [...pairs]) reset(pair);
      await new Promise<void>((resolve) => listener.close(() => resolve()));
    },
  };
}
