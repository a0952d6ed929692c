import type { Logger } from '@nba/logging';
import type { Rejection } from '../rejection';

const MAX_LOGGED = 20;

/** Logs each rejection (up to 20, then a count) so a bad batch is visible without flooding logs. */
export function logRejections(logger: Logger, what: string, rejections: readonly Rejection[]): void {
  for (const r of rejections.slice(0, MAX_LOGGED))
    logger.warn(`${what} record rejected`, { record: r.record, reason: r.reason });
  if (rejections.length > MAX_LOGGED)
    logger.warn(`${what} records rejected`, { count: rejections.length, logged: MAX_LOGGED });
}
