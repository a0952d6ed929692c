import type { Logger } from '@nba/logging';
import type { ForecastCheck } from '@nba/modeling';
import type { ApiMetrics } from './metrics';

/** Distinct withheld forecasts remembered before the memory starts again (a bound on memory, not a promise). */
const REMEMBERED = 10_000;

/**
 * Counts and logs forecasts withheld by the last-step check, once per distinct forecast (`key`):
 * a page reloaded every minute must not fill the log or inflate `forecasts_withheld_total`.
 */
export class WithheldForecasts {
  private readonly seen = new Set<string>();

  constructor(
    private readonly metrics: ApiMetrics,
    private readonly logger: Logger,
  ) {}

  /** Records a failed check of the forecast `key` (first time only); `context` goes into the log line. */
  record(key: string, check: Extract<ForecastCheck, { ok: false }>, context: Record<string, unknown>): void {
    if (this.seen.has(key)) return;
    if (this.seen.size >= REMEMBERED) this.seen.clear();
    this.seen.add(key);
    this.metrics.forecastWithheld(check.reason);
    this.logger.warn('forecast withheld', { ...context, reason: check.reason, detail: check.message });
  }
}
