import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DbClient } from '@nba/db';
import type { Logger } from '@nba/logging';
import type { LoadedModel } from './loaded-model';

/** Live scores of settled predictions of one model version. */
interface LiveRow {
  name: string;
  version: string;
  settled: number;
  accuracy: number;
  brier: number | null;
  log_loss: number | null;
}

/** How long live scores are reused between scrapes. */
const LIVE_CACHE_MS = 15_000;

/** Prometheus metrics of one app instance (own registry, so several apps can live in one process). */
export class ApiMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly duration: Histogram<'method' | 'route' | 'status'>;
  private readonly served: Counter<'model' | 'version' | 'endpoint'>;
  private readonly modelInfo: Gauge<'model' | 'version'>;
  private readonly loadedAt: Gauge;
  private readonly loadFailures: Counter<'model' | 'version'>;
  private live: { at: number; rows: Promise<LiveRow[]> } | undefined;

  constructor(
    private readonly db: DbClient,
    private readonly logger: Logger,
  ) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests by route and status', labelNames: ['method', 'route', 'status'], registers });
    this.duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.served = new Counter({ name: 'predictions_served_total', help: 'Forecasts returned by the on-demand endpoints', labelNames: ['model', 'version', 'endpoint'], registers });
    this.modelInfo = new Gauge({ name: 'model_info', help: 'The production model loaded (1), by name and version', labelNames: ['model', 'version'], registers });
    this.loadedAt = new Gauge({ name: 'model_loaded_timestamp_seconds', help: 'When the serving model was loaded (0: none)', registers });
    this.loadFailures = new Counter({ name: 'model_load_failures_total', help: 'Production versions that failed to load', labelNames: ['model', 'version'], registers });
    const self = this; // prom-client calls `collect` with the gauge as `this`
    const liveGauge = (name: string, help: string, pick: (r: LiveRow) => number | null) =>
      new Gauge({
        name,
        help,
        labelNames: ['model', 'version'],
        registers,
        collect: async function (this: Gauge<'model' | 'version'>) {
          this.reset();
          for (const r of await self.liveScores()) {
            const value = pick(r);
            if (value !== null) this.set({ model: r.name, version: r.version }, value);
          }
        },
      });
    liveGauge('model_live_settled_predictions', 'Settled predictions per model version', (r) => r.settled);
    liveGauge('model_live_accuracy', 'Share of settled predictions that picked the winner', (r) => r.accuracy);
    liveGauge('model_live_brier', 'Mean Brier score of settled predictions', (r) => r.brier);
    liveGauge('model_live_log_loss', 'Mean log loss of settled predictions', (r) => r.log_loss);
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

  /** Reflects the model now serving. */
  modelSwapped(model: LoadedModel | undefined): void {
    this.modelInfo.reset();
    if (model) this.modelInfo.set({ model: model.name, version: model.version }, 1);
    this.loadedAt.set(model ? model.loadedAt.getTime() / 1000 : 0);
  }

  /** Counts a version that failed to load. */
  loadFailed(model: string, version: string): void {
    this.loadFailures.inc({ model, version });
  }

  /** The text exposition. */
  async text(): Promise<string> {
    return this.registry.metrics();
  }

  private liveScores(): Promise<LiveRow[]> {
    if (this.live && Date.now() - this.live.at < LIVE_CACHE_MS) return this.live.rows;
    const rows = this.db.$queryRaw<LiveRow[]>`
      SELECT mv.name, mv.version, count(*)::int AS settled,
             avg(CASE WHEN (p.home_win_prob >= 0.5) = p.home_won THEN 1.0 ELSE 0.0 END)::float8 AS accuracy,
             avg(p.brier)::float8 AS brier, avg(p.log_loss)::float8 AS log_loss
        FROM predictions p JOIN model_versions mv ON mv.id = p.model_version_id
       WHERE p.settled_at IS NOT NULL AND p.home_won IS NOT NULL
       GROUP BY mv.name, mv.version`.catch((err: unknown) => {
      this.logger.warn('live scores unavailable for /metrics', { err });
      this.live = undefined;
      return [] as LiveRow[];
    });
    this.live = { at: Date.now(), rows };
    return rows;
  }
}
