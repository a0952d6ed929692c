import type { CalibrationBin, ForecastScore } from './metrics';

/** The forecasts every backtest scores on the same games. */
export const FORECASTS = ['home', 'elo', 'market', 'model_stats', 'model_market'] as const;
export type ForecastName = (typeof FORECASTS)[number];

/** Mean absolute errors of the point forecasts (margin or total) on the same games. */
export interface PointErrors {
  n: number;
  model_stats: number;
  model_market: number;
  /** The closing line (minus the spread for the margin, the total line for the total). */
  closing: number;
}

/** Scores of one season (or all seasons together). */
export type SeasonScores = Record<ForecastName, ForecastScore> & { margin: PointErrors; total: PointErrors };

/** The market-aware model against the market in one season (the guardrail of `model_market`). */
export interface GuardrailSeason {
  /** Games with a line (the ones scored). */
  n: number;
  /** model_market's and the market's log loss on them. */
  modelLogLoss: number;
  marketLogLoss: number;
  /** model_market log loss minus the market's on the season's games. */
  diff: number;
  /** The bound minus diff: how far the season stays inside the bound (negative: outside). */
  margin: number;
  /** diff ≤ the bound. */
  ok: boolean;
  /** Weight of the booster's correction the season's model kept (0: the market itself; see `chooseShrink`). */
  lambda: number;
  /** The same on the season's candidate's validation slice (its last training season, games with a line). */
  validationDiff: number;
  /** validationDiff > the bound: the promotion guardrail would have refused the candidate. */
  refused: boolean;
}

/** What `backtest` writes to report.json. */
export interface BacktestReport {
  seasons: Record<string, SeasonScores>;
  overall: SeasonScores;
  calibration: Record<ForecastName, CalibrationBin[]>;
  fromSeason: number;
  toSeason: number;
  gitCommit: string | null;
  featureSpecVersion: string;
  featureSpecs: Record<'stats' | 'market', readonly string[]>;
  params: unknown;
  /** Mean best iteration of each booster over the seasons. */
  bestIterations: Record<string, number>;
  tuning: string;
  /** Per season, model_market against the market (bound: `MARKET_GUARDRAIL`). */
  guardrail: {
    bound: number;
    allOk: boolean;
    worstSeason: string | null;
    worstMargin: number;
    seasons: Record<string, GuardrailSeason>;
  };
  wallTimeMs: number;
  generatedAt: string;
}

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : 'n/a');
const f5 = (x: number) => (Number.isFinite(x) ? x.toFixed(5) : 'n/a');
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');

function scoreTable(s: SeasonScores): string[] {
  const out = ['| forecast | n | log loss | Brier | accuracy | ECE |', '|---|---|---|---|---|---|'];
  for (const f of FORECASTS) {
    const x = s[f];
    out.push(`| ${f} | ${x.n} | ${f3(x.logLoss)} | ${f3(x.brier)} | ${f3(x.accuracy)} | ${f3(x.ece)} |`);
  }
  return out;
}

/** Human-readable report: overall scores, per-season log loss, point errors, provenance. */
export function reportMarkdown(r: BacktestReport): string {
  const lines = [`# Walk-forward backtest ${r.fromSeason}-${r.toSeason}`, ''];
  lines.push(
    `Each season is predicted by models trained only on games before it; all forecasts are scored on the same ${r.overall.home.n} games.`,
    '',
  );
  lines.push('## All seasons', '', ...scoreTable(r.overall), '');
  lines.push(
    '## Log loss by season',
    '',
    `| season | ${FORECASTS.join(' | ')} |`,
    `|---|${FORECASTS.map(() => '---').join('|')}|`,
  );
  for (const [season, s] of Object.entries(r.seasons))
    lines.push(`| ${season} | ${FORECASTS.map((f) => f3(s[f].logLoss)).join(' | ')} |`);
  const g = r.guardrail;
  const sg = (x: number) => (Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${x.toFixed(5)}` : 'n/a');
  lines.push('', `## Guardrail: model_market against the market (bound +${g.bound})`, '');
  lines.push(
    `${g.allOk ? 'Met' : '**Not met**'}: every season's model_market log loss ≤ market + ${g.bound}. "validation" is the season's candidate on its own ` +
      `validation slice (last training season); "refused" means the promotion guardrail would have kept it out.`,
    '',
  );
  lines.push(
    `Worst season: ${g.worstSeason ?? 'n/a'}, margin to the bound ${sg(g.worstMargin)}. λ is the weight of the booster's correction the season's model kept (0 = the market).`,
    '',
  );
  lines.push(
    '| season | games | model_market | market | model − market | margin to bound | within bound | λ | validation: model − market | refused |',
    '|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const [season, s] of Object.entries(g.seasons))
    lines.push(
      `| ${season} | ${s.n} | ${f5(s.modelLogLoss)} | ${f5(s.marketLogLoss)} | ${sg(s.diff)} | ${sg(s.margin)} | ${s.ok ? 'yes' : '**no**'} | ${f2(s.lambda)} | ` +
        `${sg(s.validationDiff)} | ${s.refused ? 'yes' : 'no'} |`,
    );
  lines.push(
    '',
    '## Margin and total, mean absolute error (points)',
    '',
    '| target | n | model_stats | model_market | closing line |',
    '|---|---|---|---|---|',
  );
  for (const k of ['margin', 'total'] as const) {
    const e = r.overall[k];
    lines.push(`| ${k} | ${e.n} | ${f2(e.model_stats)} | ${f2(e.model_market)} | ${f2(e.closing)} |`);
  }
  lines.push('', '## Provenance', '');
  lines.push(`- git commit: ${r.gitCommit ?? 'unknown'}`);
  lines.push(
    `- feature spec version: ${r.featureSpecVersion} (stats: ${r.featureSpecs.stats.length} features, market: ${r.featureSpecs.market.length})`,
  );
  lines.push(`- tuning: ${r.tuning}`);
  lines.push(
    `- best iterations (mean): ${Object.entries(r.bestIterations)
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join(', ')}`,
  );
  lines.push(`- wall time: ${(r.wallTimeMs / 1000).toFixed(1)} s`, `- params: \`${JSON.stringify(r.params)}\``, '');
  lines.push('![calibration](calibration.svg)', '');
  return lines.join('\n');
}
