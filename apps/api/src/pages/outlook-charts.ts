import type { TopLevelSpec } from 'vega-lite' with { 'resolution-mode': 'import' };
import type { TeamOutlookRow } from '@nba/lifecycle';

/** The two odds charted over the season. */
export type ChartedOdds = 'makePlayoffs' | 'winFinals';

const LABEL: Readonly<Record<ChartedOdds, string>> = { makePlayoffs: 'P(playoffs)', winFinals: 'P(title)' };

/** Per conference panel: wide enough for a season's dates, small enough for a phone once scaled. */
const WIDTH = 300;
const HEIGHT = 170;

const CONFIG = {
  font: 'system-ui, sans-serif',
  axis: { labelFontSize: 11, titleFontSize: 12, labelColor: '#333', titleColor: '#1a1a1a' },
  legend: { labelFontSize: 11, title: null, columns: 3, orient: 'bottom' },
  header: { labelFontSize: 13, labelFontWeight: 'bold', title: null },
  view: { stroke: '#888' },
} as const;

/**
 * Every team's `odds` on every stored date of the season, one panel per conference, a line per
 * team (15 colours a panel, and the team named in the legend and in the table beside the chart,
 * so colour is never the only cue).
 */
export function oddsOverSeasonSpec(
  history: readonly TeamOutlookRow[],
  odds: ChartedOdds,
  season: number,
): TopLevelSpec {
  const values = history.map((r) => ({ date: r.date, team: r.team, conference: r.conference, p: r[odds] }));
  const dates = [...new Set(history.map((r) => r.date))];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description:
      `${LABEL[odds]} of every team on each of the ${dates.length} mornings with a stored outlook of the ${season - 1}-${String(season).slice(2)} season` +
      (dates.length ? `, ${dates[0]} to ${dates.at(-1)}` : '') +
      ', one line per team, East and West in separate panels; the same figures are in the table below the chart.',
    config: CONFIG,
    data: { values },
    facet: { row: { field: 'conference', type: 'nominal', sort: ['East', 'West'] } },
    resolve: { scale: { color: 'independent' } },
    spec: {
      width: WIDTH,
      height: HEIGHT,
      mark: { type: 'line', strokeWidth: 1.8, point: dates.length === 1 },
      encoding: {
        x: {
          field: 'date',
          type: 'temporal',
          scale: { type: 'utc' },
          title: 'Morning of',
          axis: { format: '%b %d', tickCount: 5, labelAngle: 0 },
        },
        y: {
          field: 'p',
          type: 'quantitative',
          scale: { domain: [0, 1] },
          title: LABEL[odds],
          axis: { format: '.0%', tickCount: 5 },
        },
        color: { field: 'team', type: 'nominal', scale: { scheme: 'tableau20' } },
      },
    },
  };
}
