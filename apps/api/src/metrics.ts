import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import {
  liveScores as readLiveScores,
  rollingRecords,
  type DbClient,
  type LiveScoreRow,
  type RollingRecordRow,
} from '@nba/db';
import { dataQualityReport } from '@nba/ingestion';
import type { Logger } from '@nba/logging';
import { holdoutLogLosses } from '@nba/registry';
import { dataQualityGauges, EMPTY_DATA_QUALITY } from './data-quality-metrics';
import type { LoadedModel } from './loaded-model';

/** How long live scores are reused between scrapes. */
const LIVE_CACHE_MS = 15_000;

/**
 * `load` at most once per LIVE_CACHE_MS (scrapes in between share its answer). A failure is reported
 * through `onError`, answers `empty`, and is not kept: the next scrape asks again.
 */
function cachedForScrapes<T>(load: () => Promise<T>, empty: T, onError: (err: unknown) => void): () => Promise<T> {
  let cached: { at: number; value: Promise<T> } | undefined;
  return () => {
    if (cached && Date.now() - cached.at < LIVE_CACHE_MS) return cached.value;
    const value = load().catch((err: unknown) => {
      onError(err);
      cached = undefined;
      return empty;
    });
    cached = { at: Date.now(), value };
    return value;
  };
}

/** Prometheus metrics of one app instance (own registry, so several apps can live in one process). */
export class ApiMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly duration: Histogram<'method' | 'route' | 'status'>;
  private readonly served: Counter<'model' | 'version' | 'endpoint'>;
  private readonly modelInfo: Gauge<'model' | 'version'>;
  private readonly loadedAt: Gauge<'model'>;
  private readonly servedVersion = new Map<string, string>();
  private readonly loadFailures: Counter<'model' | 'version'>;
  private readonly withheld: Counter<'reason'>;

  /** `rollingWindowGames`: how many of each version's last settled forecasts the rolling gauges cover. */
  constructor(db: DbClient, logger: Logger, rollingWindowGames = 200) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests by route and status',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.served = new Counter({
      name: 'predictions_served_total',
      help: 'Forecasts returned by the on-demand endpoints',
      labelNames: ['model', 'version', 'endpoint'],
      registers,
    });
    this.modelInfo = new Gauge({
      name: 'model_info',
      help: 'The production model loaded (1), by name and version',
      labelNames: ['model', 'version'],
      registers,
    });
    this.loadedAt = new Gauge({
      name: 'model_loaded_timestamp_seconds',
      help: 'When the serving version of each model was loaded (0: none)',
      labelNames: ['model'],
      registers,
    });
    this.loadFailures = new Counter({
      name: 'model_load_failures_total',
      help: 'Production versions that failed to load',
      labelNames: ['model', 'version'],
      registers,
    });
    this.withheld = new Counter({
      name: 'forecasts_withheld_total',
      help: 'Distinct forecasts withheld because a published number failed the last-step check, by reason',
      labelNames: ['reason'],
      registers,
    });
    // prom-client calls `collect` with the gauge as `this`: the scores come through arrow functions
    // scored by @nba/db's one SQL definition of the scores (as settlement and the record page are)
    const liveScores = cachedForScrapes(
      () => readLiveScores(db),
      [] as LiveScoreRow[],
      (err) => logger.warn('live scores unavailable for /metrics', { err }),
    );
    const rollingScores = cachedForScrapes(
      async () => {
        const [records, backtest] = await Promise.all([rollingRecords(db, rollingWindowGames), holdoutLogLosses(db)]);
        return { records, backtest: new Map(backtest.map((b) => [`${b.name} ${b.version}`, b.logLoss])) };
      },
      { records: [] as RollingRecordRow[], backtest: new Map<string, number>() },
      (err) => logger.warn('rolling scores unavailable for /metrics', { err }),
    );
    const liveGauge = (name: string, help: string, pick: (r: LiveScoreRow) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['model', 'version', 'kind'],
        registers,
        collect: async function (this: Gauge<'model' | 'version' | 'kind'>) {
          this.reset();
          for (const r of await liveScores()) this.set({ model: r.name, version: r.version, kind: r.kind }, pick(r));
        },
      });
    liveGauge(
      'model_live_settled_predictions',
      'Settled predictions per model version (kind="hindcast": the model\'s hindcasts as one series, version "hindcast")',
      (r) => r.settled,
    );
    liveGauge('model_live_accuracy', 'Share of settled predictions that picked the winner', (r) => r.accuracy);
    liveGauge('model_live_brier', 'Mean Brier score of settled predictions', (r) => r.brier);
    liveGauge('model_live_log_loss', 'Mean log loss of settled predictions', (r) => r.logLoss);
    const rollingGauge = (
      name: string,
      help: string,
      pick: (r: RollingRecordRow, backtest: number | undefined) => number | undefined,
    ) =>
      new Gauge({
        name,
        help: `${help} (last ${rollingWindowGames} settled forecasts with a market line, per model version; kind="hindcast": a model's hindcasts as one series)`,
        labelNames: ['model', 'version', 'kind'],
        registers,
        collect: async function (this: Gauge<'model' | 'version' | 'kind'>) {
          this.reset();
          const { records, backtest } = await rollingScores();
          for (const r of records) {
            const value = pick(r, backtest.get(`${r.name} ${r.version}`));
            if (value !== undefined) this.set({ model: r.name, version: r.version, kind: r.kind }, value);
          }
        },
      });
    rollingGauge('model_rolling_games', 'Settled forecasts in the rolling window', (r) => r.games);
    rollingGauge('model_rolling_log_loss', 'Rolling live log loss', (r) => r.logLoss);
    rollingGauge('model_rolling_brier', 'Rolling live Brier score', (r) => r.brier);
    rollingGauge('market_rolling_log_loss', "The market's log loss on the same games", (r) => r.marketLogLoss);
    rollingGauge('market_rolling_brier', "The market's Brier score on the same games", (r) => r.marketBrier);
    rollingGauge(
      'model_backtest_log_loss',
      'Out-of-sample log loss recorded at registration (latest holdout season)',
      (_r, b) => b,
    );
    dataQualityGauges(
      registers,
      cachedForScrapes(
        () => dataQualityReport(db, { recent: 0 }),
        EMPTY_DATA_QUALITY,
        (err) => logger.warn('data-quality counts unavailable for /metrics', { err }),
      ),
    );
  }

  /** Records one finished request. */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.requests.inc(labels);
    this.duration.observe(labels, seconds);
  }

  /** Counts forecasts served by a model. */
  predictionsServed(model: LoadedModel, endpoint: 'predict' | 'batch', count: number): void {
    this.served.inc({ model: model.name, version: model.version, endpoint }, count);
  }

  /** Reflects the version of model `name` now serving (undefined: none). */
  modelSwapped(name: string, model: LoadedModel | undefined): void {
    const previous = this.servedVersion.get(name);
    if (previous !== undefined) this.modelInfo.remove({ model: name, version: previous });
    if (model) this.servedVersion.set(name, model.version);
    else this.servedVersion.delete(name);
    if (model) this.modelInfo.set({ model: name, version: model.version }, 1);
    this.loadedAt.set({ model: name }, model ? model.loadedAt.getTime() / 1000 : 0);
  }

  /** Counts a version that failed to load. */
  loadFailed(model: string, version: string): void {
    this.loadFailures.inc({ model, version });
  }

  /** Counts a forecast withheld by the last-step check. */
  forecastWithheld(reason: string): void {
    this.withheld.inc({ reason });
  }

  /** The text exposition. */
  async text(): Promise<string> {
    return this.registry.metrics();
  }
}
