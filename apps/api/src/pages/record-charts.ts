import type { TopLevelSpec } from 'vega-lite' with { 'resolution-mode': 'import' };
import type { VersionRecord } from './record-stats';

/**
 * Okabe-Ito blue and vermillion: told apart by the common kinds of colour blindness, and the
 * market line is also dashed and named in the legend, so colour is never the only cue.
 */
const MODEL_COLOUR = '#0072B2';
const MARKET_COLOUR = '#D55E00';

/** Sized for a phone (about 340 px wide in all); CSS scales the SVG to the column. */
const WIDTH = 280;
const HEIGHT = 190;

const CONFIG = {
  font: 'system-ui, sans-serif',
  axis: { labelFontSize: 11, titleFontSize: 12, labelColor: '#333', titleColor: '#1a1a1a' },
  legend: { labelFontSize: 12, orient: 'bottom', title: null, symbolStrokeWidth: 3 },
  view: { stroke: '#888' },
} as const;

/** Running mean log loss of the version and of the market on the same games, by day (lower is better). */
export function runningLogLossSpec(r: VersionRecord): TopLevelSpec {
  const model = `${r.name} ${r.version}`;
  const values = r.running.flatMap((p) => [
    { date: p.date, series: model, logLoss: p.model, games: p.games },
    ...(p.market !== null ? [{ date: p.date, series: 'market', logLoss: p.market, games: p.games }] : []),
  ]);
  const last = r.running.at(-1);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description:
      `Running log loss of ${model}${r.market ? ' and of the market' : ''} from ${r.firstDate} to ${r.lastDate}; after ${last?.games ?? 0} ` +
      `games ${model} ${last ? last.model.toFixed(4) : ''}${last?.market != null ? `, market ${last.market.toFixed(4)}` : ''} (lower is better).`,
    width: WIDTH,
    height: HEIGHT,
    config: CONFIG,
    data: { values },
    mark: { type: 'line', strokeWidth: 2.5, interpolate: 'monotone' },
    encoding: {
      x: {
        field: 'date',
        type: 'temporal',
        scale: { type: 'utc' },
        title: 'Game date',
        axis: { format: '%b %d', tickCount: 4, labelAngle: 0 },
      },
      y: {
        field: 'logLoss',
        type: 'quantitative',
        scale: { zero: false },
        title: 'Running log loss (lower is better)',
        axis: { format: '.3f', tickCount: 5 },
      },
      color: {
        field: 'series',
        type: 'nominal',
        sort: [model, 'market'],
        scale: { domain: [model, 'market'], range: [MODEL_COLOUR, MARKET_COLOUR] },
      },
      strokeDash: {
        field: 'series',
        type: 'nominal',
        sort: [model, 'market'],
        scale: {
          domain: [model, 'market'],
          range: [
            [1, 0],
            [6, 4],
          ],
        },
      },
    },
  };
}

/** Calibration of the version's live forecasts: each bin's mean forecast against how often the home side won, labelled with its count. */
export function calibrationSpec(r: VersionRecord): TopLevelSpec {
  const bins = r.calibration
    .filter((b) => b.n > 0)
    .map((b) => ({ forecast: b.meanForecast, observed: b.observed, n: b.n, label: `${b.n}` }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description:
      `Calibration of ${r.name} ${r.version} over ${r.settled} settled forecasts in ${bins.length} bins: points on the diagonal are well ` +
      `calibrated; each point is labelled with its number of games.`,
    width: WIDTH,
    height: WIDTH,
    config: CONFIG,
    layer: [
      {
        data: {
          values: [
            { forecast: 0, observed: 0 },
            { forecast: 1, observed: 1 },
          ],
        },
        mark: { type: 'line', color: '#777', strokeDash: [4, 4] },
        encoding: { x: { field: 'forecast', type: 'quantitative' }, y: { field: 'observed', type: 'quantitative' } },
      },
      {
        data: { values: bins },
        mark: { type: 'point', filled: true, color: MODEL_COLOUR, stroke: '#fff', strokeWidth: 1 },
        encoding: {
          x: {
            field: 'forecast',
            type: 'quantitative',
            scale: { domain: [0, 1] },
            title: 'Forecast home-win probability',
            axis: { format: '.0%', tickCount: 5 },
          },
          y: {
            field: 'observed',
            type: 'quantitative',
            scale: { domain: [0, 1] },
            title: 'Home teams that won',
            axis: { format: '.0%', tickCount: 5 },
          },
          size: { field: 'n', type: 'quantitative', legend: null, scale: { range: [30, 300] } },
        },
      },
      {
        data: { values: bins },
        mark: { type: 'text', dy: -12, fontSize: 11, color: '#1a1a1a' },
        encoding: {
          x: { field: 'forecast', type: 'quantitative' },
          y: { field: 'observed', type: 'quantitative' },
          text: { field: 'label' },
        },
      },
    ],
  };
}
