import { Client } from 'pg';
import { DEFAULT_DB_TIMEOUTS } from '@nba/db';
import type { Logger } from '@nba/logging';
import { PROMOTION_CHANNEL } from './transitions';

/** Options of {@link listenForPromotions}. */
export interface PromotionListenerOptions {
  /** Called with the model name of every change of a production version (`NOTIFY model_promoted`). */
  onPromotion: (name: string) => void;
  /** Called when the listener connects again after losing its connection (a promotion may have happened meanwhile). */
  onReconnected?: () => void;
  logger: Logger;
  /** Longest wait for the connection to open (default: the database default, 5 s). */
  connectTimeoutMs?: number;
  /** Wait before reconnecting after the connection is lost or refused (default 2 s). */
  reconnectMs?: number;
}

/** A running promotion listener. */
export interface PromotionListener {
  /** Whether the LISTEN connection is open now. */
  readonly connected: boolean;
  /** Closes the connection and stops reconnecting. */
  stop(): Promise<void>;
}

/**
 * Hears of every change of a production version, as the registry announces them on commit
 * (`NOTIFY model_promoted, '<name>'`), on a connection of its own to `databaseUrl`, reconnecting
 * every `reconnectMs` while the database is away. Resolves once the first attempt to connect is
 * over: when it failed, the listener keeps trying in the background (logged as a warning).
 */
export async function listenForPromotions(
  databaseUrl: string,
  options: PromotionListenerOptions,
): Promise<PromotionListener> {
  const { logger } = options;
  let listener: Client | undefined;
  let reconnect: NodeJS.Timeout | undefined;
  let stopped = false;

  const scheduleReconnect = (client: Client): void => {
    if (listener === client) listener = undefined;
    client.end().catch(() => undefined);
    if (stopped || reconnect) return;
    reconnect = setTimeout(() => {
      reconnect = undefined;
      if (!stopped) void connect(false);
    }, options.reconnectMs ?? 2_000);
    reconnect.unref();
  };

  const connect = async (first: boolean): Promise<void> => {
    // bounded, so a stalled server cannot leave the listener waiting forever instead of retrying
    const client = new Client({
      connectionString: databaseUrl,
      connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_DB_TIMEOUTS.connectTimeoutMs,
    });
    client.on('notification', (msg) => {
      if (msg.channel === PROMOTION_CHANNEL && msg.payload) options.onPromotion(msg.payload);
    });
    client.on('error', (err) => {
      logger.warn('promotion listener lost its connection; reconnecting', { err });
      scheduleReconnect(client);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${PROMOTION_CHANNEL}`);
      if (stopped) {
        await client.end().catch(() => undefined);
        return;
      }
      listener = client;
      if (!first) options.onReconnected?.();
    } catch (err) {
      logger.warn('cannot LISTEN for promotions; relying on polling until it reconnects', { err });
      scheduleReconnect(client);
    }
  };

  await connect(true);
  return {
    get connected() {
      return listener !== undefined;
    },
    async stop() {
      stopped = true;
      if (reconnect) clearTimeout(reconnect);
      const client = listener;
      listener = undefined;
      await client?.end().catch(() => undefined);
    },
  };
}
